import fs from 'node:fs/promises';
import { CarnetError } from '../core/carnet-error.ts';
import { fileSystemError } from '../core/fs-errors.ts';
import { importCodebook } from '../export/codebook-import.ts';
import { Vault } from '../vault/vault.ts';
import type { CliIo } from './carnet.ts';

/** `carnet import-codebook`: a team's REFI-QDA codebook added to the vault's. */
/** Takes the lock, like import: it writes the codebook. */
export async function importCodebookFile(dir: string, file: string | undefined, json: boolean, io: CliIo): Promise<number> {
  if (!file) throw new CarnetError('invalid-input', 'Say which codebook: carnet import-codebook --vault DIR FILE.qdc');
  const bytes = await fs.readFile(file).catch((error: unknown) => Promise.reject(fileSystemError(error, file)));
  const vault = await Vault.open(dir, { watch: false });
  try {
    const { added, kept } = await importCodebook(vault, bytes);
    io.out(json ? JSON.stringify({ added, kept }, null, 2) : `Added ${added} code${added === 1 ? '' : 's'}; ${kept} already in the codebook, kept as they are.`);
    return 0;
  } finally {
    await vault.close();
  }
}

