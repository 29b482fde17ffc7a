import zlib from 'node:zlib';
import { CarnetError } from '../core/carnet-error.ts';

/**
 * Limits checked on a PDF before pdfjs reads it. pdfjs inflates a stream whole, into one buffer
 * that doubles as it grows, outside the JavaScript heap: a 1.5 MB file whose page is a flate
 * "bomb" (a gigabyte of zeros, deflated) took 3.5 GB of memory. Here every flate stream that the
 * text import will decode (page contents, forms, fonts, object and cross-reference streams:
 * everything but images, which it never decodes) is inflated first, counting bytes and keeping
 * none, and the file is refused as soon as one stream or their sum passes a limit far above what
 * real documents hold. Streams behind other filters, and encrypted ones (which inflate only once
 * decrypted), are left to the import worker's memory watch.
 */

/** The largest stream, decoded: a page's content or a font in a real document is a few MB at most. */
export const MAX_PDF_STREAM_BYTES = 128 * 1048576;
/** All decoded streams together. */
export const MAX_PDF_DECODED_BYTES = 512 * 1048576;
/** The text of the whole document: some 10,000 pages of dense text. */
export const MAX_PDF_TEXT_CHARS = 20_000_000;
/** Images are never decoded by the text import; pdfjs is told the same, should that change. */
export const MAX_PDF_IMAGE_PIXELS = 2 ** 25;

/** Small streams are inflated in one call (≤ 1,032 × 64 KB of output); larger ones chunk by chunk. */
const SYNC_BELOW = 64 * 1024;

export interface PdfStreamTotals {
  largest: number;
  total: number;
  streams: number;
}

/** Throws a `too-heavy` CarnetError when the PDF's decoded streams would pass the limits. */
export async function checkPdfStreams(bytes: Uint8Array, limits = { stream: MAX_PDF_STREAM_BYTES, total: MAX_PDF_DECODED_BYTES }): Promise<PdfStreamTotals> {
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = pdf.toString('latin1');
  const totals: PdfStreamTotals = { largest: 0, total: 0, streams: 0 };
  const keyword = /(?<!end)stream(?:\r\n|\n|\r)/g;
  let match: RegExpExecArray | null;
  while ((match = keyword.exec(text))) {
    const start = match.index + match[0].length;
    let end = text.indexOf('endstream', start);
    if (end < 0) end = text.length;
    keyword.lastIndex = end;
    const layers = flateLayers(dictionaryBefore(text, match.index));
    if (layers === 0) continue;
    const room = Math.min(limits.stream, limits.total - totals.total);
    const size = await inflatedSize(pdf.subarray(start, end), layers, room);
    totals.streams++;
    totals.largest = Math.max(totals.largest, size);
    totals.total += size;
    if (size > room) throw tooLarge(size > limits.stream ? 'stream' : 'total', limits);
  }
  return totals;
}

/** Throws when a PDF's text passes MAX_PDF_TEXT_CHARS. */
export function checkPdfText(characters: number): void {
  if (characters <= MAX_PDF_TEXT_CHARS) return;
  throw new CarnetError('too-heavy', {
    en: `This PDF holds more than ${MAX_PDF_TEXT_CHARS / 1e6} million characters of text (some 10,000 pages), too much for one source; nothing was imported. Split it into parts (chapters, or ranges of pages) with a PDF tool and import those.`,
    fr: `Ce PDF contient plus de ${MAX_PDF_TEXT_CHARS / 1e6} millions de caractères de texte (quelque 10 000 pages), trop pour une seule source ; rien n’a été importé. Découpez-le en parties (chapitres, ou séries de pages) avec un outil PDF et importez-les.`,
  });
}

function tooLarge(which: 'stream' | 'total', limits: { stream: number; total: number }): CarnetError {
  const mb = Math.round((which === 'stream' ? limits.stream : limits.total) / 1048576);
  return new CarnetError('too-heavy', {
    en: `This PDF holds compressed data that expands to more than ${mb} MB (a few MB is usual): it is probably built to exhaust memory, and was not imported. If you trust it, open it in a PDF reader, print it to a new PDF, and import that.`,
    fr: `Ce PDF contient des données compressées qui dépassent ${mb} Mo une fois décompressées (quelques Mo d’habitude) : il est sans doute conçu pour épuiser la mémoire, et n’a pas été importé. Si vous lui faites confiance, ouvrez-le dans un lecteur PDF, imprimez-le dans un nouveau PDF et importez celui-ci.`,
  });
}

/** The stream's dictionary: the text between its object header (`12 0 obj`) and the `stream` keyword. */
function dictionaryBefore(text: string, keyword: number): string {
  const from = Math.max(0, keyword - 8192);
  const header = text.lastIndexOf('obj', keyword);
  return text.slice(header >= from ? header + 3 : from, keyword);
}

/** How many flate filters the stream starts with (0: not flate, or an image, which is never decoded). */
function flateLayers(dictionary: string): number {
  const subtypes = dictionary.match(/\/Subtype\s*\/\w+/g) ?? [];
  if (subtypes.length === 1 && /\/Image$/.test(subtypes[0]!)) return 0;
  const filter = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dictionary);
  if (!filter) return 0;
  const names = filter[1]!.match(/\/\w+/g) ?? [];
  let layers = 0;
  while (layers < names.length && (names[layers] === '/FlateDecode' || names[layers] === '/Fl')) layers++;
  return layers;
}

/** Bytes out of `layers` successive inflations, counting up to just past `limit`; damaged data counts up to the damage. */
async function inflatedSize(data: Buffer, layers: number, limit: number): Promise<number> {
  if (layers === 1 && data.length <= SYNC_BELOW) {
    try {
      return zlib.inflateSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: limit + 1 }).length;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return limit + 1;
      // Damaged: count what comes out before the damage, chunk by chunk.
    }
  }
  return new Promise((resolve) => {
    const inflaters = Array.from({ length: layers }, () => zlib.createInflate({ finishFlush: zlib.constants.Z_SYNC_FLUSH, chunkSize: 256 * 1024 }));
    const counts = inflaters.map(() => 0);
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      for (const inflater of inflaters) inflater.destroy();
      resolve(counts[layers - 1]!);
    };
    inflaters.forEach((inflater, i) => {
      inflater.on('data', (chunk: Buffer) => {
        counts[i]! += chunk.length;
        // An inner layer past the limit is refused too: its output is what pdfjs would hold.
        if (counts[i]! > limit) {
          counts[layers - 1] = limit + 1;
          return settle();
        }
        const next = inflaters[i + 1];
        if (next && !next.write(chunk)) {
          inflater.pause();
          next.once('drain', () => inflater.resume());
        }
      });
      inflater.on('end', () => (inflaters[i + 1] ? inflaters[i + 1]!.end() : settle()));
      inflater.on('error', settle);
    });
    inflaters[0]!.end(data);
  });
}
