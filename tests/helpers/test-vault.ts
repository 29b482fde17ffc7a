import path from 'node:path';
import { Vault } from '../../electron/vault/vault.ts';
import { sampleVaultCopy, tempDir } from './temp-dir.ts';

/** A new empty vault for one test (in `<dir>/v`), closed (its watcher stopped) and removed whatever happens. */
export async function inNewVault(use: (vault: Vault, dir: string) => Promise<void>): Promise<void> {
  const { dir, remove } = await tempDir();
  const vault = await Vault.create(path.join(dir, 'v'));
  try {
    await use(vault, dir);
  } finally {
    await vault.close();
    await remove();
  }
}

/** A copy of the sample vault opened without a watcher (tests reload what they change), closed and removed after. */
export async function inSampleVault(use: (vault: Vault, dir: string) => Promise<void>): Promise<void> {
  const { dir, remove } = await sampleVaultCopy();
  const vault = await Vault.open(dir, { watch: false });
  try {
    await use(vault, dir);
  } finally {
    await vault.close();
    await remove();
  }
}
