import { marked } from 'marked';
import { findCitations } from '../citations/find-citations.ts';
import { noteOutsideCarnet } from './note-outside.ts';
import { cslItem, formatReference, type CitationStyle } from './source-citations.ts';
import type { Vault } from '../vault/vault.ts';

/**
 * Notes for use outside Carnet, where a `carnet://` link leads nowhere: each citation becomes its
 * quoted words followed by an in-text reference in the vault's style ("(Nguyễn et al., 2025)" in
 * APA, "(Nguyễn 2025)" in Chicago or ISO 690), and the note ends with the references it cites,
 * titles in italics as the style sets them; as Markdown, or as one HTML file that shows the same
 * offline (styles inside it, no script: whatever HTML the note holds is cleaned).
 */

export async function notesMarkdown(vault: Vault, noteIds: string[], language: 'en' | 'fr' = 'en', style: CitationStyle = 'apa'): Promise<string> {
  const { body, references } = resolveNotes(vault, noteIds, language, style);
  const parts = [body];
  if (references) parts.push(`## ${references.heading}`, '', ...references.text.trim().split('\n').flatMap((line) => [line, '']));
  return `${parts.join('\n\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

export async function notesHtml(vault: Vault, noteIds: string[], language: 'en' | 'fr' = 'en', style: CitationStyle = 'apa'): Promise<string> {
  const { body: markdown, references } = resolveNotes(vault, noteIds, language, style);
  // The references as citeproc writes them in HTML, so that titles keep the style's italics.
  const list = references ? `\n<h2>${escapeHtml(references.heading)}</h2>\n${references.html}` : '';
  const body = await cleanHtml((await marked.parse(markdown, { gfm: true })) + list);
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
.csl-entry { margin: 0.5rem 0; padding-left: 2em; text-indent: -2em; }
@media print { body { margin: 0; max-width: none; } }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export interface ResolvedNotes {
  /** The notes as Markdown, each under its title, citations resolved. */
  body: string;
  /** The cited sources' entries in the style, as text and as HTML, under their heading; null if none is cited. */
  references: { heading: string; text: string; html: string } | null;
}

/** The notes as Markdown with their citations resolved, and the references they cite: what every note format is made from. */
export function resolveNotes(vault: Vault, noteIds: string[], language: 'en' | 'fr', style: CitationStyle): ResolvedNotes {
  const parts: string[] = [];
  const cited = new Set<string>();
  for (const id of noteIds) {
    const note = vault.getNote(id);
    parts.push(`# ${note.title}`, '', resolveCitations(vault, noteOutsideCarnet(note.body), cited, style, language).trim(), '');
  }
  const body = parts.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  const sources = vault.listSources().filter((source) => cited.has(source.id));
  if (sources.length === 0) return { body, references: null };
  return { body, references: { heading: referencesHeading(style, language), ...formatReference(sources.map(cslItem), 'bibliography', style, language) } };
}

/** ISO 690's list is a « Bibliographie »; APA's and Chicago's are references. */
function referencesHeading(style: CitationStyle, language: 'en' | 'fr'): string {
  if (language === 'fr') return style === 'iso690-fr' ? 'Bibliographie' : 'Références';
  return 'References';
}

/** Each carnet://source link, replaced by its words and an in-text reference; `cited` gathers the sources. */
function resolveCitations(vault: Vault, body: string, cited: Set<string>, style: CitationStyle, language: 'en' | 'fr'): string {
  let out = '';
  let at = 0;
  for (const citation of findCitations(body)) {
    const source = vault.listSources().find((s) => s.id === citation.sourceId);
    const link = body.slice(citation.start, citation.end);
    const shown = /^\[([\s\S]*)\]\([^)]*\)$/.exec(link)?.[1] ?? link;
    let reference = '';
    if (source) {
      cited.add(source.id);
      // A title in the reference (a source without author) is text, never Markdown: "[x](y)" in it stays words.
      reference = ` ${escapeMarkdown(formatReference([cslItem(source)], 'citation', style, language).text)}`;
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

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (char) => `\\${char}`);
}
