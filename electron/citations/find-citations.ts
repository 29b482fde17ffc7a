import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Parent } from 'mdast';

/**
 * The citations of a note body: its `carnet://source/<id>#<annotation-id>` links (inline or by
 * reference), each with the words the note quotes for it. Those are the blockquote the citation
 * closes or follows (what "Quote in note" inserts), else the link's own text when it is in quotation
 * marks (`[« … »](carnet://…)`), else none: a link to a source as a whole quotes nothing.
 * CommonMark decides what is a link and what is code, by mdast's parse, as for links between notes.
 */

export interface FoundCitation {
  /** Body offsets of the whole link. */
  start: number;
  end: number;
  sourceId: string;
  /** null for a link to the source as a whole. */
  annotationId: string | null;
  /** The words the note quotes, as written (Markdown marks aside), or null. */
  quoted: string | null;
  quotedFrom: 'blockquote' | 'link' | null;
}

const CITATION = /^carnet:\/\/source\/([A-Za-z0-9_-]{1,64})(?:#([A-Za-z0-9_-]{1,64}))?$/;
/** Quotation marks around a link's text: « », “ ”, „ “, " ", ‘ ’. */
// No \s* beside a lazy group: with both, a link text of spaces takes cubic time (trimmed after instead).
const QUOTED = /^(?:«([^»]*)»|“([^”]*)”|„([^“”]*)[“”]|"([^"]*)"|‘([^’]*)’)$/u;

export function findCitations(body: string): FoundCitation[] {
  // Most notes cite nothing: no parse for them.
  if (!body.includes('carnet://source/')) return [];
  const tree = fromMarkdown(body);
  const definitions = new Map<string, string>();
  visit(tree, [], (node) => {
    if (node.type === 'definition') definitions.set(node.identifier, node.url);
  });
  const citationOf = (node: Nodes): RegExpExecArray | null => {
    const url = node.type === 'link' ? node.url : node.type === 'linkReference' ? definitions.get(node.identifier) : undefined;
    return url ? CITATION.exec(url.trim()) : null;
  };
  const found: FoundCitation[] = [];
  // One blockquote's text per blockquote: a quote closed by a thousand citations is read once.
  const quotes = new Map<Parent, string>();
  const isCitation = (n: Nodes) => citationOf(n) !== null;
  const quoted = (block: Parent) => {
    let text = quotes.get(block);
    if (text === undefined) quotes.set(block, (text = quotedText(block, isCitation)));
    return text;
  };
  visit(tree, [], (node, ancestors) => {
    const match = citationOf(node);
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (!match || start === undefined || end === undefined) return;
    const quote = quoteFor(node, ancestors, quoted);
    found.push({ start, end, sourceId: match[1]!, annotationId: match[2] ?? null, quoted: quote?.text ?? null, quotedFrom: quote?.from ?? null });
  });
  return found;
}

type IsCitation = (node: Nodes) => boolean;

function quoteFor(link: Nodes, ancestors: Parent[], quoted: (block: Parent) => string): { text: string; from: 'blockquote' | 'link' } | null {
  const quoteBlock = [...ancestors].reverse().find((node) => node.type === 'blockquote');
  if (quoteBlock) {
    const text = quoted(quoteBlock);
    if (text) return { text, from: 'blockquote' };
  }
  const paragraph = ancestors[ancestors.length - 1];
  const container = ancestors[ancestors.length - 2];
  // "> passage" then "— [citation](carnet://…)": the citation line starts with the link. Only the
  // paragraph's first few children can come before it: a paragraph of thousands of links stays linear.
  const at = paragraph?.type === 'paragraph' ? paragraph.children.slice(0, 4).indexOf(link as never) : -1;
  if (paragraph && at !== -1 && container && !quoteBlock) {
    const previous = container.children[container.children.indexOf(paragraph as never) - 1];
    const before = previous?.type === 'blockquote' ? paragraph.children.slice(0, at).map(plainText).join('') : null;
    if (previous?.type === 'blockquote' && before !== null && /^[\s\p{Pd}―(]*$/u.test(before)) {
      const text = quoted(previous);
      if (text) return { text, from: 'blockquote' };
    }
  }
  const inMarks = QUOTED.exec(plainText(link).trim());
  const words = inMarks?.slice(1).find((group) => group !== undefined)?.trim();
  // Quotation marks around nothing but spaces or punctuation quote nothing.
  return words && /[\p{L}\p{N}]/u.test(words) ? { text: words, from: 'link' } : null;
}

/** A blockquote's text without the paragraphs that cite (the citation line inside it). */
function quotedText(blockquote: Parent, isCitation: IsCitation): string {
  return blockquote.children
    .filter((child) => !citesSomething(child, isCitation))
    .map(plainText)
    .join('\n\n')
    .trim();
}

function citesSomething(node: Nodes, isCitation: IsCitation): boolean {
  if (isCitation(node)) return true;
  return 'children' in node && (node.children as Nodes[]).some((child) => citesSomething(child, isCitation));
}

function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return '\n';
  if (!('children' in node)) return '';
  const separator = node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem' ? '\n\n' : '';
  return (node.children as Nodes[]).map(plainText).join(separator);
}

function visit(node: Nodes, ancestors: Parent[], enter: (node: Nodes, ancestors: Parent[]) => void): void {
  enter(node, ancestors);
  if (node.type === 'code' || node.type === 'html' || !('children' in node)) return;
  const path = [...ancestors, node as Parent];
  for (const child of node.children as Nodes[]) visit(child, path, enter);
}
