/**
 * Heavy imports, through the web host's API: pages built to choke a parser, and a PDF whose
 * stream inflates to hundreds of MB. Rows 9 and 10: time per import, worst ping, peak memory.
 */
import { once } from 'node:events';
import zlib from 'node:zlib';
import type { ApiAnswer, Bench } from './hostile-harness.ts';
import { isClear, measure, Row, short, type Lap } from './hostile-measure.ts';
import { backToMain, outcome, PAYLOAD } from './hostile-attacks.ts';
import type { ImportResult } from '../../electron/importers/import-into-vault.ts';
import type { SourceDetail } from '../../electron/vault/vault-records.ts';

const PING_TARGET_MS = 100;

/** Imports one file through the API and records how it fared, how long it took, and how the host answered meanwhile. */
async function heavyImport(bench: Bench, row: Row, lap: () => Promise<Lap>, label: string, name: string, bytes: Buffer, mustRefuse = false): Promise<void> {
  // The request is encoded before the segment starts: the client shares the host's thread, and its own work is not the app's.
  const request = JSON.stringify({ name, dataBase64: bytes.toString('base64') });
  await lap();
  const started = performance.now();
  const reply = (await bench.post('/api/importFile', request)) as ApiAnswer<ImportResult>;
  const ms = performance.now() - started;
  const figures = await lap();
  const message = outcome(reply);
  const result = reply.value;
  let body = '';
  if (result?.status === 'imported') body = (await bench.api<SourceDetail>('getSource', { id: result.sourceId })).value?.body ?? '';
  if (/<script|onerror\s*=/i.test(body)) row.escape([`${label}: the stored body keeps markup from the page`], label);
  const verdict = result?.status === 'imported' ? `imported as "${short(result.title, 40)}"` : `refused: "${short(message)}"`;
  row.extras.push(
    `${label} (${(bytes.length / 1048576).toFixed(2)} MB): ${verdict} in ${ms.toFixed(0)} ms; worst ping ${figures.pingMs.toFixed(0)} ms, loop lag ${figures.lagMs.toFixed(0)} ms, peak RSS ${figures.peakRssMb.toFixed(0)} MB`,
  );
  if (figures.pingMs > PING_TARGET_MS) row.defect(`${label}: the host took ${figures.pingMs.toFixed(0)} ms to answer a ping while the import ran (target < ${PING_TARGET_MS} ms)`);
  const refused = result?.status === 'failed' || (!reply.ok && isClear(reply.error?.message));
  const handled = refused || (!mustRefuse && result?.status === 'imported');
  row.attempt(handled, result?.status === 'imported' ? `Imported as "${result.title}"` : message, `${label}: ${reply.ok ? result?.status : `HTTP ${reply.status}`}${mustRefuse ? ' (it should have been refused)' : ''}`);
}

const words = 'The six Mekong countries reviewed their cooperation against human trafficking, border police training and the protection of victims';

function page(title: string, body: string): Buffer {
  return Buffer.from(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`);
}

export async function heavyHtml(bench: Bench): Promise<Row> {
  const row = new Row(9, 'Heavy HTML: 2,000 and 5,000 nested <div>, 100,000 unclosed <b><i>, a 10 MB article');
  await backToMain(bench);
  const intro = `<p>${words}. ${words}.</p>`;
  const nested = (depth: number) => page(`Nested ${depth}`, `${intro}${PAYLOAD}${'<div>'.repeat(depth)}<p>${words} (depth ${depth}).</p>${'</div>'.repeat(depth)}`);
  const paragraphs: string[] = [];
  let size = 0;
  for (let n = 0; size < 10 * 1048576; n++) {
    const p = `<p>Paragraph ${n}. ${words}; meeting ${n % 97} of the working group, item ${n}. ${words.split(' ').reverse().join(' ')}.</p>\n`;
    paragraphs.push(p);
    size += p.length;
  }
  const article = page('A very long report', `<nav><a href="/">Home</a></nav><article><h1>A very long report</h1>${PAYLOAD}${paragraphs.join('')}</article><footer>© Example</footer>`);
  await measure(bench, row, async (lap) => {
    await heavyImport(bench, row, lap, '2,000 nested <div>', 'nested-2000.html', nested(2000));
    await heavyImport(bench, row, lap, '5,000 nested <div>', 'nested-5000.html', nested(5000));
    await heavyImport(bench, row, lap, '100,000 unclosed <b><i>', 'unclosed.html', page('Unclosed', `${intro}${PAYLOAD}${'<b><i>'.repeat(100_000)}${words}.`));
    await heavyImport(bench, row, lap, '10 MB article', 'long-report.html', article);
  });
  return row;
}

// ---------------------------------------------------------------------------------------------
// Row 10: a PDF "flate bomb".

/** 300 MB of zeros, deflated chunk by chunk (the bench itself must not hold 300 MB). */
async function deflatedZeros(megabytes: number): Promise<Buffer> {
  const deflate = zlib.createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(deflate, 'end');
  const zeros = Buffer.alloc(1048576);
  for (let i = 0; i < megabytes; i++) if (!deflate.write(zeros)) await once(deflate, 'drain');
  deflate.end();
  await ended;
  return Buffer.concat(chunks);
}

/** A minimal PDF with a correct cross-reference table. */
function pdf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n')]);
    parts.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref`, `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const stream = (dictionary: string, data: Buffer): Buffer => Buffer.concat([Buffer.from(`<< ${dictionary} /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]);

export async function pdfBomb(bench: Bench): Promise<Row> {
  const row = new Row(10, 'PDF flate bomb: ~300 KB file whose stream inflates to 300 MB (content stream ×2, image XObject ×1)');
  await backToMain(bench);
  const bomb = await deflatedZeros(300);
  const font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  const contentBomb = pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    stream('/Filter /FlateDecode', bomb),
    font,
  ]);
  const text = Buffer.from('BT /F1 12 Tf 72 720 Td (A report page with one very large image on it.) Tj ET q 540 0 0 600 36 60 cm /Im0 Do Q');
  const imageBomb = pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Im0 6 0 R >> >> >>',
    stream('', text),
    font,
    stream('/Type /XObject /Subtype /Image /Width 10240 /Height 10240 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode', bomb),
  ]);
  await measure(bench, row, async (lap) => {
    await heavyImport(bench, row, lap, 'content-stream bomb, try 1', 'bomb-1.pdf', contentBomb, true);
    await heavyImport(bench, row, lap, 'content-stream bomb, try 2', 'bomb-2.pdf', contentBomb, true);
    await heavyImport(bench, row, lap, 'image XObject bomb', 'image-bomb.pdf', imageBomb);
  });
  row.extras.push(`bench process RSS: ${row.baseRssMb.toFixed(0)} MB before, peak ${row.peakRssMb.toFixed(0)} MB during the row (sampled every 20 ms from the pinger thread)`);
  return row;
}
