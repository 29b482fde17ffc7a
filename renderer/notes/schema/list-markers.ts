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

function bulletOf(token: ListToken): string | null {
  const found = /^[ \t]*([-+*])/.exec(token.raw ?? '');
  return found?.[1] ?? null;
}

function delimiterOf(token: ListToken): string | null {
  const found = /^[ \t]*\d{1,9}([.)])/.exec(token.raw ?? '');
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
  return typeof marker === 'string' && marker !== '-' ? markdown.replace(/^- /gm, `${marker} `) : markdown;
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

export const MarkedTaskList = TaskList.extend({
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

export const MarkedOrderedList = OrderedList.extend({
  addAttributes() {
    return { ...this.parent?.(), ...markerAttribute };
  },
  parseMarkdown(token, helpers) {
    return withMarker(this.parent?.(token, helpers), delimiterOf(token)) as ReturnType<NonNullable<typeof this.parent>>;
  },
  renderMarkdown(node, helpers, context) {
    const rendered = this.parent?.(node, helpers, context) ?? '';
    return node.attrs?.marker === ')' ? rendered.replace(/^(\d{1,9})\. /gm, '$1) ') : rendered;
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
