/**
 * Whether the words a note quotes are still the source's: compared word by word (and sentence
 * punctuation), so that typography does not count (curly or straight quotes and apostrophes, « »
 * or ", dashes, Unicode forms, line breaks), nor the body's marks (`## `, `_caption_`, page markers) or
 * Markdown emphasis, and without case: a quote may start with a capital the sentence did not have.
 * A quote may leave words out where it says so ("…", "[…]", "(...)"); what it keeps must be the
 * passage's, in order. A quote that is part of the passage matches: it still quotes the source.
 */

const ELISION = /\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\)|…|\.\.\./u;
const PAGE_MARK = /<!-- page \d+ -->/g;
const PUNCTUATION = /^[^\p{L}\p{N}]$/u;
/** Words (with their inner apostrophes, any of them, as one) and the punctuation that can change a meaning. */
// A minus before a number, after a space, is the number's sign: "-5 degrees" is not "5 degrees" (a hyphen in "2024-2025" is not).
const TOKEN = /(?:(?<![\p{L}\p{N}])-(?=\p{N}))?[\p{L}\p{M}\p{N}]+(?:['’‘ʼ][\p{L}\p{M}\p{N}]+)*|[.,;:!?%€$£¥§&+=/]/gu;
const APOSTROPHES = /[’‘ʼ]/g;

export function quoteWords(text: string): string[] {
  const words = text.replace(PAGE_MARK, ' ').replace(/\u2212/g, '-').normalize('NFC').toLowerCase().match(TOKEN) ?? [];
  return words.map((word) => (word.length > 1 ? word.replace(APOSTROPHES, "'") : word));
}

export function quoteMatches(quoted: string, passage: string): boolean {
  const words = quoteWords(passage);
  // A quote's own punctuation at its edges ("… a list." for "… a list") is the note's sentence, not the source's.
  const parts = quoted.split(ELISION);
  let from = 0;
  for (const [i, part] of parts.entries()) {
    const fragment = trimPunctuation(quoteWords(part));
    if (fragment.length === 0) continue;
    // A word cut by the ellipsis that follows it ("traffick…") is the start of the source's word.
    const at = indexOfRun(words, fragment, from, i < parts.length - 1);
    if (at === -1) return false;
    from = at + fragment.length;
  }
  return true;
}

function trimPunctuation(words: string[]): string[] {
  let start = 0;
  let end = words.length;
  while (start < end && PUNCTUATION.test(words[start]!)) start++;
  while (end > start && PUNCTUATION.test(words[end - 1]!)) end--;
  return words.slice(start, end);
}

function indexOfRun(words: string[], run: string[], from: number, cutAtEnd: boolean): number {
  const last = run.length - 1;
  for (let i = from; i + run.length <= words.length; i++) {
    let k = 0;
    while (k < last && words[i + k] === run[k]) k++;
    // A cut word has at least three letters: "no…" is the word "no", not the start of "nothing".
    if (k === last && (words[i + k] === run[k] || (cutAtEnd && run[k]!.length >= 3 && words[i + k]!.startsWith(run[k]!)))) return i;
  }
  return -1;
}
