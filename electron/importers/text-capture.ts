import { findDates } from './metadata/dates.ts';
import { findSignature, outletName } from './metadata/signatures.ts';

/**
 * Reads an article out of a web page captured as plain text (copy-paste or "save as text"):
 * finds the title under the site's header, the byline with its date and publisher, the
 * `Source :` line, and where the article stops — at its agency signature, its source line, or
 * the first navigation label followed by teasers of other articles. Decisions rest on the
 * structure of such captures (line lengths, punctuation, repeated text, dates, signatures),
 * not on any one site's wording.
 */

export { isByline };

export interface CaptureAnalysis {
  title: string | null;
  /** Paragraphs separated by blank lines; photo captions as `_caption_` paragraphs. */
  body: string;
  url?: string;
  publisher?: string;
  /** `YYYY-MM-DD`, only when the capture states it near the title. */
  published?: string;
  authors: string[];
}

const SOURCE_LINE = /^\s*(?:source|lien|link|url|original|article original)\s*:\s*(https?:\/\/\S+)\s*$/iu;
const SITE_HEADER = /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[a-z]{2,}\s*(?:[-–—|:]\s+.+)?$/iu;
const IMAGE_FILE = /^\S+\.(?:jpe?g|png|gif|webp|avif|svg|tiff?)$/i;
const CAPTION_CREDIT = /(?:\(\s*(?:photo|photos|ảnh|crédit|credit|image|illustration)\s*:?[^)]*\)|\b(?:photo|ảnh|crédit|credit)\s*:\s*[^.]{1,60})\s*\.?$/iu;
const SENTENCE_END = /[.!?…»"”)\]:;]$/u;
const AUTHOR = /^(?:par|by|de)\s+(.+)$/iu;

interface Line {
  text: string;
  /** Index of the blank-line-separated block the line belongs to. */
  block: number;
}

export function analyseCapture(text: string): CaptureAnalysis {
  const lines = toLines(text);
  const result: CaptureAnalysis = { title: null, body: '', authors: [] };
  let i = 0;
  let siteName: string | undefined;
  while (i < lines.length && SITE_HEADER.test(lines[i]!.text) && lines[i]!.text.length < 120) {
    siteName ??= lines[i]!.text.split(/\s+[-–—|:]\s+/u)[0];
    i++;
  }
  // The title is the first headline-like line that prose follows; what stands before it is the site's header and menus.
  const titleIndex = findTitle(lines, i);
  if (titleIndex !== -1) {
    result.title = lines[titleIndex]!.text;
    i = titleIndex + 1;
  }

  const paragraphs: string[] = [];
  let currentBlock = -1;
  let current: string[] = [];
  let captionNext = false;
  const flush = () => {
    if (current.length) paragraphs.push(current.join(' '));
    current = [];
  };
  const startedBody = () => paragraphs.length > 0 || current.length > 0;

  for (; i < lines.length; i++) {
    const { text: line, block } = lines[i]!;
    if (block !== currentBlock) {
      flush();
      currentBlock = block;
    }
    const source = SOURCE_LINE.exec(line);
    if (source) {
      result.url ??= source[1];
      break;
    }
    if (IMAGE_FILE.test(line)) {
      captionNext = true;
      continue;
    }
    if (captionNext || (CAPTION_CREDIT.test(line) && line.length < 400 && !startsProse(lines, i))) {
      captionNext = false;
      flush();
      paragraphs.push(`_${line.replace(/_/g, '\\_')}_`);
      continue;
    }
    if (paragraphs.length <= 2 && isByline(line)) {
      readByline(line, result);
      continue;
    }
    const signature = findSignature(line);
    if (signature) {
      result.publisher ??= signature.publisher;
      const rest = line.slice(0, signature.index).trimEnd();
      if (rest) current.push(rest);
      flush();
      // A Source line may still follow the signature.
      const after = lines.slice(i + 1, i + 4).map((l) => SOURCE_LINE.exec(l.text)).find(Boolean);
      if (after) result.url ??= after[1];
      break;
    }
    if (startedBody() && isEndLabel(lines, i)) break;
    if (startedBody() && isSubheading(lines, i)) {
      flush();
      paragraphs.push(`## ${line}`);
      continue;
    }
    if (current.length && isRepeat(line, current[current.length - 1]!)) {
      if (spaces(line) > spaces(current[current.length - 1]!)) current[current.length - 1] = line;
      continue;
    }
    if (!current.length && paragraphs.length && isRepeat(line, paragraphs[paragraphs.length - 1]!)) {
      if (spaces(line) > spaces(paragraphs[paragraphs.length - 1]!)) paragraphs[paragraphs.length - 1] = line;
      continue;
    }
    current.push(line);
  }
  flush();
  result.body = paragraphs.join('\n\n');
  result.publisher ??= siteName;
  return result;
}

function findTitle(lines: Line[], from: number): number {
  for (let i = from; i < Math.min(lines.length, from + 15); i++) {
    if (!looksLikeTitle(lines[i]!.text)) continue;
    const next = lines.slice(i + 1, i + 5);
    if (next.some((l) => isProse(l.text))) return i;
  }
  return -1;
}

function isProse(line: string): boolean {
  return line.length >= 80 && SENTENCE_END.test(line);
}

/** A short line inside the article, without final punctuation, followed by prose: a subheading. */
function isSubheading(lines: Line[], i: number): boolean {
  const line = lines[i]!.text;
  const next = lines[i + 1];
  return line.length <= 90 && !SENTENCE_END.test(line) && next !== undefined && next.block !== lines[i]!.block && isProse(next.text);
}

function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let block = 0;
  let blank = true;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+$/u, '').replace(/^\s+/u, '');
    if (line === '') {
      if (!blank) block++;
      blank = true;
      continue;
    }
    blank = false;
    lines.push({ text: line, block });
  }
  return lines;
}

