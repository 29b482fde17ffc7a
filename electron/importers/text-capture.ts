import { findDates } from './metadata/dates.ts';
import { findSignature, isWire, outletName } from './metadata/signatures.ts';
import { stopWordsFor } from './capture/stop-words.ts';
import { lineFeatures, type LineFeatures } from './capture/line-features.ts';
import { classifyInContext, classifyOnItsOwn, type LineClass } from './capture/classify-lines.ts';
import { chooseRegion } from './capture/choose-region.ts';
import { findTitle, titleBefore } from './capture/find-headline.ts';
import { isByline, isProse, removeDates, SENTENCE_END, toLines, type Line } from './capture/capture-lines.ts';

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
  /** No article region was found: the body is the whole capture, for the researcher to trim. */
  uncertain: boolean;
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
const AUTHOR = /^(?:par|by|de)\s+(.+)$/iu;


/**
 * `siteChrome`: lines known to be this site's chrome, learnt from other captures of the same site
 * (folded with `chromeKey`); they are never article text, however much they read like prose.
 */
export function analyseCapture(text: string, fileName = '', siteChrome: ReadonlySet<string> = new Set()): CaptureAnalysis {
  const lines = toLines(text);
  const result: CaptureAnalysis = { title: null, body: '', authors: [], uncertain: false };
  let from = 0;
  let siteName: string | undefined;
  while (from < lines.length && SITE_HEADER.test(lines[from]!.text) && lines[from]!.text.length < 120) {
    siteName ??= lines[from]!.text.split(/\s+[-–—|:]\s+/u)[0];
    from++;
  }
  const stopWords = stopWordsFor(text);
  const features = lines.map((line) => lineFeatures(line.text, stopWords));
  const classes = classifyInContext(features.map((f, k) => (siteChrome.has(chromeKey(lines[k]!.text)) ? 'bad' : classifyOnItsOwn(f))));
  // A `Source :` line closes the article: what follows is the site's, whatever it looks like.
  const sourceAt = lines.findIndex((line, index) => index >= from && SOURCE_LINE.test(line.text));
  const until = sourceAt === -1 ? lines.length : sourceAt;
  if (sourceAt !== -1) result.url = SOURCE_LINE.exec(lines[sourceAt]!.text)?.[1];
  for (let k = 0; k < from; k++) classes[k] = 'bad';
  for (let k = until; k < lines.length; k++) classes[k] = 'bad';
  const region = chooseRegion(lines, features, classes, from);

  if (!region || region.weight < MIN_ARTICLE) {
    // Nothing reads as an article: the whole capture, for the researcher to trim, rather than a refusal.
    result.uncertain = true;
    const titleIndex = findTitle(lines, from);
    if (titleIndex !== -1) result.title = lines[titleIndex]!.text;
    result.body = wholeCapture(lines, from, titleIndex);
    result.publisher ??= siteName;
    return result;
  }

  const titleIndex = titleBefore(lines, features, region.start, from, fileName);
  if (titleIndex !== -1) result.title = lines[titleIndex]!.text;
  // Bylines stand between the title and the article; a press release's dateline just above the title.
  for (let k = Math.max(from, titleIndex + 1); k < region.start; k++) {
    if (isByline(lines[k]!.text)) readByline(lines[k]!.text, result);
    else readAuthorLine(lines[k]!.text, result);
  }
  for (let k = titleIndex - 1; !result.published && k >= Math.max(from, titleIndex - 2); k--) if (DATELINE.test(lines[k]!.text) && isByline(lines[k]!.text)) readByline(lines[k]!.text, result);
  readBody(lines, classes, features, Math.max(region.start, titleIndex + 1), region.end, result);
  result.publisher ??= siteName;
  return result;
}

/** A line as sites repeat it: case, spacing and digits aside ("© 2025" and "© 2026" are one line). */
export function chromeKey(line: string): string {
  return line.toLowerCase().replace(/\d+/g, '0').replace(/\s+/g, ' ').trim();
}

/** Articles are longer than this many characters of prose; less is a capture with no article Carnet can tell. */
const MIN_ARTICLE = 200;

/** The article's lines, formatted: captions, subheadings, bylines read, repeats dropped, the signature ending it. */
const LIST_ITEM = /^(?:\d{1,2}[.)]|[-•*–])\s/u;
/** "Lire aussi : …", "Read more: …": a label and a link, not a heading. */
const LABELLED = /^[^:]{1,30}\s?:\s/u;

