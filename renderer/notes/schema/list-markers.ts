import { BulletList, OrderedList, TaskList } from '@tiptap/extension-list';
import type { JSONContent } from '@tiptap/core';

/**
 * A list keeps the marker its author typed (`*`, `+`, `-`; `1.` or `1)`), so editing a list does
 * not rewrite every line of it. Two lists side by side need different markers or Markdown merges
 * them into one: `separateAdjacentLists` picks them before a save.
 */

interface ListToken {
  raw?: string;
}

const markerAttribute = { marker: { default: null, rendered: false } };

// A token's raw text can start with the blank lines before it (the task list's tokenizer keeps them:
// `a\n\n* [ ] b` has `\n\n* [ ] b`), which hid the marker: `\s*`, not `[ \t]*`.
function bulletOf(token: ListToken): string | null {
  const found = /^\s*([-+*])/.exec(token.raw ?? '');
  return found?.[1] ?? null;
}

function delimiterOf(token: ListToken): string | null {
  const found = /^\s*\d{1,9}([.)])/.exec(token.raw ?? '');
  return found?.[1] ?? null;
}

function withMarker(result: unknown, marker: string | null): unknown {
  if (marker && result && typeof result === 'object' && !Array.isArray(result)) {
    const node = result as JSONContent;
    return { ...node, attrs: { ...node.attrs, marker } };
  }
  return result;
}

/** The list's own lines start at column 0 in the rendering: only those carry its markers. */
function rebullet(markdown: string, marker: unknown): string {
  return indentContinuations(typeof marker === 'string' && marker !== '-' ? markdown.replace(/^- /gm, `${marker} `) : markdown);
}

const ITEM_START = /^(?:[-+*]|\d{1,9}[.)])(?: |$)/;

/**
 * A hard break in an item's first paragraph starts a line that the item's renderer (@tiptap/core's
 * renderNestedMarkdownContent) leaves at column 0, where it is only a lazy continuation: a nested
 * item read it as the next level's text (` ` kept after the break), and a quote or list item around
 * it could end there. Those lines are indented to the item's content. They are the column-0 lines
 * after an item's marker line up to its first blank or indented line (its nested blocks, already
 * indented); a paragraph line never starts with a space or a list marker (escapeLineStarts).
 */
function indentContinuations(markdown: string): string {
  let width = 0;
  let inFirstParagraph = false;
  return markdown
    .split('\n')
    .map((line) => {
      const item = ITEM_START.exec(line);
      if (item) {
        width = item[0].length;
        inFirstParagraph = true;
        return line;
      }
      if (line === '' || /^[ \t]/.test(line)) inFirstParagraph = false;
      return inFirstParagraph ? `${' '.repeat(width)}${line}` : line;
    })
    .join('\n');
}

export const MarkedBulletList = BulletList.extend({
  addAttributes() {
    return { ...this.parent?.(), ...markerAttribute };
  },
  parseMarkdown(token, helpers) {
    return withMarker(this.parent?.(token, helpers), bulletOf(token)) as ReturnType<NonNullable<typeof this.parent>>;
  },
  renderMarkdown(node, helpers, context) {
    return rebullet(this.parent?.(node, helpers, context) ?? '', node.attrs?.marker);
  },
});

interface TaskListToken extends ListToken {
  items?: { nestedTokens?: { type: string; tokens?: unknown[] }[] }[];
}

type InlineParser = (tokens: never[]) => JSONContent[];

/**
 * The task list's tokenizer (@tiptap/extension-list) reads an item's first line alone and the lines
 * under it as blocks nested in the item: `- [ ] a  \n  b` (a hard break, as the editor writes one)
 * became two paragraphs. A paragraph nested right under the first line, with no blank line between
 * (marked gives a `space` token for one), is the rest of the first paragraph: joined again, with the
 * hard break its first line ended with (two spaces or a backslash), else a line ending. In a tight
 * context marked gives a `text` token instead, which the item's parser leaves as unparsed text.
 */
function joinFirstParagraphs(list: unknown, token: TaskListToken, parseInline: InlineParser): unknown {
  if (!list || typeof list !== 'object' || Array.isArray(list)) return list;
  const node = list as JSONContent;
  const content = (node.content ?? []).map((item, index) => {
    const [first, second, ...rest] = item.content ?? [];
    const nested = token.items?.[index]?.nestedTokens?.[0];
    if (!nested || first?.type !== 'paragraph') return item;
    let more: JSONContent[];
    if (nested.type === 'paragraph' && second?.type === 'paragraph') more = second.content ?? [];
    else if (nested.type === 'text' && second?.type === 'text' && nested.tokens) more = parseInline(nested.tokens as never[]);
    else return item;
    const head = [...(first.content ?? [])];
    const last = head[head.length - 1];
    let joint: JSONContent = { type: 'text', text: '\n' };
    if (last?.type === 'text' && !last.marks?.some((mark) => mark.type === 'code')) {
      const ending = /(?: {2,}|\\)$|[ \t]+$/.exec(last.text ?? '');
      if (ending) {
        if (ending[0].endsWith('\\') || ending[0].length >= 2) joint = { type: 'hardBreak' };
        const text = (last.text ?? '').slice(0, ending.index);
        if (text === '') head.pop();
        else head[head.length - 1] = { ...last, text };
      }
    }
    return { ...item, content: [{ ...first, content: [...head, joint, ...more] }, ...rest] };
  });
  return { ...node, content };
}

