import { parseDocument, stringify } from 'yaml';
import type { Bilingual } from '../core/carnet-error.ts';

export interface FrontMatterDocument {
  data: unknown;
  body: string;
}

/** Why a file's front matter cannot be read, in each language the UI speaks. */
export class FrontMatterError extends Error {
  readonly text: Bilingual;
  constructor(text: Bilingual) {
    super(text.en);
    this.text = text;
  }
}

const OPENING = /^\uFEFF?---\r?\n/;

/**
 * Splits `---\nYAML\n---\nbody`. The body is returned byte for byte (after the closing line),
 * because annotations point into source bodies by character offset.
 */
export function parseFrontMatter(text: string): FrontMatterDocument {
  const open = OPENING.exec(text);
  if (!open) throw new FrontMatterError({
      en: 'The file does not start with a front matter block (a line "---"). Add one, as in the other files of this folder.',
      fr: 'Le fichier ne commence pas par un bloc d’en-tête (une ligne « --- »). Ajoutez-en un, comme dans les autres fichiers de ce dossier.',
    });
  const rest = text.slice(open[0].length);
  const close = /^---[ \t]*(\r?\n|$)/m.exec(rest);
  if (!close) throw new FrontMatterError({
      en: 'The front matter block is not closed by a line "---". Add that line after the last "key: value".',
      fr: 'Le bloc d’en-tête n’est pas fermé par une ligne « --- ». Ajoutez cette ligne après le dernier « clé: valeur ».',
    });
  const yamlText = rest.slice(0, close.index);
  const document = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    const first = document.errors[0];
    const detail = first?.message.split('\n')[0] ?? '?';
    throw new FrontMatterError({
      en: `The front matter is not valid YAML: ${detail}. Correct it in a text editor.`,
      fr: `L’en-tête n’est pas du YAML valide : ${detail}. Corrigez-le dans un éditeur de texte.`,
    });
  }
  let data: unknown;
  try {
    // A few aliases are legitimate YAML; thousands (a "billion laughs" file) would exhaust memory.
    data = document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new FrontMatterError({
      en: `The front matter cannot be read: ${detail}. Correct it in a text editor.`,
      fr: `L’en-tête ne peut pas être lu : ${detail}. Corrigez-le dans un éditeur de texte.`,
    });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError({
      en: 'The front matter must be a list of "key: value" lines.',
      fr: 'L’en-tête doit être une liste de lignes « clé: valeur ».',
    });
  }
  return { data, body: rest.slice(close.index + close[0].length) };
}

/**
 * The front matter to write back: the keys as they were read, in their order, with Carnet's own
 * values put in; keys Carnet does not know (an Obsidian `aliases:`, a `status:`) are kept as they
 * were, and Carnet's keys the file lacked come last.
 */
export function mergeFrontMatter(read: Record<string, unknown>, own: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const key of Object.keys(read)) merged[key] = key in own ? own[key] : read[key];
  for (const key of Object.keys(own)) if (!(key in read)) merged[key] = own[key];
  return merged;
}

/** Keys are written in the order given, so files diff well across saves. */
export function formatFrontMatter(data: Record<string, unknown>, body: string): string {
  const defined = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
  return `---\n${stringify(defined, { lineWidth: 0 })}---\n${body}`;
}
