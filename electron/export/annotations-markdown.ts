import { escapeMarkdown, readablePassage } from '../citations/quote-template.ts';
import type { ExportedPassage } from './passages.ts';

/**
 * A source's annotations as one Markdown file, as Zotero users take theirs to Obsidian: the source's
 * title and reference, then each passage as a quote with a link back to it, its codes and comment.
 * The links are Carnet's `carnet://` citations, so the file pasted into a note cites as a quote does.
 */

export function annotationsMarkdown(passages: ExportedPassage[], referenceOf: (source: ExportedPassage['source']) => string = plainReference): string {
  const bySource = new Map<string, ExportedPassage[]>();
  for (const passage of passages) bySource.set(passage.source.id, [...(bySource.get(passage.source.id) ?? []), passage]);
  const parts: string[] = [];
  for (const list of bySource.values()) {
    const { source } = list[0]!;
    const reference = escapeMarkdown(referenceOf(source));
    parts.push(`# ${escapeMarkdown(source.title)}`, '');
    if (reference) parts.push(reference, '');
    if (source.url) parts.push(`<${source.url}>`, '');
    for (const { annotation, anchor, codes } of list) {
      const words = readablePassage(annotation.quote.exact);
      parts.push(...escapeMarkdown(words).split('\n').map((line) => (line ? `> ${line}` : '>')));
      const state = annotation.detached ? ' (detached from the text)' : anchor.state === 'orphan' ? ' (no longer in the text)' : anchor.state === 'needs-review' ? ' (to review)' : '';
      parts.push('>', `> — [passage](carnet://source/${source.id}#${annotation.id})${state}`, '');
      if (codes.length) parts.push(codes.map((code) => `#${code.replace(/\s+›\s+/g, '/').replace(/\s+/g, '-')}`).join(' '), '');
      if (annotation.comment.trim()) parts.push(annotation.comment.trim(), '');
    }
  }
  return `${parts.join('\n').replace(/\n+$/, '')}\n`;
}

/** Authors, publisher and date, when no citation style is at hand. */
function plainReference(source: ExportedPassage['source']): string {
  return [source.authors.join('; '), source.publisher, source.published].filter(Boolean).join(', ');
}
