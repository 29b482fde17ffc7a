import { Cite } from '@citation-js/core';
import { marked } from 'marked';
import { findCitations } from '../citations/find-citations.ts';
import { cslItem, formatCitations } from './source-citations.ts';
import type { Vault } from '../vault/vault.ts';

/**
 * Notes for use outside Carnet, where a `carnet://` link leads nowhere: each citation becomes its
 * quoted words followed by an in-text reference in APA's form, "(Nguyễn et al., 2025)", and the
 * note ends with the references it cites; as Markdown, or as one HTML file that shows the same
 * offline (styles inside it, no script: whatever HTML the note holds is cleaned).
 */

export async function notesMarkdown(vault: Vault, noteIds: string[], language: 'en' | 'fr' = 'en'): Promise<string> {
  const parts: string[] = [];
  const cited = new Set<string>();
  for (const id of noteIds) {
    const note = vault.getNote(id);
    parts.push(`# ${note.title}`, '', resolveCitations(vault, note.body, cited).trim(), '');
  }
  const sources = vault.listSources().filter((source) => cited.has(source.id));
  if (sources.length > 0) {
    parts.push(language === 'fr' ? '## Références' : '## References', '', ...formatCitations(sources.map(cslItem), 'bibliography', language).trim().split('\n').flatMap((line) => [line, '']));
  }
  return `${parts.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

export async function notesHtml(vault: Vault, noteIds: string[], language: 'en' | 'fr' = 'en'): Promise<string> {
  const markdown = await notesMarkdown(vault, noteIds, language);
  const body = await cleanHtml(await marked.parse(markdown, { gfm: true }));
  const title = noteIds.length === 1 ? vault.getNote(noteIds[0]!).title : vault.manifest.name;
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
body { max-width: 42rem; margin: 2rem auto; padding: 0 1rem; font: 17px/1.6 Charter, 'Noto Serif', Georgia, serif; color: #23211d; }
h1, h2, h3 { line-height: 1.25; }
blockquote { margin: 1rem 0; padding: 0 1rem; border-left: 3px solid #d6cfc2; color: #3f3a33; }
table { border-collapse: collapse; } th, td { border: 1px solid #d6cfc2; padding: 0.3rem 0.6rem; }
code { font-family: ui-monospace, monospace; font-size: 0.9em; }
@media print { body { margin: 0; max-width: none; } }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** Each carnet://source link, replaced by its words and an in-text reference; `cited` gathers the sources. */
function resolveCitations(vault: Vault, body: string, cited: Set<string>): string {
  let out = '';
  let at = 0;
  for (const citation of findCitations(body)) {
    const source = vault.listSources().find((s) => s.id === citation.sourceId);
    const link = body.slice(citation.start, citation.end);
    const shown = /^\[([\s\S]*)\]\([^)]*\)$/.exec(link)?.[1] ?? link;
    let reference = '';
    if (source) {
      cited.add(source.id);
      reference = ` ${new Cite([cslItem(source)]).format('citation', { format: 'text', template: 'apa' })}`;
    }
    out += body.slice(at, citation.start) + shown + reference;
    at = citation.end;
  }
  return out + body.slice(at);
}

async function cleanHtml(html: string): Promise<string> {
  const [{ JSDOM }, createDOMPurify] = await Promise.all([import('jsdom'), import('dompurify').then((m) => m.default)]);
  const purify = createDOMPurify(new JSDOM('').window as unknown as Parameters<typeof createDOMPurify>[0]);
  // A web image would be fetched when the file is opened: it stays a link to its address instead.
  return purify.sanitize(html, { FORBID_TAGS: ['img', 'style', 'form', 'iframe'], FORBID_ATTR: ['style'] });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);
}
