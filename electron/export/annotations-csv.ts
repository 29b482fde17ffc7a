import type { ExportedPassage } from './passages.ts';

/**
 * Annotations as CSV, one row per passage, for a spreadsheet: UTF-8 with a byte-order mark (so that
 * Excel reads Hà Nội and « » as such), fields quoted as RFC 4180 says, lines ending in CRLF.
 * Hand-written because the format is these few rules; a library would add nothing but a dependency.
 */

const HEADER = ['source', 'source_id', 'published', 'publisher', 'url', 'quote', 'comment', 'codes', 'colour', 'state', 'start', 'end', 'annotation_id', 'created', 'updated'];

export function annotationsCsv(passages: ExportedPassage[]): string {
  const rows = passages.map(({ source, annotation, anchor, codes }) => [
    source.title,
    source.id,
    source.published ?? '',
    source.publisher ?? '',
    source.url ?? '',
    annotation.quote.exact,
    annotation.comment,
    codes.join('; '),
    annotation.color ?? '',
    annotation.detached ? 'detached' : anchor.state,
    anchor.state === 'orphan' ? '' : String(anchor.start),
    anchor.state === 'orphan' ? '' : String(anchor.end),
    annotation.id,
    annotation.created,
    annotation.updated,
  ]);
  return `\uFEFF${[HEADER, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. A leading =, +, - or @ is kept from being run as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
