import { importDocx } from './docx-importer.ts';
import { importEml } from './eml-importer.ts';
import { importHtml } from './html-importer.ts';
import { importMhtml } from './mhtml-importer.ts';
import { importOdt } from './odt-importer.ts';
import { importMarkdown } from './markdown-importer.ts';
import { importPdf } from './pdf-importer.ts';
import { decode, fromPlainText, importText } from './txt-importer.ts';
import { EMPTY_FILE, extensionOf, importError, type ImportInput, type ImportedDocument, type Importer } from './imported-document.ts';

/** One importer per format, chosen by extension, with a look at the bytes for misnamed files. */
const BY_EXTENSION: Record<string, Importer> = {
  txt: importText,
  text: importText,
  md: importMarkdown,
  markdown: importMarkdown,
  html: importHtml,
  htm: importHtml,
  xhtml: importHtml,
  pdf: importPdf,
  mhtml: importMhtml,
  mht: importMhtml,
  docx: importDocx,
  odt: importOdt,
  eml: importEml,
};

export const IMPORTABLE_EXTENSIONS = Object.keys(BY_EXTENSION);

export function canImport(name: string): boolean {
  return extensionOf(name) in BY_EXTENSION;
}

/** `siteChrome`: for a text capture, the lines its site's other captures teach are chrome (site-chrome.ts). */
export async function importDocument(input: ImportInput, siteChrome?: ReadonlySet<string>): Promise<ImportedDocument> {
  if (input.bytes.length === 0) throw importError(EMPTY_FILE);
  // A PDF saved with another extension is still a PDF.
  if (startsWith(input.bytes, '%PDF-')) return importPdf(input);
  const importer = BY_EXTENSION[extensionOf(input.name)];
  if (!importer) {
    const extension = extensionOf(input.name) || '?';
    const formats = IMPORTABLE_EXTENSIONS.map((e) => `.${e}`).join(', ');
    throw importError({
      en: `Carnet cannot import ".${extension}" files. It imports ${formats}; save the document in one of these formats first.`,
      fr: `Carnet ne sait pas importer les fichiers « .${extension} ». Il importe ${formats} ; enregistrez d’abord le document dans l’un de ces formats.`,
    });
  }
  if (importer === importText && looksLikeHtml(input.bytes)) return importHtml(input);
  if (importer === importText && siteChrome && siteChrome.size > 0) return fromPlainText(decode(input), input, siteChrome);
  return importer(input);
}

function startsWith(bytes: Uint8Array, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}
