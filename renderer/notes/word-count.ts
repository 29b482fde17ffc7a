import type { Node as PMNode } from '@tiptap/pm/model';

/**
 * Word and character counts of a note (see WordCount.tsx): words are the word-like segments of
 * Intl.Segmenter, characters are grapheme clusters; a node's counts are remembered while it is unchanged.
 */

export interface TextCounts {
  words: number;
  characters: number;
}

let wordSegmenter: Intl.Segmenter | null = null;
let graphemeSegmenter: Intl.Segmenter | null = null;

/** Words (word-like segments) and characters (what a reader sees as one: grapheme clusters), line breaks not counted. */
export function countText(text: string): TextCounts {
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  let words = 0;
  for (const segment of wordSegmenter.segment(text)) if (segment.isWordLike) words += 1;
  const flat = text.replace(/\n/g, '');
  let characters = 0;
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(flat)) characters = flat.length;
  else {
    graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    for (const _ of graphemeSegmenter.segment(flat)) characters += 1;
  }
  return { words, characters };
}

/** What an inline atom or a kept block reads as: a wiki link its shown text, raw Markdown without HTML tags. */
export function leafText(node: PMNode): string {
  switch (node.type.name) {
    case 'wikiLink': {
      const raw = String(node.attrs.raw ?? '');
      const match = /^!?\[\[([^\]|#]*)(?:#([^\]|]*))?(?:\|([^\]]*))?\]\]$/.exec(raw);
      return match ? ` ${(match[3] ?? '').trim() || `${match[1] ?? ''} ${match[2] ?? ''}`} ` : raw;
    }
    case 'rawInline':
      return String(node.attrs.markdown ?? '');
    case 'rawMarkdown':
      return String(node.attrs.markdown ?? '').replace(/<[^>]*>/g, ' ');
    case 'hardBreak':
      return '\n';
    default:
      return '';
  }
}

export function nodeText(node: PMNode, from = 0, to = node.content.size): string {
  return node.isLeaf ? leafText(node) : node.textBetween(from, to, '\n', leafText);
}

const nodeCounts = new WeakMap<PMNode, TextCounts>();

/** A node's counts, remembered: ProseMirror shares unchanged nodes between versions, so they are not recounted. */
function countNode(node: PMNode): TextCounts {
  const cached = nodeCounts.get(node);
  if (cached) return cached;
  let counts: TextCounts;
  if (node.isTextblock || node.isLeaf) counts = countText(nodeText(node));
  else {
    counts = { words: 0, characters: 0 };
    node.forEach((child) => {
      const inner = countNode(child);
      counts.words += inner.words;
      counts.characters += inner.characters;
    });
  }
  nodeCounts.set(node, counts);
  return counts;
}

/** The whole note's counts; after an edit only the paragraph that changed (and its parents' sums) is counted again. */
export function countDocument(doc: PMNode): TextCounts {
  return countNode(doc);
}
