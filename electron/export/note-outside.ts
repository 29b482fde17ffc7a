import { scanBody } from '../vault/note-links.ts';

/**
 * A note's Markdown made readable outside Carnet and Obsidian, before its citations are resolved:
 * a link to another note (`[[Title]]`, `[[Title#Heading|shown]]`, `![[Title]]`, `[text](other.md)`)
 * becomes the words it shows, since the other note is not in the exported file; a callout
 * (`> [!tip] Title`) becomes a quote headed by its title in bold, its text starting a paragraph
 * of its own instead of running on from the title.
 */
export function noteOutsideCarnet(body: string): string {
  const { links, code } = scanBody(body);
  let out = '';
  let at = 0;
  for (const link of links) {
    // A link inside another ("[see [[A]]](other.md)") went with the outer one.
    if (link.start < at) continue;
    out += callouts(body.slice(at, link.start), at, code) + shownText(body.slice(link.start, link.end), link.kind);
    at = link.end;
  }
  return out + callouts(body.slice(at), at, code);
}

/** The callouts of a stretch of the body that begins at `offset`, code left as written. */
function callouts(text: string, offset: number, code: [number, number][]): string {
  return text.replace(/^([ \t]*>[ \t]*)\[!([A-Za-z-]+)\][+-]?[ \t]*(.*)$/gm, (line, quote: string, kind: string, title: string, index: number) => {
    const start = offset + index;
    if (code.some(([from, to]) => from < start + line.length && start < to)) return line;
    const heading = title.trim() || kind.charAt(0).toUpperCase() + kind.slice(1).toLowerCase();
    return `${quote}**${heading}**\n${quote.trimEnd()}`;
  });
}

function shownText(link: string, kind: 'wiki' | 'embed' | 'markdown'): string {
  if (kind === 'markdown') return /^\[([\s\S]*)\]\(/.exec(link)?.[1] ?? link;
  const inner = link.replace(/^!?\[\[|\]\]$/g, '');
  const bar = inner.search(/\\?\|/);
  if (bar >= 0) return inner.slice(bar).replace(/^\\?\|/, '').trim();
  const [title, heading] = inner.split('#');
  return heading?.trim() ? `${title!.trim()} › ${heading.trim()}` : title!.trim();
}
