import { fromHtml } from './html-importer.ts';
import { checkZipParts, readZipEntry } from './zip-entries.ts';
import { extensionOf, importError, type ImportInput, type ImportedDocument } from './imported-document.ts';

/**
 * Word documents: mammoth turns the document's own structure (headings, lists, tables, notes) into
 * plain HTML, which then takes the saved-page path (Readability, the same sanitising), so a DOCX
 * reads like any article. Images are not kept: the reader shows text only. The core properties
 * (docProps/core.xml) give the title, author and language; without a title, the first heading does.
 */

const KIND = { en: 'This Word document', fr: 'Ce document Word' };

export async function importDocx(input: ImportInput): Promise<ImportedDocument> {
  // Every part inflated within a budget first: mammoth (through JSZip) would inflate a bomb whole.
  const entries = checkZipParts(input.bytes, KIND);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw importError({
      en: 'This file is a ZIP archive but not a Word document (it has no word/document.xml). Nothing was imported. Open it in Word or LibreOffice and save it as .docx or PDF.',
      fr: 'Ce fichier est une archive ZIP mais pas un document Word (il n’a pas de word/document.xml). Rien n’a été importé. Ouvrez-le dans Word ou LibreOffice et enregistrez-le en .docx ou en PDF.',
    });
  }
  const coreEntry = entries.find((e) => e.name === 'docProps/core.xml');
  const core = coreEntry ? new TextDecoder('utf-8').decode(readZipEntry(input.bytes, coreEntry, KIND)) : '';
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength) },
      // No image is kept: an empty source instead of a data: URL of the whole picture.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (error) {
    throw importError({
      en: `Carnet could not read this Word document (${error instanceof Error ? error.message : String(error)}). Nothing was imported. Open it in Word or LibreOffice and save a fresh copy, or save it as PDF.`,
      fr: `Carnet n’a pas pu lire ce document Word (${error instanceof Error ? error.message : String(error)}). Rien n’a été importé. Ouvrez-le dans Word ou LibreOffice et enregistrez-en une nouvelle copie, ou enregistrez-le en PDF.`,
    });
  }
  const title = xmlField(core, 'dc:title');
  const author = xmlField(core, 'dc:creator');
  const language = xmlField(core, 'dc:language');
  const head = `<meta charset="utf-8">${title ? `<title>${escape(title)}</title>` : ''}${author ? `<meta name="author" content="${escape(author)}">` : ''}`;
  const page = `<!doctype html><html${language ? ` lang="${escape(language)}"` : ''}><head>${head}</head><body><article>${html}</article></body></html>`;
  const document = await fromHtml(page, input);
  document.original = { bytes: input.bytes, extension: extensionOf(input.name) || 'docx' };
  return document;
}

/** One field of the core properties: a flat XML file, whose few elements a pattern reads reliably. */
export function xmlField(xml: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
  const value = match?.[1]
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(x?)([0-9a-f]+);/gi, (_, hex: string, code: string) => codePoint(Number.parseInt(code, hex ? 16 : 10)))
    .replace(/&amp;/g, '&')
    .trim();
  return value || undefined;
}

function codePoint(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
