/**
 * What "Quote in note" inserts, from a template the vault keeps (as Zotero's note templates:
 * `{{highlight}} {{citation}} {{comment}}`). Placeholders: {{passage}} (the annotated words),
 * {{citation}} (the link `[« … »](carnet://source/<id>#<annotation-id>)` with the source's title,
 * publisher and date), {{comment}}, {{codes}}, {{title}}, {{date}}, {{page}}, {{url}}.
 * A line whose placeholders are all empty goes (no empty "Comment:" line); a value of several lines
 * keeps the line's prefix on each of them, so a passage of two paragraphs stays one blockquote.
 */

export const DEFAULT_QUOTE_TEMPLATE = '> {{passage}}\n>\n> — {{citation}}\n\n{{comment}}';
export const QUOTE_FIELDS = ['passage', 'citation', 'comment', 'codes', 'title', 'date', 'page', 'url'] as const;
export type QuoteFields = Record<(typeof QUOTE_FIELDS)[number], string>;

const PLACEHOLDER = /\{\{\s*([a-z]+)\s*\}\}/g;

export function renderQuote(template: string, fields: QuoteFields): string {
  const known = (name: string): name is keyof QuoteFields => (QUOTE_FIELDS as readonly string[]).includes(name);
  const lines: string[] = [];
  for (const line of template.replace(/\r\n?/g, '\n').split('\n')) {
    const names = [...line.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').filter(known);
    if (names.length > 0 && names.every((name) => fields[name].trim() === '')) continue;
    // A blockquote's or a list item's marker goes on every line of a value that has several.
    const prefix = /^(?:\s*>\s?)+|^\s*(?:[-*+]|\d+[.)])\s+/.exec(line)?.[0] ?? '';
    const continuation = prefix.replace(/[-*+]|\d+[.)]/, (marker) => ' '.repeat(marker.length));
    const spread = (value: string) => value.split('\n').map((part, i) => (i === 0 ? part : part === '' ? continuation.trimEnd() : continuation + part)).join('\n');
    lines.push(line.replace(PLACEHOLDER, (whole, name: string) => (known(name) ? spread(fields[name]) : whole)));
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '');
}

/** Characters that would make a source's words Markdown formatting once in a note. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|])/g, '\\$1')
    .split('\n')
    .map((line) => line.replace(/^(\s*)([#>+-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2'))
    .join('\n');
}

/**
 * A passage as a reader sees it: the body's marks (`## ` before a heading, `_` around a caption,
 * `<!-- page N -->`) are part of the text annotations anchor in, not of what is cited.
 */
export function readablePassage(exact: string): string {
  const pieces = exact.split(/\n[ \t]*\n\s*/);
  const last = pieces.length - 1;
  return pieces
    .map((piece, index) => {
      let text = piece.replace(/\s*\n\s*/g, ' ');
      if (index > 0) text = text.replace(/^#{1,6} /, '').replace(/^_(?=\S)/, '');
      if (index < last) text = text.replace(/(?<=\S)_$/, '');
      return text.trim();
    })
    .filter((piece) => piece !== '' && !/^<!-- page \d+ -->$/.test(piece))
    .join('\n\n');
}

/** A quote on one line, cut between words near `max` characters with an ellipsis (which the citation check reads as an elision). */
export function shortPassage(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max - 1);
  return `${flat.slice(0, cut > max / 2 ? cut : max - 1).trimEnd()}…`;
}
