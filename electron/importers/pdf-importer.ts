import { detectLanguage } from './metadata/language.ts';
import { pdfCitation, type PdfMetadataSource } from './metadata/pdf-citation.ts';
import { checkPdfStreams, checkPdfText, MAX_PDF_IMAGE_PIXELS } from './pdf-limits.ts';
import { importError, tidyBody, titleFromFileName, type ImportInput, type ImportedDocument } from './imported-document.ts';

/**
 * PDFs through pdfjs: the text of each page, in reading order, under a `<!-- page N -->` marker,
 * so a passage can be cited as "p. 12". Encrypted and damaged files are refused with the reason.
 */

interface TextItem {
  str: string;
  hasEOL: boolean;
  transform: number[];
  height: number;
}

export async function importPdf(input: ImportInput): Promise<ImportedDocument> {
  // A flate "bomb" is refused before pdfjs inflates it whole (see pdf-limits.ts).
  await checkPdfStreams(input.bytes);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes ownership of the buffer it is given: hand it a copy, the original is kept as is.
  const task = pdfjs.getDocument({ data: new Uint8Array(input.bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false, maxImageSize: MAX_PDF_IMAGE_PIXELS });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw importError({
        en: 'This PDF is encrypted with a password. Open it in a PDF reader, save an unprotected copy, and import that.',
        fr: 'Ce PDF est protégé par un mot de passe. Ouvrez-le dans un lecteur de PDF, enregistrez-en une copie non protégée, et importez-la.',
      });
    if (name === 'InvalidPDFException') throw importError({
        en: 'This file is not a valid PDF, or it is damaged. Try downloading it again.',
        fr: 'Ce fichier n’est pas un PDF valide, ou il est abîmé. Essayez de le télécharger de nouveau.',
      });
    const detail = (error as Error).message;
    throw importError({
      en: `This PDF could not be read: ${detail}. If it opens in a PDF reader, print it to a new PDF and import that.`,
      fr: `Ce PDF n’a pas pu être lu : ${detail}. S’il s’ouvre dans un lecteur de PDF, imprimez-le dans un nouveau PDF et importez celui-ci.`,
    });
  }
  try {
    const paragraphs: string[] = [];
    let firstPage = '';
    let pagesWithText = 0;
    let characters = 0;
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const pageParagraphs = pageText(content.items.filter((item): item is typeof item & TextItem => 'str' in item));
      paragraphs.push(`<!-- page ${number} -->`);
      if (pageParagraphs.length) pagesWithText++;
      if (number === 1) firstPage = pageParagraphs.join('\n');
      paragraphs.push(...pageParagraphs);
      characters += pageParagraphs.reduce((sum, p) => sum + p.length, 0);
      checkPdfText(characters);
      page.cleanup();
    }
    if (pagesWithText === 0) {
      throw importError({
        en: 'This PDF has no text layer (it is probably scanned images). Run it through OCR first, then import the result.',
        fr: 'Ce PDF n’a pas de couche de texte (ce sont sans doute des images numérisées). Passez-le d’abord dans un logiciel d’OCR, puis importez le résultat.',
      });
    }
    const stated = (await pdf.getMetadata().catch(() => ({ info: {} }))) as PdfMetadataSource;
    const body = tidyBody(paragraphs);
    const firstText = paragraphs.find((p) => !p.startsWith('<!--')) ?? '';
    // Title, authors, DOI… as the file states them; its CreationDate is when the PDF was made, not published: not used.
    const { title, ...citation } = pdfCitation(stated, firstPage);
    return {
      metadata: {
        title: title ?? (firstText.length <= 200 ? firstText : titleFromFileName(input.name)),
        ...citation,
        language: detectLanguage(body.replace(/<!-- page \d+ -->/g, '')),
      },
      body,
      original: { bytes: input.bytes, extension: 'pdf' },
    };
  } finally {
    await task.destroy();
  }
}

/** Lines from positioned text items; a vertical gap larger than the line height starts a paragraph. */
function pageText(items: TextItem[]): string[] {
  const paragraphs: string[] = [];
  let current = '';
  let lastY: number | null = null;
  let lastHeight = 0;
  for (const item of items) {
    const y = item.transform[5] ?? 0;
    if (lastY !== null && item.str.trim() !== '' && Math.abs(lastY - y) > Math.max(lastHeight, item.height) * 1.3) {
      paragraphs.push(current);
      current = '';
    }
    current += item.str;
    if (item.hasEOL) current = /-$/.test(current) ? current.slice(0, -1) : `${current} `;
    if (item.str.trim() !== '') {
      lastY = y;
      lastHeight = item.height || lastHeight;
    }
  }
  paragraphs.push(current);
  return paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
}
