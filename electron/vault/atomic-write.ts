import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileSystemError } from '../core/fs-errors.ts';
import { CarnetError, isNodeError } from '../core/carnet-error.ts';
import { leavesThroughLinks } from './vault-paths.ts';

/**
 * Writes through a temporary file in the same folder: every byte written (a short write is
 * continued, never ignored), the file fsynced, renamed over the target, the folder fsynced.
 * A crash at any instant leaves the old or the new content, never a mix; a full disk leaves the
 * old file untouched and says so. Hand-written because write-file-atomic 8 issues a single
 * `fs.write` and ignores a short one, which truncated files silently on a full disk.
 */

/** The mark of our temporary files, followed by 12 hex digits: swept when a vault opens. */
const TEMP_MARK = '.carnet-tmp-';
const TEMPORARY_NAME = /^.+\.carnet-tmp-[0-9a-f]{12}$/;

export function isTemporaryName(name: string): boolean {
  return TEMPORARY_NAME.test(name);
}

export interface WriteOptions {
  /** The vault's root: the real folder written to must lie inside it (no escape through a symlinked folder). */
  within?: string;
  /** How the target is named in a message; its path by default. */
  label?: string;
  /** For tests: the low-level writer, to inject short writes and full disks. */
  writer?: ChunkWriter;
  /** Never replace an existing file: a new file only (an original), refused with EEXIST otherwise. */
  create?: boolean;
}

/** Writes some of `bytes` from `offset`, answering how many it wrote (possibly fewer than asked). */
export type ChunkWriter = (handle: fs.FileHandle, bytes: Uint8Array, offset: number) => Promise<number>;

const writeChunk: ChunkWriter = async (handle, bytes, offset) => (await handle.write(bytes, offset, bytes.length - offset)).bytesWritten;

export async function atomicWrite(file: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const dir = path.dirname(file);
  const label = options.label ?? file;
  if (options.within) await assertInside(options.within, dir, label);
  const temp = path.join(dir, `${path.basename(file)}${TEMP_MARK}${randomBytes(6).toString('hex')}`);
  const mode = await fs.stat(file).then((s) => s.mode & 0o777, () => 0o644);
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(temp, 'wx', mode);
    await writeAll(handle, bytes, options.writer ?? writeChunk);
    await handle.sync();
    await handle.close();
    handle = null;
    if (options.create) await publishNew(temp, file);
    else await fs.rename(temp, file);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw fileSystemError(error, label);
  }
  await syncFolder(dir);
}

/** Puts the finished file in place only if nothing is there: a hard link fails on an existing name, where a rename would replace it. */
async function publishNew(temp: string, file: string): Promise<void> {
  try {
    await fs.link(temp, file);
  } catch (error) {
    // Some file systems (FAT, exFAT, some network shares) have no hard links: check, then rename.
    if (!isNodeError(error) || !['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV'].includes(error.code ?? '')) throw error;
    if (await fs.lstat(file).then(() => true, () => false)) throw Object.assign(new Error(`file exists: ${file}`), { code: 'EEXIST' });
    await fs.rename(temp, file);
    return;
  }
  await fs.rm(temp, { force: true });
}

async function writeAll(handle: fs.FileHandle, bytes: Uint8Array, writer: ChunkWriter): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const written = await writer(handle, bytes, offset);
    // A write that makes no progress will never finish: the disk is full.
    if (written <= 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    offset += written;
  }
}

/** Makes the rename itself durable. Windows cannot open a folder for this; its rename is durable enough there. */
export async function syncFolder(dir: string): Promise<void> {
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!isNodeError(error)) throw error;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Refuses a write whose real folder (symlinks followed) is outside the vault. */
export async function assertInside(root: string, dir: string, label: string): Promise<void> {
  if (await leavesThroughLinks(root, dir)) throw outsideVault(label);
}

function outsideVault(label: string): CarnetError {
  return new CarnetError('outside-vault', {
    en: `Did not write ${label}: its folder is a link to a place outside the vault, and Carnet never writes outside the vault. Replace the link with a real folder.`,
    fr: `${label} n’a pas été écrit : son dossier est un lien vers un emplacement hors du coffre, et Carnet n’écrit jamais hors du coffre. Remplacez le lien par un vrai dossier.`,
  });
}
