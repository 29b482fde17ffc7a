import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { checkPdfStreams } from '../../../electron/importers/pdf-limits.ts';
import { FIXTURES } from '../../helpers/seeds.ts';

/** Deflates `megabytes` of zeros without holding them: ~1,000:1. */
async function deflatedZeros(megabytes: number): Promise<Buffer> {
  const deflate = zlib.createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(16 * 1048576);
  for (let written = 0; written < megabytes; written += 16) if (!deflate.write(zeros)) await new Promise((resolve) => deflate.once('drain', resolve));
  deflate.end();
  await ended;
  return Buffer.concat(chunks);
}

/** Only the streams matter to the check: a PDF's objects, without the cross-reference table. */
function pdfWithStream(dictionary: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`%PDF-1.7\n1 0 obj\n${dictionary}\nstream\r\n`, 'latin1'), data, Buffer.from('\r\nendstream\nendobj\n%%EOF\n', 'latin1')]);
}

const refusal = (error: unknown) => error instanceof CarnetError && error.code === 'too-heavy' && /expands to more than 128 MB/.test(error.text.en) && /Mo/.test(error.text.fr);

test('real PDFs pass, their streams counted', async () => {
  const totals = await checkPdfStreams(await fs.readFile(path.join(FIXTURES, 'rapport-deux-pages.pdf')));
  assert.ok(totals.streams > 0 && totals.total > 0 && totals.largest < 1048576, JSON.stringify(totals));
});

test('a flate bomb is refused however it is wrapped: twice deflated, or damaged after the zeros', async () => {
  const once = await deflatedZeros(512);
  const twice = zlib.deflateSync(once, { level: 9 });
  console.log(`  512 MB of zeros: ${once.length} bytes deflated once, ${twice.length} twice`);
  await assert.rejects(checkPdfStreams(pdfWithStream(`<< /Length ${twice.length} /Filter [/FlateDecode /FlateDecode] >>`, twice)), refusal);
  const damaged = Buffer.concat([once.subarray(0, once.length - 64), Buffer.alloc(64, 0xff)]);
  await assert.rejects(checkPdfStreams(pdfWithStream(`<< /Length ${damaged.length} /Filter /FlateDecode >>`, damaged)), refusal);
  // An image is never decoded by the text import: its size is not held against the file.
  assert.equal((await checkPdfStreams(pdfWithStream(`<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /Filter /FlateDecode >>`, once))).streams, 0);
});
