import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';
import { destinationRange, noteFileOf } from './markdown-destination.ts';

/**
 * The links of a note body to other notes, with where they stand, skipping code. `[[Title]]`,
 * `[[Title|shown]]`, `[[Title#Heading]]`, `![[Title]]` (an embed) and ordinary Markdown links to
 * note files (`[text](other.md)`, `notes/other.md`, `../notes/other.md`, `%20` for spaces).
 * CommonMark decides what is code (fences, indented blocks, code spans, inside lists and quotes too),
 * by mdast's parse of the body, rather than a scanner of our own that would miss those cases; raw
 * HTML blocks and comments are skipped too, since Markdown is not rendered inside them.
 */

export type LinkKind = 'wiki' | 'embed' | 'markdown';

export interface NoteLink {
  kind: LinkKind;
  /** The note named, as written: a title, alias or slug (wiki), or a file name without `.md` (markdown, percent-decoded). */
  target: string;
  /** Body offsets of the whole link, and of the part a rename replaces (the title, or the file name). */
  start: number;
  end: number;
  targetStart: number;
  targetEnd: number;
}

export interface BodyLinks {
  links: NoteLink[];
  /** Code, and every link (to a note or not): no mention of a title is looked for there. */
  skip: [number, number][];
  /** Code spans and blocks (and raw HTML), where nothing is a link. */
  code: [number, number][];
}

const WIKI = /(!?)\[\[([^[\]\r\n]+)\]\]/g;

/** Every link of the body to a note, in order. */
export function scanBody(body: string): BodyLinks {
  const code: [number, number][] = [];
  const links: NoteLink[] = [];
  const skip: [number, number][] = [];
  visit(fromMarkdown(body), (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') code.push([start, end]);
    // Images and reference links are links too for mentions, though never links to notes.
    if (node.type === 'image' || node.type === 'imageReference' || node.type === 'linkReference') skip.push([start, end]);
    if (node.type !== 'link' && node.type !== 'definition') return;
    skip.push([start, end]);
    const after = node.type === 'link' ? (node.children.at(-1)?.position?.end.offset ?? start + 1) : start;
    const range = destinationRange(body, after, end, node.type === 'link' ? '](' : ']:');
    const file = range && noteFileOf(node.url, body, range);
    if (file) links.push({ kind: 'markdown', target: file.name, start, end, targetStart: file.start, targetEnd: file.end });
  });
  for (const match of body.matchAll(WIKI)) {
    const start = match.index;
    const end = start + match[0].length;
    if (escaped(body, start) || overlaps(code, start, end)) continue;
    skip.push([start, end]);
    const link = wikiLink(match[2] ?? '', start + match[1]!.length + 2);
    if (link) links.push({ kind: match[1] ? 'embed' : 'wiki', ...link, start, end });
  }
  links.sort((a, b) => a.start - b.start);
  return { links, skip: [...code, ...skip].sort((a, b) => a[0] - b[0]), code };
}

/** `Title#Heading|shown` (an escaped `\|`, as in tables, too): the title's place; none for `#Heading` alone. */
function wikiLink(inner: string, at: number): Pick<NoteLink, 'target' | 'targetStart' | 'targetEnd'> | null {
  const cut = inner.search(/\\?\||#/);
  const name = cut < 0 ? inner : inner.slice(0, cut);
  const target = name.trim();
  if (!target) return null;
  const targetStart = at + name.indexOf(target);
  return { target, targetStart, targetEnd: targetStart + target.length };
}

export function overlaps(ranges: [number, number][], start: number, end: number): boolean {
  return ranges.some(([s, e]) => s < end && start < e);
}

/** `\[[x]]` is written out, not a link. */
function escaped(body: string, at: number): boolean {
  let slashes = 0;
  while (at - slashes - 1 >= 0 && body[at - slashes - 1] === '\\') slashes++;
  return slashes % 2 === 1;
}

function visit(node: Nodes, see: (node: Nodes) => void): void {
  see(node);
  if ('children' in node) for (const child of node.children) visit(child, see);
}

/** 1-based line of an offset, given the offsets where lines start. */
export function lineAt(lineStarts: number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
