import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PmNode } from '@tiptap/pm/model';
import { ReplaceStep } from '@tiptap/pm/transform';
import { STATE_MARKS } from './citation-words.ts';
import type { Citation } from '../../electron/api.ts';

/**
 * Citations in the editor: each `carnet://source/…` link is drawn as a chip with its state (checked
 * on the Node side against the source) and a label (the source's short title, date, PDF page).
 * Decorations only: the note's text and Markdown are untouched. A link is matched to its check by
 * its address and which occurrence of that address it is, so links typed since the last save stay
 * plain chips until the next check rather than borrowing another's state.
 */

export interface ChipLabels {
  state: (citation: Citation) => string;
  /** `titled`: the source's title already follows the link in its paragraph ("— *Title*, …"), so the label need not repeat it. */
  label: (citation: Citation, titled: boolean) => string;
  unchecked: string;
}

interface ChipState {
  checks: Map<string, Citation>;
  decorations: DecorationSet;
}

export const citationChipsKey = new PluginKey<ChipState>('carnetCitationChips');

/** `carnet://source/<id>#<annotation-id>` as the Node side names it. */
export function citationHref(citation: Pick<Citation, 'sourceId' | 'annotationId'>): string {
  return `carnet://source/${citation.sourceId}${citation.annotationId ? `#${citation.annotationId}` : ''}`;
}

/** Keys a note's checked citations the way the chips find them: address, then occurrence of that address. */
export function checksByKey(citations: Citation[]): Map<string, Citation> {
  const seen = new Map<string, number>();
  const map = new Map<string, Citation>();
  for (const citation of [...citations].sort((a, b) => a.index - b.index)) {
    const href = citationHref(citation);
    const n = seen.get(href) ?? 0;
    seen.set(href, n + 1);
    map.set(`${href} ${n}`, citation);
  }
  return map;
}

/** Gives the chips the note's checked citations (after each check). */
export function setCitationChecks(tr: Transaction, checks: Map<string, Citation>): Transaction {
  return tr.setMeta(citationChipsKey, checks);
}