export const MarkedTaskList = TaskList.extend({
  addAttributes() {
    return { ...this.parent?.(), ...markerAttribute };
  },
  parseMarkdown(token, helpers) {
    const list = joinFirstParagraphs(this.parent?.(token, helpers), token as TaskListToken, (tokens) => helpers.parseInline(tokens) as JSONContent[]);
    return withMarker(list, bulletOf(token)) as ReturnType<NonNullable<typeof this.parent>>;
  },
  renderMarkdown(node, helpers, context) {
    return rebullet(this.parent?.(node, helpers, context) ?? '', node.attrs?.marker);
  },
});

interface ItemToken {
  type: string;
  tokens?: { type: string; tokens?: unknown[] }[];
}

/**
 * In a list nested in another, marked gives an item's later paragraph as a `text` token, which the ordered
 * list's parser (@tiptap/extension-list) made a paragraph of its unparsed text (`==a==`, `[[Note]]` read as
 * text): as `paragraph` tokens they are parsed like any other.
 */
function textAsParagraphs<T extends ListToken>(token: T): T {
  const items = (token as { items?: ItemToken[] }).items;
  if (!items) return token;
  const asParagraph = (child: { type: string; tokens?: unknown[] }) => (child.type === 'text' && child.tokens ? { ...child, type: 'paragraph' } : child);
  return { ...token, items: items.map((item) => (item.type === 'list_item' && item.tokens ? { ...item, tokens: item.tokens.map(asParagraph) } : item)) };
}

/** A list numbered from 0: @tiptap/extension-list takes `start || 1`, reading and writing. */
function fromZero(list: unknown, token: ListToken): unknown {
  if (!/^\s*0+[.)]/.test(token.raw ?? '') || !list || typeof list !== 'object' || Array.isArray(list)) return list;
  const node = list as JSONContent;
  return { ...node, attrs: { ...node.attrs, start: 0 } };
}

export const MarkedOrderedList = OrderedList.extend({
  addAttributes() {
    return { ...this.parent?.(), ...markerAttribute };
  },
  parseMarkdown(token, helpers) {
    return withMarker(fromZero(this.parent?.(textAsParagraphs(token), helpers), token), delimiterOf(token)) as ReturnType<NonNullable<typeof this.parent>>;
  },
  renderMarkdown(node, helpers, context) {
    let rendered = this.parent?.(node, helpers, context) ?? '';
    // Numbered from 1 by the parent when `start` is 0: one less on each of the list's own lines.
    if (node.attrs?.start === 0) rendered = rendered.replace(/^(\d{1,9})(?=\. )/gm, (number) => String(Number(number) - 1));
    rendered = indentContinuations(node.attrs?.marker === ')' ? rendered.replace(/^(\d{1,9})\. /gm, '$1) ') : rendered);
    // Only a list starting at 1 may interrupt a paragraph: under an item's text with no blank line
    // between, `8. x` was read as more of that text. A blank line first (the editor has no tight lists).
    const start = Number(node.attrs?.start ?? 1);
    const inItem = context.parentType === 'listItem' || context.parentType === 'taskItem';
    return inItem && start !== 1 && context.previousNode?.type === 'paragraph' ? `\n${rendered}` : rendered;
  },
});

const BULLETS = ['-', '*', '+'];

function family(node: JSONContent | undefined): 'bullet' | 'ordered' | null {
  if (node?.type === 'bulletList' || node?.type === 'taskList') return 'bullet';
  if (node?.type === 'orderedList') return 'ordered';
  return null;
}

/** A copy of `nodes` where no list has the same marker as a list right before it, at every depth. */
export function separateAdjacentLists(nodes: JSONContent[]): JSONContent[] {
  let previous: { family: 'bullet' | 'ordered'; marker: string } | null = null;
  return nodes.map((node) => {
    const content = node.content ? separateAdjacentLists(node.content) : undefined;
    let copy: JSONContent = content ? { ...node, content } : node;
    const kind = family(node);
    if (!kind) {
      previous = null;
      return copy;
    }
    const choices = kind === 'bullet' ? BULLETS : ['.', ')'];
    let marker = typeof node.attrs?.marker === 'string' ? node.attrs.marker : (choices[0] ?? '-');
    if (previous?.family === kind && previous.marker === marker) {
      marker = choices.find((choice) => choice !== marker) ?? marker;
      copy = { ...copy, attrs: { ...copy.attrs, marker } };
    }
    previous = { family: kind, marker };
    return copy;
  });
}
