import { decodeHtml } from './html-charset.ts';
import { fromHtml } from './html-importer.ts';
import { header, mailDate, parseMime } from './mime-message.ts';
import { extensionOf, importError, type ImportInput, type ImportedDocument } from './imported-document.ts';

/**
 * Web archives (.mhtml, .mht: Chrome's and Edge's "Webpage, Single File"): a MIME multipart/related
 * message whose first part is the page, followed by its images, style sheets and frames. Only the
 * page is read: its part is cut out at the archive's boundary and decoded by postal-mime
 * (quoted-printable or base64, and its charset); the other parts, frames included, are dropped
 * unread, so nothing of them is fetched, kept or run. The page then takes the saved-page path.
 *
 * Not mhtml2html: its 3.0 release depends on jsdom 15 (2019) and yargs, and turns every image
 * into a data: URL, which Carnet would throw away.
 */

const KIND = { en: 'This web archive', fr: 'Cette archive web' };
/** Headers of the archive itself: a page is never this far in. */
const HEAD_BYTES = 64 * 1024;

export async function importMhtml(input: ImportInput): Promise<ImportedDocument> {
  const bytes = input.bytes;
  const text = new TextDecoder('latin1').decode(bytes); // one character per byte: offsets stay byte offsets
  const headEnd = /\r?\n\r?\n/.exec(text.slice(0, HEAD_BYTES));
  if (!headEnd) throw notAnArchive();
  const top = await parseMime(bytes.subarray(0, headEnd.index + headEnd[0].length), KIND);
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(header(top, 'content-type') ?? '');
  const delimiter = boundary ? `--${boundary[1] ?? boundary[2]}` : undefined;
  let part: Uint8Array = bytes;
  if (delimiter) {
    const start = text.indexOf(delimiter, headEnd.index);
    const next = start < 0 ? -1 : text.indexOf(`\n${delimiter}`, start + delimiter.length);
    if (start < 0) throw notAnArchive();
    part = bytes.subarray(text.indexOf('\n', start) + 1, next < 0 ? bytes.length : next);
  }
  const { html, location } = await pageOf(part);
  const document = await fromHtml(html, input);
  const url = header(top, 'snapshot-content-location') ?? location;
  if (!document.metadata.url && url && /^https?:\/\//i.test(url)) document.metadata.url = url;
  if (!document.metadata.title && top.subject) document.metadata.title = top.subject;
  // The archive's Date is when the browser saved the page: the day it was read online.
  const saved = mailDate(header(top, 'date'));
  if (!document.metadata.accessed && saved) document.metadata.accessed = saved;
  document.original = { bytes: input.bytes, extension: extensionOf(input.name) || 'mhtml' };
  return document;
}

/**
 * The page's part, read as a message of its own, relabelled as binary so that postal-mime undoes
 * the transfer encoding (quoted-printable, base64) but leaves the bytes: html-charset.ts then
 * decodes them with the part's charset, or else the page's own <meta>, as a browser would.
 */
async function pageOf(part: Uint8Array): Promise<{ html: string; location?: string }> {
  const text = new TextDecoder('latin1').decode(part.subarray(0, HEAD_BYTES));
  const end = /\r?\n\r?\n/.exec(text);
  if (!end) throw notAnArchive();
  const head = text.slice(0, end.index);
  const type = /^content-type\s*:\s*([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)/im.exec(head);
  if (!type || !/^\s*text\/html\b/i.test(type[1]!)) throw notAnArchive();
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(type[1]!)?.[1];
  const relabelled = Buffer.concat([Buffer.from(head.replace(type[0], 'Content-Type: application/octet-stream'), 'latin1'), part.subarray(end.index)]);
  const parsed = await parseMime(relabelled, KIND);
  const content = parsed.attachments[0]?.content;
  if (!(content instanceof ArrayBuffer) || content.byteLength === 0) throw notAnArchive();
  return { html: decodeHtml(new Uint8Array(content), charset).html, location: header(parsed, 'content-location') };
}

function notAnArchive() {
  return importError({
    en: 'This file is not a web archive Carnet can read (no HTML page was found in it). Nothing was imported. Open it in your browser and save the page again as "Webpage, HTML only", or as PDF.',
    fr: 'Ce fichier n’est pas une archive web que Carnet sait lire (aucune page HTML n’y a été trouvée). Rien n’a été importé. Ouvrez-le dans votre navigateur et enregistrez à nouveau la page en « Page web, HTML uniquement », ou en PDF.',
  });
}
