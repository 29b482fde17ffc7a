import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A fresh folder under the system's temp dir, removed by the returned function. */
export async function tempDir(prefix = 'carnet-test-'): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rm(dir, { recursive: true, force: true }) };
}

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SAMPLE_VAULT = path.join(PROJECT_ROOT, 'resources', 'sample-vault');

/** A copy of the sample vault to work on (the shipped one is never touched by tests). */
export async function sampleVaultCopy(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const temp = await tempDir('carnet-vault-');
  const dir = path.join(temp.dir, 'vault');
  await fs.cp(SAMPLE_VAULT, dir, { recursive: true });
  return { dir, remove: temp.remove };
}
