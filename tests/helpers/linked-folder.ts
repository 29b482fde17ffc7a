import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { FIXTURES } from './seeds.ts';
import { tempDir } from './temp-dir.ts';

/**
 * A folder to import that holds one real article and links of every kind:
 *   drop/capture-en.txt         the article
 *   drop/secret.txt          -> <tmp>/outside/secret.txt (a file outside the folder, with a unique marker)
 *   drop/passwd.txt          -> /etc/passwd (when the system has one)
 *   drop/gone.txt            -> <tmp>/nowhere.txt (dangling)
 *   drop/nested/alias.txt    -> drop/capture-en.txt (inside the folder)
 *   drop/linked              -> <tmp>/outside (a linked folder)
 * and an empty vault folder beside it.
 */
export async function linkedFolder() {
  const temp = await tempDir('carnet-links-');
  const marker = `CARNET-OUTSIDE-${randomBytes(8).toString('hex')}`;
  const drop = path.join(temp.dir, 'drop');
  const outside = path.join(temp.dir, 'outside');
  await fs.mkdir(path.join(drop, 'nested'), { recursive: true });
  await fs.mkdir(outside);
  // Reads as an article, so that the old code would have imported it.
  const secret = `Private notes\n\nThese notes are mine and must never leave this folder: ${marker}.\n\nThe second paragraph says more about ${marker} and why it is private.\n`;
  await fs.writeFile(path.join(outside, 'secret.txt'), secret);
  await fs.copyFile(path.join(FIXTURES, 'capture-en.txt'), path.join(drop, 'capture-en.txt'));
  await fs.symlink(path.join(outside, 'secret.txt'), path.join(drop, 'secret.txt'));
  const passwd = existsSync('/etc/passwd');
  if (passwd) await fs.symlink('/etc/passwd', path.join(drop, 'passwd.txt'));
  await fs.symlink(path.join(temp.dir, 'nowhere.txt'), path.join(drop, 'gone.txt'));
  await fs.symlink(path.join('..', 'capture-en.txt'), path.join(drop, 'nested', 'alias.txt'));
  await fs.symlink(outside, path.join(drop, 'linked'), 'dir');
  return { dir: temp.dir, drop, outside, marker, passwd, vaultDir: path.join(temp.dir, 'vault'), remove: temp.remove };
}

/** Every file under `dir` (hidden ones included), for a search of the bytes that must not be there. */
export async function allFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Whether any file under `dir` holds `needle`. */
export async function folderContains(dir: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const file of await allFiles(dir)) if ((await fs.readFile(file)).includes(needle)) hits.push(file);
  return hits;
}
