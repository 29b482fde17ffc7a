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
      throw new CarnetError('not-a-vault', {
        en: `${root} is not a Carnet vault (it has no carnet.json). Choose a vault folder, or create a new vault.`,
        fr: `${root} n’est pas un coffre Carnet (il n’a pas de carnet.json). Choisissez un dossier de coffre, ou créez un nouveau coffre.`,
      });
    }
    if (isNodeError(error, 'EISDIR')) {
      throw new CarnetError('unreadable', {
        en: `${path.join(root, 'carnet.json')} is a folder, not a file, so this is not a vault Carnet can open. Choose another folder.`,
        fr: `${path.join(root, 'carnet.json')} est un dossier, pas un fichier : ce n’est donc pas un coffre que Carnet peut ouvrir. Choisissez un autre dossier.`,
      });
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw new CarnetError('unreadable', {
      en: `Carnet cannot read ${path.join(root, 'carnet.json')} (${detail}). Check that the folder is yours and its drive is connected, then try again.`,
      fr: `Carnet ne peut pas lire ${path.join(root, 'carnet.json')} (${detail}). Vérifiez que le dossier vous appartient et que son disque est branché, puis réessayez.`,
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = (error as Error).message;
    throw new CarnetError('unreadable', {
      en: `${path.join(root, 'carnet.json')} is not valid JSON (${detail}). Fix it by hand; Carnet did not change it.`,
      fr: `${path.join(root, 'carnet.json')} n’est pas du JSON valide (${detail}). Corrigez-le à la main ; Carnet ne l’a pas modifié.`,
    });
  }
  const parsed = vaultManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    throw new CarnetError('unreadable', {
      en: `${path.join(root, 'carnet.json')} is not a Carnet vault description: ${issues}. Carnet did not change it.`,
      fr: `${path.join(root, 'carnet.json')} ne décrit pas un coffre Carnet : ${issues}. Carnet ne l’a pas modifié.`,
    });
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
  await atomicWrite(path.join(root, 'carnet.json'), `${JSON.stringify(manifest, null, 2)}\n`, { within: root, label: 'carnet.json' });
  return manifest;
}
