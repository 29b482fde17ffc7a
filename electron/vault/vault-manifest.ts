import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { CarnetError, isNodeError } from '../core/carnet-error.ts';
import { atomicWrite } from './atomic-write.ts';
import { VAULT_FORMAT_NAME, VAULT_FORMAT_VERSION, describeIssues, vaultManifestSchema, type VaultManifest } from './vault-schemas.ts';

/** `carnet.json`: what makes a folder a vault, and which format version wrote it. */

export async function readManifest(root: string): Promise<{ manifest: VaultManifest; newerFormat: boolean }> {
  let text: string;
  try {
    text = await fs.readFile(path.join(root, 'carnet.json'), 'utf8');
  } catch (error) {
    if (isNodeError(error, 'ENOENT') || isNodeError(error, 'ENOTDIR')) {
      throw new CarnetError('not-a-vault', `${root} is not a Carnet vault (it has no carnet.json). Choose a vault folder, or create a new vault.`);
    }
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CarnetError('unreadable', `${path.join(root, 'carnet.json')} is not valid JSON (${(error as Error).message}). Fix it by hand; Carnet did not change it.`);
  }
  const parsed = vaultManifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CarnetError('unreadable', `${path.join(root, 'carnet.json')} is not a Carnet vault description: ${describeIssues(parsed.error)}. Carnet did not change it.`);
  }
  return { manifest: parsed.data, newerFormat: parsed.data.version > VAULT_FORMAT_VERSION };
}

export async function writeNewManifest(root: string, name: string): Promise<VaultManifest> {
  const manifest: VaultManifest = {
    format: VAULT_FORMAT_NAME,
    version: VAULT_FORMAT_VERSION,
    id: randomUUID(),
    name,
    created: new Date().toISOString(),
  };
  await atomicWrite(path.join(root, 'carnet.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
