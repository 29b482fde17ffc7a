/**
 * The source body as the reader lays it out: paragraphs, and in each the runs of text covered by
 * the same annotations. Where each annotation sits comes from the anchoring engine on the Node
 * side (electron/annotations/anchoring.ts), which says honestly when a passage moved.
 */

/** An annotation placed in the body: [start, end) in the body's characters. */
export interface Placed {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  start: number;
  /** The annotations covering this stretch, outermost first. */
  annotationIds: string[];
}

export type ParagraphKind = 'text' | 'heading' | 'caption' | 'item' | 'page';

export interface Paragraph {
  start: number;
  kind: ParagraphKind;
  /** For page markers: the page number. */
  page?: number;
  segments: Segment[];
}

/**
 * The source body's little structure: `## ` headings, `_…_` captions, `• ` list items and
 * `<!-- page N -->` markers. The marks themselves are not shown; the text keeps its offsets.
 */
function classify(text: string): { kind: ParagraphKind; from: number; to: number; page?: number } {
  const page = /^<!-- page (\d+) -->$/.exec(text);
  if (page) return { kind: 'page', from: 0, to: 0, page: Number(page[1]) };
  const heading = /^#{1,6} /.exec(text);
  if (heading) return { kind: 'heading', from: heading[0].length, to: text.length };
  if (text.length > 2 && text.startsWith('_') && text.endsWith('_') && !text.endsWith('\\_')) return { kind: 'caption', from: 1, to: text.length - 1 };
  if (text.startsWith('• ')) return { kind: 'item', from: 0, to: text.length };
  return { kind: 'text', from: 0, to: text.length };
}

/**
 * Splits the body into paragraphs (blank-line separated) and each paragraph into runs of text
 * covered by the same annotations, keeping every character's offset into the body.
 */
export function segmentBody(body: string, anchored: Placed[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const separator = /\n[ \t]*\n\s*/g;
  let from = 0;
  const pushParagraph = (paragraphStart: number, paragraphEnd: number) => {
    const raw = body.slice(paragraphStart, paragraphEnd);
    if (raw.trim() === '') return;
    const shape = classify(raw.trimEnd());
    if (shape.kind === 'page') {
      paragraphs.push({ start: paragraphStart, kind: 'page', page: shape.page, segments: [] });
      return;
    }
    const start = paragraphStart + shape.from;
    const end = shape.kind === 'text' || shape.kind === 'item' ? paragraphEnd : paragraphStart + shape.to;
    const cuts = new Set<number>([start, end]);
    const covering = anchored.filter((a) => a.end > start && a.start < end);
    for (const a of covering) {
      cuts.add(Math.max(a.start, start));
      cuts.add(Math.min(a.end, end));
    }
    const points = [...cuts].sort((x, y) => x - y);
    const segments: Segment[] = [];
    for (let i = 0; i < points.length - 1; i++) {
      const s = points[i] as number;
      const e = points[i + 1] as number;
      if (e <= s) continue;
      const ids = covering.filter((a) => a.start <= s && a.end >= e).map((a) => a.id);
      segments.push({ text: body.slice(s, e), start: s, annotationIds: ids });
    }
    paragraphs.push({ start: paragraphStart, kind: shape.kind, segments });
  };
  for (let match = separator.exec(body); match; match = separator.exec(body)) {
    pushParagraph(from, match.index);
    from = match.index + match[0].length;
  }
  pushParagraph(from, body.length);
  return paragraphs;
}
