import type { Editor, JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Selection } from '@tiptap/pm/state';
import { splitBlocks, type SourceBlock, type SourceBlocks } from './markdown-blocks.ts';
import { declaredKind, keepsMeaning } from './opaque-blocks.ts';
import { separateAdjacentLists } from './schema/list-markers.ts';

/**
 * A note in the editor that keeps its Markdown byte for byte. Loading parses each top-level block
 * of the file on its own, so every editor node knows the bytes it came from; saving writes those
 * bytes again for every block whose nodes the user did not touch, and serialises only the rest.
 * Written by hand: TipTap's Markdown extension only re-serialises whole documents, which keeps
 * 96 of the 652 CommonMark examples intact; this keeps all 652 when a paragraph is added.
 */

interface MarkdownManager {
  parse(markdown: string): JSONContent;
  serialize(doc: JSONContent): string;
}

export interface LoadedNote {
  source: SourceBlocks;
  /** How many top-level editor nodes each source block became (0 for a definition). */
  nodeCounts: number[];
  /** The document as loaded, to tell "nothing changed" at once. */
  doc: ProseMirrorNode;
  /** Each top-level node as loaded, with the source block it came from (-1 for the empty paragraph of an empty note). */
  original: { node: ProseMirrorNode; block: number }[];
}

const EMPTY_DOC: JSONContent = { type: 'doc', content: [{ type: 'paragraph' }] };

function managerOf(editor: Editor): MarkdownManager {
  return (editor.storage as unknown as { markdown: { manager: MarkdownManager } }).markdown.manager;
}

/** Editor nodes as Markdown, lists side by side kept apart. */
export function serializeNodes(manager: MarkdownManager, nodes: JSONContent[]): string {
  // An empty paragraph has no Markdown: it would only add a blank line the next load drops.
  const blocks = nodes.filter((node) => !(node.type === 'paragraph' && (node.content ?? []).length === 0));
  return manager.serialize({ type: 'doc', content: fenceCodeBlocks(separateAdjacentLists(blocks)) });
}

