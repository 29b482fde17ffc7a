/**
 * A quote as the reader shows it. A passage running across paragraphs holds the body's few marks
 * (`## ` before a heading, the `_` around a caption, `<!-- page N -->`): they are part of the text
 * the selectors anchor in, never of what a person reads or cites.
 */
export function readableQuote(exact: string): string {
  const pieces = exact.split(/\n[ \t]*\n\s*/);
  const last = pieces.length - 1;
  return pieces
    .map((piece, index) => {
      let text = piece;
      if (index > 0) text = text.replace(/^#{1,6} /, '').replace(/^_(?=\S)/, '');
      if (index < last) text = text.replace(/(?<=\S)_$/, '');
      return text;
    })
    .filter((piece) => !/^<!-- page \d+ -->$/.test(piece.trim()))
    .join('\n\n');
}

/** A quote on one line, cut at `max` characters with an ellipsis: for labels, banners and card previews. */
export function shortQuote(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
