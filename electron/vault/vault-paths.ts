import path from 'node:path';
import fs from 'node:fs/promises';
import { CarnetError, isNodeError } from '../core/carnet-error.ts';

/**
 * Resolves a vault-relative path and refuses anything that would land outside the vault:
 * absolute paths, `..` segments, NUL bytes, and symlinks whose target lies outside.
 */
export async function resolveInVault(root: string, relative: string): Promise<string> {
  if (relative.includes('\0')) throw outside(relative);
  if (path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative) || relative.startsWith('\\')) throw outside(relative);
  const segments = relative.split(/[\\/]+/);
  if (segments.some((s) => s === '..')) throw outside(relative);
  const resolved = path.resolve(root, relative);
  if (!isWithin(path.resolve(root), resolved) || (await leavesThroughLinks(root, resolved))) throw outside(relative);
  return resolved;
}

/** True when the deepest existing ancestor of `candidate`, links followed, lies outside the real root. */
export async function leavesThroughLinks(root: string, candidate: string): Promise<boolean> {
  const realRoot = await fs.realpath(root);
  for (let probe = candidate; ; probe = path.dirname(probe)) {
    const real = await fs.realpath(probe).catch((error: unknown) => (isNodeError(error, 'ENOENT') ? null : Promise.reject(error)));
    if (real !== null) return !isWithin(realRoot, real);
    if (path.dirname(probe) === probe) return false;
  }
}

export function isWithin(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function outside(relative: string): CarnetError {
  const shown = relative.slice(0, 200);
  return new CarnetError('outside-vault', {
    en: `Refused "${shown}": it points outside the vault, and Carnet never reads or writes outside a vault.`,
    fr: `« ${shown} » a été refusé : ce chemin mène hors du coffre, et Carnet ne lit ni n’écrit jamais hors d’un coffre.`,
  });
}

/** Vault-relative path with forward slashes, as shown to the user and stored in events. */
export function toVaultRelative(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}
