import { readableQuote } from './readable-quote.ts';
import type { Annotation, SourceDetail } from '../../electron/api.ts';

/** The link a note cites a passage with; DESIGN.md: `carnet://source/<id>#<annotation-id>`. */
export function citationUrl(sourceId: string, annotationId: string): string {
  return `carnet://source/${sourceId}#${annotationId}`;
}

function escapeMarkdownText(text: string): string {
  return text.replace(/([\\[\]*_`<>])/g, '\\$1');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);
}

/**
 * A passage as a citation, as Markdown (what a note holds) and HTML (what a word processor pastes):
 * the quote in « », linked to its annotation, then the source's title and date.
 */
export function citationOf(source: Pick<SourceDetail, 'id' | 'title' | 'published' | 'publisher'>, annotation: Pick<Annotation, 'id' | 'quote'>, date: string): { markdown: string; html: string } {
  const quote = readableQuote(annotation.quote.exact).replace(/\s+/g, ' ').trim();
  const url = citationUrl(source.id, annotation.id);
  const where = [source.publisher, date].filter(Boolean).join(', ');
  const markdown = `[« ${escapeMarkdownText(quote)} »](${url}) — *${escapeMarkdownText(source.title)}*${where ? `, ${escapeMarkdownText(where)}` : ''}`;
  const html = `<a href="${escapeHtml(url)}">« ${escapeHtml(quote)} »</a> — <i>${escapeHtml(source.title)}</i>${where ? `, ${escapeHtml(where)}` : ''}`;
  return { markdown, html };
}

/**
 * Puts both forms on the clipboard. A copy event filled by hand works in Electron and in a browser
 * without asking for the clipboard permission, which `navigator.clipboard.write` needs for HTML.
 */
export function copyCitation(citation: { markdown: string; html: string }): boolean {
  let done = false;
  const onCopy = (event: ClipboardEvent) => {
    event.preventDefault();
    event.clipboardData?.setData('text/plain', citation.markdown);
    event.clipboardData?.setData('text/html', citation.html);
    done = true;
  };
  document.addEventListener('copy', onCopy, { once: true });
  try {
    document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
  return done;
}