function looksLikeTitle(line: string): boolean {
  return line.length >= 12 && line.length <= 250 && line.split(/\s+/).length >= 3 && !/[.;,:]$/.test(line) && !isByline(line);
}

/** A short line carrying a full date: `VietnamPlus 19/11/2025`, `Par Jane Doe — Nov. 19, 2025`. */
function isByline(line: string): boolean {
  if (line.length > 90) return false;
  const dates = findDates(line).filter((d) => !d.date.startsWith('--'));
  if (dates.length === 0) return false;
  const rest = removeDates(line);
  return rest.split(/\s+/).filter(Boolean).length <= 8 && !SENTENCE_END.test(rest.trim());
}

function removeDates(line: string): string {
  let rest = line;
  for (const d of findDates(line).reverse()) rest = rest.slice(0, d.index) + ' ' + rest.slice(d.index + d.length);
  return rest.replace(/\b(?:publié|published|mis à jour|updated|le|on|à|at|\d{1,2}[:h]\d{2})\b/giu, ' ').replace(/[|·•,–—-]/g, ' ');
}

function readByline(line: string, result: CaptureAnalysis): void {
  const date = findDates(line).find((d) => !d.date.startsWith('--'));
  if (date && !result.published) result.published = date.date;
  const name = removeDates(line).replace(/\s+/g, ' ').trim();
  if (!name) return;
  const author = AUTHOR.exec(name);
  if (author) {
    result.authors.push(...author[1]!.split(/\s+(?:et|and|&)\s+|,\s*/u).map((a) => a.trim()).filter(Boolean));
    return;
  }
  // Site logos captured as text repeat the name: "VietnamPlusVietnamPlus".
  const half = name.length / 2;
  const publisher = name.length % 2 === 0 && name.slice(0, half) === name.slice(half) ? name.slice(0, half) : name;
  result.publisher ??= outletName(publisher);
}

/** A line of prose, not a caption: long and followed by more of the same block. */
function startsProse(lines: Line[], i: number): boolean {
  const next = lines[i + 1];
  return next !== undefined && next.block === lines[i]!.block && lines[i]!.text.length > 200;
}

/**
 * A navigation label ("Voir plus", "Même sujet", "Read more") that ends the article: short, no
 * sentence punctuation, and followed by teasers — headlines without final punctuation, or captions.
 */
function isEndLabel(lines: Line[], i: number): boolean {
  const line = lines[i]!.text;
  if (line.length > 40 || line.split(/\s+/).length > 4 || SENTENCE_END.test(line)) return false;
  const following = lines.slice(i + 1, i + 9);
  if (following.length === 0) return true;
  if (isProse(following[0]!.text)) return false;
  const teasers = following.filter((l) => (l.text.length <= 160 && !SENTENCE_END.test(l.text)) || CAPTION_CREDIT.test(l.text)).length;
  const prose = following.filter((l) => l.text.length > 160 && SENTENCE_END.test(l.text)).length;
  return teasers >= 2 && teasers >= prose;
}

/** The same text again with spaces lost or added (captures often repeat the lead): keep one. */
function isRepeat(line: string, previous: string): boolean {
  const squash = (s: string) => s.replace(/\s+/g, '');
  return squash(line) === squash(previous);
}

function spaces(text: string): number {
  return text.split(/\s/).length;
}
