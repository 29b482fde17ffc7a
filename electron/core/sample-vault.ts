import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { atomicWrite } from '../vault/atomic-write.ts';
import { readManifest } from '../vault/vault-manifest.ts';

/**
 * The sample vault ships read-only inside the app; a first start gets its own copy, with an id
 * of its own, so that the user's edits never touch the shipped files.
 */
export async function installSampleVault(sampleDir: string, destination: string): Promise<string> {
  return copySampleVault(sampleDir, await freeFolderName(destination));
}

/** Copies the sample into `target`, which must be missing or empty. */
export async function copySampleVault(sampleDir: string, target: string): Promise<string> {
  await fs.mkdir(target, { recursive: true });
  // Entry by entry, so that an existing empty folder can receive it; nothing existing is replaced.
  for (const entry of await fs.readdir(sampleDir)) {
    await fs.cp(path.join(sampleDir, entry), path.join(target, entry), { recursive: true, errorOnExist: true, force: false });
  }
  const { manifest } = await readManifest(target);
  const copy = { ...manifest, id: randomUUID(), created: new Date().toISOString() };
  await atomicWrite(path.join(target, 'carnet.json'), `${JSON.stringify(copy, null, 2)}\n`);
  // Files copied from a read-only install (an AppImage, a system package) keep their read-only mode.
  await makeWritable(target);
  return target;
}

/** `dest`, else `dest 2`, `dest 3`…: a sample copy never lands on an existing folder. */
async function freeFolderName(destination: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? destination : `${destination} ${n}`;
    const taken = await fs.lstat(candidate).then(() => true, () => false);
    if (!taken) return candidate;
  }
}

async function makeWritable(dir: string): Promise<void> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      await fs.chmod(full, 0o755);
      await makeWritable(full);
    } else if (entry.isFile()) {
      await fs.chmod(full, 0o644);
    }
  }
}
