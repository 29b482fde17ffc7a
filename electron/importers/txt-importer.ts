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

const NO_TEXT = {
  en: 'No article text was found in this file: only a title, menus or a few words. Copy the article’s own text, or save the page as HTML or PDF, and import that.',
  fr: 'Aucun texte d’article n’a été trouvé dans ce fichier : seulement un titre, des menus ou quelques mots. Copiez le texte même de l’article, ou enregistrez la page en HTML ou en PDF, et importez-la.',
};

export function fromPlainText(text: string, input: ImportInput, siteChrome?: ReadonlySet<string>): ImportedDocument {
  if (text.trim() === '') throw importError(EMPTY_FILE);
  const capture = analyseCapture(text, input.name, siteChrome);
  let body = tidyBody(capture.body.split('\n\n'));
  const words = body.split('\n\n').filter((p) => !/^(## |_|<!--)/.test(p)).join(' ');
  // Never refused for want of an article: what has text is kept whole, flagged, for the researcher to trim.
  const uncertain = capture.uncertain || words.length < 40;
  // A few words in all (a menu, a title alone) is not a source: said so, rather than a source of nothing.
  if (uncertain && (text.match(/\p{L}/gu) ?? []).length < 20) throw importError(NO_TEXT);
  if (uncertain && !capture.uncertain) body = tidyBody(text.split(/\n[ \t]*\n/).map((p) => p.replace(/\s*\n\s*/g, '\n')));
  return {
    metadata: {
      title: capture.title ?? titleFromFileName(input.name),
      url: capture.url,
      publisher: capture.publisher,
      authors: capture.authors,
      published: capture.published,
      language: detectLanguage(body),
      ...(uncertain ? { extraction: 'uncertain' as const } : {}),
    },
    body,
    original: { bytes: input.bytes, extension: extensionOf(input.name) || 'txt' },
  };
}
