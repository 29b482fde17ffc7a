/**
 * The DOM selection in the reader as offsets into the source body. Every run of body text is
 * rendered as one text node inside an element carrying `data-start` (its offset in the body), so a
 * point inside such a node maps exactly; a point between elements (a triple click ends at the start
 * of the next paragraph) maps to the nearest body text after it, or before it at the very end.
 */

export interface BodyRange {
  start: number;
  end: number;
}

function runOf(node: Node): HTMLElement | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : null;
  return element?.dataset.start !== undefined ? element : null;
}

function runTexts(root: HTMLElement): TreeWalker {
  return document.createTreeWalker(root, NodeFilter.SHOW_TEXT, { acceptNode: (node) => (runOf(node) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) });
}

function offsetIn(text: Node, at: number): number {
  return Number(runOf(text)?.dataset.start ?? 0) + at;
}

/** The body offset of a DOM point, or null when the point is outside the body's text. */
export function bodyOffset(root: HTMLElement, container: Node, offset: number, edge: 'start' | 'end'): number | null {
  if (!root.contains(container)) return null;
  if (runOf(container)) return offsetIn(container, offset);
  // A point between nodes: the first run text at or after it, else the last one before it.
  const walker = runTexts(root);
  const probe = document.createRange();
  probe.setStart(container, offset);
  let last: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const nodeRange = document.createRange();
    nodeRange.selectNodeContents(node);
    if (nodeRange.compareBoundaryPoints(Range.START_TO_START, probe) >= 0) {
      // An end point before this text belongs to the text before it (not to the next paragraph).
      if (edge === 'end' && last) return offsetIn(last, last.textContent?.length ?? 0);
      return offsetIn(node, 0);
    }
    last = node;
  }
  return last ? offsetIn(last, last.textContent?.length ?? 0) : null;
}

/**
 * The current selection as a body range, cut to the body: a drag that overshoots into the pane or
 * the header still selects the body's part. Null when nothing of the body is selected.
 */
export function selectedBodyRange(root: HTMLElement): { range: BodyRange; rect: DOMRect } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const dom = selection.getRangeAt(0);
  if (!dom.intersectsNode(root)) return null;
  const whole = document.createRange();
  whole.selectNodeContents(root);
  const cut = dom.cloneRange();
  if (cut.compareBoundaryPoints(Range.START_TO_START, whole) < 0) cut.setStart(whole.startContainer, whole.startOffset);
  if (cut.compareBoundaryPoints(Range.END_TO_END, whole) > 0) cut.setEnd(whole.endContainer, whole.endOffset);
  const start = bodyOffset(root, cut.startContainer, cut.startOffset, 'start');
  const end = bodyOffset(root, cut.endContainer, cut.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return { range: { start, end }, rect: cut.getBoundingClientRect() };
}
