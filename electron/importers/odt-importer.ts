import { xmlField } from './docx-importer.ts';
import { fromHtml } from './html-importer.ts';
import { checkZipParts, readZipEntry } from './zip-entries.ts';
import { extensionOf, importError, type ImportInput, type ImportedDocument } from './imported-document.ts';

/**
 * OpenDocument text (LibreOffice's .odt): content.xml read with jsdom's XML parser and turned into
 * the plain HTML a page would have (headings, paragraphs, list items, table cells), which then
 * takes the saved-page path. meta.xml gives the title, author and language. Cheap because the ZIP
 * reader and jsdom are already here; images and styles are not read.
 */

const KIND = { en: 'This OpenDocument file', fr: 'Ce fichier OpenDocument' };
const TEXT_NS = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const TABLE_NS = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';

export async function importOdt(input: ImportInput): Promise<ImportedDocument> {
  const entries = checkZipParts(input.bytes, KIND);
  const read = (name: string) => {
    const entry = entries.find((e) => e.name === name);
    return entry ? new TextDecoder('utf-8').decode(readZipEntry(input.bytes, entry, KIND)) : undefined;
  };
  const content = read('content.xml');
  if (!content) {
    throw importError({
      en: 'This file is a ZIP archive but not an OpenDocument text (it has no content.xml). Nothing was imported. Open it in LibreOffice and save it as .odt or PDF.',
      fr: 'Ce fichier est une archive ZIP mais pas un texte OpenDocument (il n’a pas de content.xml). Rien n’a été importé. Ouvrez-le dans LibreOffice et enregistrez-le en .odt ou en PDF.',
    });
  }
  const { JSDOM, VirtualConsole } = await import('jsdom');
  let dom: InstanceType<typeof JSDOM>;
  try {
    dom = new JSDOM(content, { contentType: 'application/xml', virtualConsole: new VirtualConsole() });
  } catch (error) {
    throw importError({
      en: `${KIND.en} is damaged: its content.xml is not valid XML (${error instanceof Error ? error.message : String(error)}). Nothing was imported. Open it in LibreOffice and save a fresh copy, or save it as PDF.`,
      fr: `${KIND.fr} est endommagé : son content.xml n’est pas du XML valide (${error instanceof Error ? error.message : String(error)}). Rien n’a été importé. Ouvrez-le dans LibreOffice et enregistrez-en une nouvelle copie, ou enregistrez-le en PDF.`,
    });
  }
  let body: string;
  try {
    body = toHtml(dom.window.document.documentElement);
  } finally {
    dom.window.close();
  }
  const meta = read('meta.xml') ?? '';
  const title = xmlField(meta, 'dc:title');
  const author = xmlField(meta, 'dc:creator') ?? xmlField(meta, 'meta:initial-creator');
  const language = xmlField(meta, 'dc:language');
  const head = `<meta charset="utf-8">${title ? `<title>${escape(title)}</title>` : ''}${author ? `<meta name="author" content="${escape(author)}">` : ''}`;
  const page = `<!doctype html><html${language ? ` lang="${escape(language)}"` : ''}><head>${head}</head><body><article>${body}</article></body></html>`;
  const document = await fromHtml(page, input);
  document.original = { bytes: input.bytes, extension: extensionOf(input.name) || 'odt' };
  return document;
}

/** ODF text elements to their HTML counterparts; anything else contributes only its children. */
function toHtml(node: Node): string {
  if (node.nodeType === 3) return escape(node.textContent ?? '');
  if (node.nodeType !== 1) return '';
  const element = node as Element;
  const inner = () => Array.from(element.childNodes, toHtml).join('');
  if (element.namespaceURI === TEXT_NS) {
    switch (element.localName) {
      case 'h': {
        const level = Math.min(Math.max(Number(element.getAttributeNS(TEXT_NS, 'outline-level')) || 1, 1), 6);
        return `<h${level}>${inner()}</h${level}>`;
      }
      case 'p':
        return `<p>${inner()}</p>`;
      case 'list':
        return `<ul>${inner()}</ul>`;
      case 'list-item':
        return `<li>${inner()}</li>`;
      case 's':
      case 'tab':
      case 'line-break':
        return ' ';
      case 'note-citation':
      case 'tracked-changes':
        return '';
    }
  }
  if (element.namespaceURI === TABLE_NS) {
    if (element.localName === 'table') return `<table>${inner()}</table>`;
    if (element.localName === 'table-row') return `<tr>${inner()}</tr>`;
    if (element.localName === 'table-cell') return `<td>${inner()}</td>`;
  }
  return inner();
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
