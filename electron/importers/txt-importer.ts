import { decodeText, NotTextError } from './decode-text.ts';
import { detectLanguage } from './metadata/language.ts';
import { analyseCapture } from './text-capture.ts';
import { EMPTY_FILE, extensionOf, importError, tidyBody, titleFromFileName, type ImportInput, type ImportedDocument } from './imported-document.ts';

/** Plain text, usually a web page captured as text: see text-capture.ts for how the article is found. */
export async function importText(input: ImportInput): Promise<ImportedDocument> {
  const text = decode(input);
  return fromPlainText(text, input);
}

export function decode(input: ImportInput): string {
  try {
    return decodeText(input.bytes).text;
  } catch (error) {
    if (error instanceof NotTextError) throw importError(error.text);
    throw error;
  }
}

export function fromPlainText(text: string, input: ImportInput): ImportedDocument {
  if (text.trim() === '') throw importError(EMPTY_FILE);
  const capture = analyseCapture(text);
  const body = tidyBody(capture.body.split('\n\n'));
  const words = body.split('\n\n').filter((p) => !/^(## |_|<!--)/.test(p)).join(' ');
  if (words.length < 40) {
    throw importError({
      en: 'No article text was found in this file: only a title, menus or a few words. Copy the article’s own text, or save the page as HTML or PDF, and import that.',
      fr: 'Aucun texte d’article n’a été trouvé dans ce fichier : seulement un titre, des menus ou quelques mots. Copiez le texte même de l’article, ou enregistrez la page en HTML ou en PDF, et importez-la.',
    });
  }
  return {
    metadata: {
      title: capture.title ?? titleFromFileName(input.name),
      url: capture.url,
      publisher: capture.publisher,
      authors: capture.authors,
      published: capture.published,
      language: detectLanguage(body),
    },
    body,
    original: { bytes: input.bytes, extension: extensionOf(input.name) || 'txt' },
  };
}