function readBody(lines: Line[], classes: LineClass[], features: LineFeatures[], start: number, end: number, result: CaptureAnalysis): void {
  const paragraphs: string[] = [];
  let currentBlock = -1;
  let current: string[] = [];
  let captionNext = false;
  const flush = () => {
    if (current.length) paragraphs.push(current.join(' '));
    current = [];
  };
  const startedBody = () => paragraphs.length > 0 || current.length > 0;

  for (let i = start; i < end; i++) {
    const { text: line, block } = lines[i]!;
    if (block !== currentBlock) {
      flush();
      currentBlock = block;
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
    if (paragraphs.length <= 2 && readAuthorLine(line, result)) continue;
    const signature = findSignature(line);
    if (signature) {
      result.publisher ??= signature.publisher;
      const rest = line.slice(0, signature.index).trimEnd();
      if (rest) current.push(rest);
      flush();
      break;
    }
    // A list item is its own paragraph, even when the capture ran the list into one block.
    if (LIST_ITEM.test(line)) flush();
    if (startedBody() && isSubheading(lines, i) && !features[i]!.chromePhrase && !LABELLED.test(line)) {
      flush();
      paragraphs.push(`## ${line}`);
      continue;
    }
    if (classes[i] === 'bad') continue;
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
}

/** Every line after the site's header and the title, one paragraph per block, repeats dropped. */
function wholeCapture(lines: Line[], from: number, titleIndex: number): string {
  const paragraphs: string[] = [];
  let block = -1;
  for (let i = from; i < lines.length; i++) {
    if (i === titleIndex) continue;
    const line = lines[i]!;
    if (line.block !== block || paragraphs.length === 0) paragraphs.push(line.text);
    else paragraphs[paragraphs.length - 1] += `\n${line.text}`;
    block = line.block;
  }
  return paragraphs.join('\n\n');
}

/** A short line inside the article, without final punctuation, followed by prose: a subheading. */
function isSubheading(lines: Line[], i: number): boolean {
  const line = lines[i]!.text;
  const next = lines[i + 1];
  return line.length <= 90 && !SENTENCE_END.test(line) && next !== undefined && next.block !== lines[i]!.block && isProse(next.text);
}

function readByline(line: string, result: CaptureAnalysis): void {
  const date = findDates(line).find((d) => !d.date.startsWith('--'));
  if (date && !result.published) result.published = date.date;
  // A dateline ("Hanoï, le 20 novembre 2025") names a place, not a publisher.
  if (DATELINE.test(line)) return;
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
  result.publisher ??= outletName(publisher.replace(STAFF, '').trim() || publisher);
}

const DATELINE = /^\p{Lu}[\p{L}' .-]{1,30},\s*(?:le\s+|on\s+)?\d/u;
const STAFF = /\s+(?:staff|newsroom|desk|team|rédaction|la rédaction)$/iu;
const AUTHOR_LINE = /^(?:by|par|por|de|written by|posted by)\s+([\p{L}][\p{L}' .,&-]{1,80})$/iu;

/** "By Jane Roe and Minh Tran, Reuters": the names, and a wire's name as the publisher. */
function readAuthorLine(line: string, result: CaptureAnalysis): boolean {
  const match = AUTHOR_LINE.exec(line.trim());
  if (!match || match[1]!.split(/\s+/).length > 10) return false;
  for (const name of match[1]!.split(/\s+(?:et|and|&)\s+|,\s*/u).map((n) => n.trim()).filter(Boolean)) {
    if (isWire(name)) result.publisher ??= outletName(name);
    else if (!result.authors.includes(name)) result.authors.push(name);
  }
  return true;
}

/** A line of prose, not a caption: long and followed by more of the same block. */
function startsProse(lines: Line[], i: number): boolean {
  const next = lines[i + 1];
  return next !== undefined && next.block === lines[i]!.block && lines[i]!.text.length > 200;
}

/** The same text again with spaces lost or added (captures often repeat the lead): keep one. */
function isRepeat(line: string, previous: string): boolean {
  const squash = (s: string) => s.replace(/\s+/g, '');
  return squash(line) === squash(previous);
}

function spaces(text: string): number {
  return text.split(/\s/).length;
}