/** A code span as CommonMark reads it back: a fence no run in the text matches, padded where a space would be lost. */
function codeSpan(text: string): string {
  const runs = new Set((text.match(/`+/g) ?? []).map((run) => run.length));
  let length = 1;
  while (runs.has(length)) length++;
  const fence = '`'.repeat(length);
  const pad = /^`|`$/.test(text) || (text.startsWith(' ') && text.endsWith(' ') && /[^ ]/.test(text)) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * A code block as a fenced block whose fence no line of its code can close: @tiptap/extension-code-block
 * always writes three backticks, and a line of three in the code (Markdown about Markdown) ended the
 * block there. Written as a raw-Markdown node, which the serialiser copies (and indents in a list or quote).
 * Likewise inline code that starts or ends with a space (`` `## ` ``): @tiptap/markdown moves a marked
 * text's edge spaces out of its mark, right for `**bold **` but not for code, where they are the content.
 */
function fenceCodeBlocks(nodes: JSONContent[]): JSONContent[] {
  return nodes.map((node) => {
    const onlyCode = node.marks?.length === 1 && node.marks[0]?.type === 'code';
    if (node.type === 'text' && onlyCode && /^\s|\s$/.test(node.text ?? '') && !(node.text ?? '').includes('\n')) {
      return { type: 'rawInline', attrs: { markdown: codeSpan(node.text ?? '') } };
    }
    if (node.type === 'codeBlock') {
      const code = (node.content ?? []).map((child) => child.text ?? '').join('');
      const runs = code.match(/^ {0,3}`{3,}/gm) ?? [];
      const fence = '`'.repeat(Math.max(3, ...runs.map((run) => run.trim().length + 1)));
      const language = typeof node.attrs?.language === 'string' ? node.attrs.language : '';
      const markdown = code === '' ? `${fence}${language}\n${fence}` : `${fence}${language}\n${code}\n${fence}`;
      return { type: 'rawMarkdown', attrs: { markdown, kind: 'markdown' } };
    }
    return node.content ? { ...node, content: fenceCodeBlocks(node.content) } : node;
  });
}

/** The whole document serialised node by node, ignoring the file's bytes (what a save would be without them). */
export function serializeDocument(editor: Editor): string {
  return serializeNodes(managerOf(editor), editor.getJSON().content ?? []);
}

/** A block as editor nodes: rich text when the editor keeps its meaning, else one raw-Markdown block with its exact text. */
function blockContent(manager: MarkdownManager, block: SourceBlock, definitions: string): JSONContent[] {
  const declared = declaredKind(block);
  if (declared) return [{ type: 'rawMarkdown', attrs: { markdown: block.text, kind: declared } }];
  // A block that uses a reference link resolves it only with the definitions beside it.
  const withDefinitions = definitions !== '' && block.type !== 'code' && block.text.includes('[');
  const parsed = trimLineStarts(manager.parse(withDefinitions ? `${block.text}\n\n${definitions}\n` : block.text).content ?? []);
  if (parsed.length > 0 && keepsMeaning(block.text, serializeNodes(manager, parsed), definitions)) return parsed;
  return [{ type: 'rawMarkdown', attrs: { markdown: block.text, kind: 'markdown' } }];
}

/**
 * Text never starts a line with spaces in Markdown: a paragraph line's indentation is dropped. The
 * ordered list's tokenizer (@tiptap/extension-list) keeps one space of a continuation line's
 * (`1. a  \n   b` read as `a`, a break, ` b`; an item's second paragraph as ` b`), invisible in the
 * Markdown but not in the editor.
 */
function trimLineStarts(nodes: JSONContent[]): JSONContent[] {
  return nodes.map((node, index) => {
    if (node.type === 'text') {
      if (node.marks?.some((mark) => mark.type === 'code')) return node;
      const afterBreak = index === 0 || nodes[index - 1]?.type === 'hardBreak';
      const text = (node.text ?? '').replace(/\n[ \t]+/g, '\n');
      return { ...node, text: afterBreak ? text.replace(/^[ \t]+/, '') : text };
    }
    if (!node.content || node.type === 'codeBlock') return node;
    return { ...node, content: trimLineStarts(node.content).filter((child) => child.type !== 'text' || child.text !== '') };
  });
}

/** Puts `markdown` in the editor, block by block; what it returns is what `saveBlocks` needs. */
export function loadBlocks(editor: Editor, markdown: string): LoadedNote {
  const manager = managerOf(editor);
  const source = splitBlocks(markdown);
  const definitions = source.definitions.join('\n');
  const content: JSONContent[] = [];
  const owners: number[] = [];
  const nodeCounts = source.blocks.map((block, index) => {
    const parsed = blockContent(manager, block, definitions);
    for (const node of parsed) {
      content.push(node);
      owners.push(index);
    }
    return parsed.length;
  });
  editor.commands.setContent(content.length ? { type: 'doc', content } : EMPTY_DOC, { emitUpdate: false });
  // The caret starts at the top, in text: not on a kept block that a keystroke would replace.
  editor.view.dispatch(editor.state.tr.setSelection(Selection.atStart(editor.state.doc)).setMeta('addToHistory', false));
  const doc = editor.state.doc;
  const original: LoadedNote['original'] = [];
  doc.forEach((node, _offset, index) => original.push({ node, block: content.length ? (owners[index] ?? -1) : -1 }));
  return { source, nodeCounts, doc, original };
}

/** The note's Markdown after the user's edits, or null when the document did not change (nothing to write). */
export function saveBlocks(editor: Editor, loaded: LoadedNote): string | null {
  const doc = editor.state.doc;
  if (doc.eq(loaded.doc)) return null;
  const { source, nodeCounts, original } = loaded;
  const children: ProseMirrorNode[] = [];
  doc.forEach((node) => children.push(node));
  const matched = matchNodes(children, original.map((entry) => entry.node));
  const kept = keptBlocks(original, matched);

  // The document as a sequence of kept source blocks and runs of new or changed nodes.
  type Item = { block: number } | { nodes: ProseMirrorNode[] };
  const items: Item[] = [];
  let lastBlock = -1;
  // Blocks that made no node (definitions) stay attached after the block before them.
  const takeNodeless = (upTo: number) => {
    for (let i = lastBlock + 1; i < upTo; i++) if (nodeCounts[i] === 0) items.push({ block: i });
  };
  const followNodeless = () => {
    while (lastBlock + 1 < source.blocks.length && nodeCounts[lastBlock + 1] === 0) items.push({ block: ++lastBlock });
  };
  followNodeless();
  children.forEach((node, index) => {
    const from = matched.get(index);
    const block = from === undefined ? -1 : (original[from]?.block ?? -1);
    if (from !== undefined && block === -1) return; // the empty paragraph that stands for an empty note
    if (block >= 0 && kept.has(block)) {
      if (kept.get(block) === from) {
        takeNodeless(block);
        items.push({ block });
        lastBlock = Math.max(lastBlock, block);
        followNodeless();
      }
      return;
    }
    const last = items[items.length - 1];
    if (last && 'nodes' in last) last.nodes.push(node);
    else items.push({ nodes: [node] });
  });
  takeNodeless(source.blocks.length);

  const manager = managerOf(editor);
  const tail = source.gaps[source.blocks.length] ?? '';
  // New text follows the file's line endings: a note written on Windows stays CRLF throughout.
  const eol = source.body.includes('\r\n') ? '\r\n' : '\n';
  const blank = eol + eol;
  let text = source.bom;
  let previous: Item | null = null;
  for (const item of items) {
    let piece: string;
    let separator: string;
    if ('block' in item) {
      piece = source.blocks[item.block]?.text ?? '';
      const follows = previous !== null && 'block' in previous && previous.block === item.block - 1;
      separator = previous === null ? (item.block === 0 ? (source.gaps[0] ?? '') : '') : follows ? (source.gaps[item.block] ?? '') : blank;
    } else {
      piece = serializeNodes(manager, item.nodes.map((node) => node.toJSON() as JSONContent)).replace(/\r?\n/g, eol);
      if (piece.trim() === '') continue; // empty paragraphs only
      if (previous === null) separator = '';
      else if ('block' in previous && previous.block === source.blocks.length - 1) {
        // After the file's last block: its own ending, then just enough to make a blank line.
        const sofar = text + tail;
        separator = tail + (/\n[ \t\r]*\n$/.test(sofar) ? '' : sofar.endsWith('\n') ? eol : blank);
      } else separator = blank;
    }
    text += separator + piece;
    previous = item;
  }
  if (previous !== null && 'block' in previous && previous.block === source.blocks.length - 1) text += tail;
  else if (text !== source.bom) text += eol;
  return text;
}

/** Which loaded node each new top-level node is (`node.eq`): common prefix and suffix, then a longest common subsequence. */
function matchNodes(now: ProseMirrorNode[], before: ProseMirrorNode[]): Map<number, number> {
  const n = now.length;
  const m = before.length;
  let prefix = 0;
  while (prefix < n && prefix < m && now[prefix]!.eq(before[prefix]!)) prefix++;
  let suffix = 0;
  while (suffix < n - prefix && suffix < m - prefix && now[n - 1 - suffix]!.eq(before[m - 1 - suffix]!)) suffix++;
  const map = new Map<number, number>();
  for (let k = 0; k < prefix; k++) map.set(k, k);
  for (let k = 0; k < suffix; k++) map.set(n - 1 - k, m - 1 - k);
  const a = now.slice(prefix, n - suffix);
  const b = before.slice(prefix, m - suffix);
  const lengths = Array.from({ length: a.length + 1 }, () => new Int32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lengths[i]![j] = a[i]!.eq(b[j]!) ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
  }
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]!.eq(b[j]!)) {
      map.set(prefix + i, prefix + j);
      i++;
      j++;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i++;
    else j++;
  }
  return map;
}

/** Blocks all of whose nodes are still there, in order and together: block → index of its first loaded node. */
function keptBlocks(original: LoadedNote['original'], matched: Map<number, number>): Map<number, number> {
  const nodesOf = new Map<number, number[]>();
  original.forEach((entry, index) => {
    if (entry.block < 0) return;
    const list = nodesOf.get(entry.block) ?? [];
    list.push(index);
    nodesOf.set(entry.block, list);
  });
  const newIndexOf = new Map([...matched].map(([now, before]) => [before, now]));
  const kept = new Map<number, number>();
  for (const [block, indexes] of nodesOf) {
    const positions = indexes.map((index) => newIndexOf.get(index));
    const together = positions.every((position, k) => position !== undefined && (k === 0 || position === (positions[k - 1] ?? -2) + 1));
    if (together) kept.set(block, indexes[0]!);
  }
  return kept;
}
