import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fold } from './lunr-setup.ts';

/**
 * The word lists that glued-words.ts looks words up in: every form the hunspell dictionaries
 * (`dictionary-fr`, `dictionary-en`, expanded by `nspell`) accept, folded as the index folds words,
 * sorted, one a line, gzipped. Derived once, at build time: loading the French dictionary with
 * nspell takes seconds and some 300 MB, its list of words a few milliseconds and a few megabytes.
 * The build copies the lists beside the bundled search worker; run from source, the same lists
 * are found (or made, once) in node_modules/.cache.
 */
export type WordLanguage = 'fr' | 'en';

export const WORD_LANGUAGES: WordLanguage[] = ['fr', 'en'];

/** Raise it when the way lists are derived changes, so that cached lists are derived again. */
const LIST_VERSION = 1;

interface Speller {
  correct(word: string): boolean;
  data: Record<string, unknown>;
}

function dictionaryVersion(root: string, language: WordLanguage): string {
  return (JSON.parse(readFileSync(path.join(root, 'node_modules', `dictionary-${language}`, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Where the list for this language and dictionary version is cached (under the project's node_modules). */
export function cachedWordListPath(root: string, language: WordLanguage): string {
  return path.join(root, 'node_modules', '.cache', 'carnet-word-lists', `${language}-${dictionaryVersion(root, language)}-v${LIST_VERSION}.txt.gz`);
}

/** Every word the dictionary accepts, as the index folds it, sorted; letters and digits only. */
export function deriveWordList(root: string, language: WordLanguage): string[] {
  // Found at run time, not bundled: only the build (and tests run from source) derive lists.
  const require = createRequire(path.join(root, 'package.json'));
  const nspell = require('nspell') as (dictionary: { aff: Buffer; dic: Buffer }) => Speller;
  const folder = path.join(root, 'node_modules', `dictionary-${language}`);
  const speller = nspell({ aff: readFileSync(path.join(folder, 'index.aff')), dic: readFileSync(path.join(folder, 'index.dic')) });
  const words = new Set<string>();
  for (const form of Object.keys(speller.data)) {
    // Elided forms (l’, qu’…) and possessives are the elision filter's business; Lunr splits hyphenated words.
    if (/['’\-.\s]/.test(form)) continue;
    const folded = fold(form);
    if (!/^[a-z0-9]+$/.test(folded) || words.has(folded)) continue;
    // nspell also holds forms that are only valid with an affix or inside compounds.
    if (speller.correct(form)) words.add(folded);
  }
  return [...words].sort();
}

/** The cached list's path, derived and written first if it is not there yet. */
export function ensureWordList(root: string, language: WordLanguage): string {
  const file = cachedWordListPath(root, language);
  if (existsSync(file)) return file;
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, gzipSync(deriveWordList(root, language).join('\n'), { level: 9 }));
  renameSync(temporary, file);
  return file;
}
