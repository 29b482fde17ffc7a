import zlib from 'node:zlib';
import { CarnetError, type Bilingual } from '../core/carnet-error.ts';

/**
 * Just enough of ZIP to check an office file (DOCX, ODT) before a library inflates it, and to
 * read its small XML parts. A zip bomb declares small sizes and inflates to gigabytes: declared
 * sizes are not trusted, each part is inflated with a hard output limit (zlib's
 * `maxOutputLength`), so a lying archive stops at the limit rather than at the worker's memory.
 */

export interface ZipEntry {
  name: string;
  /** 0: stored, 8: deflated; anything else is refused. */
  method: number;
  compressedSize: number;
  /** Where the entry's local header starts. */
  offset: number;
}

/** Real office files hold tens to a few hundred parts. */
export const MAX_ZIP_ENTRIES = 5000;
/** The text parts of a 1,000-page document come to a few tens of MB. */
export const MAX_XML_BYTES = 64 * 1048576;

export function listZipEntries(bytes: Uint8Array, kind: Bilingual): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 bytes plus a comment of up to 64 KB.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw notAZip(kind);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count > MAX_ZIP_ENTRIES) throw tooHeavy(`holds ${count} parts`, `contient ${count} parties`);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw notAZip(kind);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      offset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** An entry's bytes, inflated up to `limit` bytes: past it, the file is refused as too heavy. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, kind: Bilingual, limit = MAX_XML_BYTES): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.offset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw notAZip(kind);
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > limit) throw tooHeavy(`has a part larger than ${limit / 1048576} MB`, `a une partie de plus de ${limit / 1048576} Mo`);
    return data;
  }
  if (entry.method !== 8) throw notAZip(kind);
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: limit });
  } catch (error) {
    if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw tooHeavy(`has a part that inflates past ${limit / 1048576} MB`, `a une partie qui dépasse ${limit / 1048576} Mo une fois décompressée`);
    }
    throw notAZip(kind);
  }
}

/** Inflates every part but media (which no importer reads) within one budget: a bomb is found before the library opens it. */
export function checkZipParts(bytes: Uint8Array, kind: Bilingual): ZipEntry[] {
  const entries = listZipEntries(bytes, kind);
  let budget = MAX_XML_BYTES * 2;
  for (const entry of entries) {
    if (entry.name.endsWith('/') || /(^|\/)(media|Pictures|Thumbnails)\//.test(entry.name)) continue;
    budget -= readZipEntry(bytes, entry, kind, Math.min(MAX_XML_BYTES, budget)).length;
  }
  return entries;
}

/** `kind` names the format in each language: "This Word document", "Ce document Word". */
function notAZip(kind: Bilingual): CarnetError {
  return new CarnetError('unreadable', {
    en: `${kind.en} is damaged or not what its name says (its ZIP structure cannot be read). Nothing was imported. Open it in the program that made it, save a fresh copy, and import that.`,
    fr: `${kind.fr} est endommagé ou n’est pas ce que son nom indique (sa structure ZIP est illisible). Rien n’a été importé. Ouvrez-le dans le programme qui l’a créé, enregistrez-en une nouvelle copie et importez-la.`,
  });
}

function tooHeavy(en: string, fr: string): CarnetError {
  return new CarnetError('too-heavy', {
    en: `This file ${en}, far more than a real document: it is probably built to exhaust memory (a "zip bomb"), and was not imported. If you need its text, open it in its program and save it as PDF or text.`,
    fr: `Ce fichier ${fr}, bien plus qu’un vrai document : il est sans doute conçu pour épuiser la mémoire (une « bombe zip »), et n’a pas été importé. Si vous avez besoin de son texte, ouvrez-le dans son programme et enregistrez-le en PDF ou en texte.`,
  });
}
