import fs from 'node:fs/promises';
import path from 'node:path';
import { CarnetError } from '../core/carnet-error.ts';
import { atomicWrite } from './atomic-write.ts';
import type { VaultCore } from './vault-core.ts';

export type CacheFolder = 'index';
const CACHE_NAME = /^[a-z0-9][a-z0-9.-]{0,80}\.json$/;

/** `.carnet/<folder>/`: caches rebuilt at will, so they are written even when nothing else changes, and never in a read-only vault. */
export class CacheStore {
  private readonly core: VaultCore;

  constructor(core: VaultCore) {
    this.core = core;
  }

  async read(folder: CacheFolder): Promise<Map<string, string>> {
    const dir = path.join(this.core.root, '.carnet', folder);
    const files = new Map<string, string>();
    for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
      if (!CACHE_NAME.test(name)) continue;
      const text = await fs.readFile(path.join(dir, name), 'utf8').catch(() => null);
      if (text !== null) files.set(name, text);
    }
    return files;
  }

  async list(folder: CacheFolder): Promise<string[]> {
    const names = await fs.readdir(path.join(this.core.root, '.carnet', folder)).catch(() => [] as string[]);
    return names.filter((name) => CACHE_NAME.test(name));
  }

  async write(folder: CacheFolder, name: string, content: string): Promise<void> {
    if (this.core.readOnly) return;
    if (!CACHE_NAME.test(name)) throw new CarnetError('invalid-input', { en: `"${name}" is not a cache file name.`, fr: `« ${name} » n’est pas un nom de fichier de cache.` });
    await this.core.makeFolder(`.carnet/${folder}`);
    await atomicWrite(path.join(this.core.root, '.carnet', folder, name), content, { within: this.core.root, label: `.carnet/${folder}/${name}` });
  }

  async remove(folder: CacheFolder, names?: string[]): Promise<void> {
    if (this.core.readOnly) return;
    const dir = path.join(this.core.root, '.carnet', folder);
    if (!names) return fs.rm(dir, { recursive: true, force: true });
    for (const name of names) if (CACHE_NAME.test(name)) await fs.rm(path.join(dir, name), { force: true });
  }
}