/** The addresses the Node side reads as citations (citations/find-citations.ts): others get no chip. */
const CITATION_HREF = /^carnet:\/\/source\/[A-Za-z0-9_-]{1,64}(?:#[A-Za-z0-9_-]{1,64})?$/;
const RAW_CITATION = /\]\((carnet:\/\/source\/[A-Za-z0-9_-]{1,64}(?:#[A-Za-z0-9_-]{1,64})?)\)/g;

export interface CitationRange {
  from: number;
  to: number;
  href: string;
  key: string;
  /** Order among the note's citation links, from 0. */
  index: number;
}

/** Every citation link of the document, in order: contiguous text with the same link mark is one. */
export function citationRanges(doc: PmNode): CitationRange[] {
  const ranges: CitationRange[] = [];
  const seen = new Map<string, number>();
  let open: { from: number; to: number; href: string } | null = null;
  const close = () => {
    if (!open) return;
    const n = seen.get(open.href) ?? 0;
    seen.set(open.href, n + 1);
    ranges.push({ ...open, key: `${open.href} ${n}`, index: index++ });
    open = null;
  };
  let index = 0;
  doc.descendants((node, pos) => {
    if (node.type.name === 'rawMarkdown' || node.type.name === 'rawInline') {
      // Kept as written, shown rendered: its citations have no chip, but the Node side counts them, so they count here too.
      close();
      for (const match of String(node.attrs.markdown ?? '').matchAll(RAW_CITATION)) {
        const href = match[1]!;
        seen.set(href, (seen.get(href) ?? 0) + 1);
        index++;
      }
      return false;
    }
    if (!node.isText) {
      if (!node.isInline) close();
      return true;
    }
    const href = node.marks.find((mark) => mark.type.name === 'link')?.attrs.href as string | undefined;
    const citation = href && CITATION_HREF.test(href) ? href : null;
    if (open && (citation !== open.href || pos !== open.to)) close();
    if (citation) open = open ? { ...open, to: pos + node.nodeSize } : { from: pos, to: pos + node.nodeSize, href: citation };
    return false;
  });
  close();
  return ranges;
}

function decorate(doc: PmNode, checks: Map<string, Citation>, labels: ChipLabels): DecorationSet {
  const decorations: Decoration[] = [];
  for (const range of citationRanges(doc)) {
    const check = checks.get(range.key);
    const state = check?.state ?? 'unchecked';
    decorations.push(Decoration.inline(range.from, range.to, { class: `citation-chip citation-${state}`, 'data-citation': String(range.index), 'data-citation-key': range.key }));
    const text = check ? labels.label(check, titledAfter(doc, range.to, check)) : '';
    const title = check ? labels.state(check) : labels.unchecked;
    decorations.push(
      Decoration.widget(range.to, () => chipLabel(state, text, title, range), { side: 1, key: `${range.key}|${state}|${text}`, ignoreSelection: true }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/** Whether the paragraph goes on with the source's title after the link, as the quote template writes it. */
function titledAfter(doc: PmNode, pos: number, check: Citation): boolean {
  const title = check.source?.title;
  if (!title) return false;
  const $pos = doc.resolve(pos);
  const after = $pos.parent.textBetween($pos.parentOffset, Math.min($pos.parent.content.size, $pos.parentOffset + 400), ' ', ' ');
  return after.toLowerCase().includes(title.toLowerCase().slice(0, 24));
}

const MARKS: Record<string, string> = { ...STATE_MARKS, unchecked: '·' };

function chipLabel(state: string, text: string, title: string, range: CitationRange): HTMLElement {
  const label = document.createElement('span');
  label.className = `citation-label citation-${state}`;
  label.contentEditable = 'false';
  label.dataset.citationKey = range.key;
  label.dataset.citation = String(range.index);
  label.title = title;
  const mark = document.createElement('span');
  mark.className = 'citation-mark';
  mark.setAttribute('aria-hidden', 'true');
  mark.textContent = MARKS[state] ?? '';
  label.append(mark);
  if (text) label.append(` ${text}`);
  const spoken = document.createElement('span');
  spoken.className = 'visually-hidden';
  spoken.textContent = ` (${title})`;
  label.append(spoken);
  return label;
}

/** Whether a change adds or removes marks, brings in a link, or edits text where a chip is. */
function touchesCitations(tr: Transaction, drawn: DecorationSet): boolean {
  if (tr.steps.length !== 1) return true;
  const step = tr.steps[0];
  if (!(step instanceof ReplaceStep)) return true;
  let touched = false;
  step.getMap().forEach((from, to) => {
    if (drawn.find(Math.max(0, from - 1), to + 1).length > 0) touched = true;
  });
  step.slice.content.descendants((node) => {
    if (node.marks.some((mark) => mark.type.name === 'link')) touched = true;
    return !touched;
  });
  return touched;
}

export function citationChips(labels: () => ChipLabels) {
  return Extension.create({
    name: 'citationChips',
    addProseMirrorPlugins() {
      return [
        new Plugin<ChipState>({
          key: citationChipsKey,
          state: {
            init: (_, state: EditorState) => ({ checks: new Map(), decorations: decorate(state.doc, new Map(), labels()) }),
            apply(tr, value, _old, state) {
              const checks = tr.getMeta(citationChipsKey) as Map<string, Citation> | undefined;
              if (!checks && !tr.docChanged) return value;
              // Typing elsewhere only moves the chips; the document is walked again when a link may have come or gone.
              if (!checks && !touchesCitations(tr, value.decorations)) return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
              const next = checks ?? value.checks;
              return { checks: next, decorations: decorate(state.doc, next, labels()) };
            },
          },
          props: {
            decorations: (state) => citationChipsKey.getState(state)?.decorations ?? DecorationSet.empty,
          },
        }),
      ];
    },
  });
}
