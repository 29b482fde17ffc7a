import { findCitations } from '../citations/find-citations.ts';
import type { Vault } from '../vault/vault.ts';
import type { CitationStyle } from './citation-styles.ts';
import { markdownDocx } from './markdown-docx.ts';
import { notesMarkdown } from './note-export.ts';
import { cslItem, formatReference } from './source-citations.ts';

/**
 * Notes as one Word document (.docx), for a co-author or a journal that wants Word: the same text as
 * the Markdown export (each note under its title, each citation its words and an in-text reference
 * in the vault's style), then the references it cites, titles in italics as the style sets them.
 */

export async function notesDocx(vault: Vault, noteIds: string[], language: 'en' | 'fr' = 'en', style: CitationStyle = 'apa'): Promise<Buffer> {
  let markdown = await notesMarkdown(vault, noteIds, language, style);
  // The sources the notes cite, as note-export gathers them: its Markdown ends with their entries as
  // plain text, which are written here from citeproc's HTML instead, to keep the style's italics.
  const cited = new Set(noteIds.flatMap((id) => findCitations(vault.getNote(id).body).map((citation) => citation.sourceId)));
  const sources = vault.listSources().filter((source) => cited.has(source.id));
  let references: { heading: string; html: string; text: string } | null = null;
  const last = markdown.lastIndexOf('\n## ');
  if (sources.length > 0 && last >= 0) {
    const heading = markdown.slice(last + 4).split('\n')[0]!.trim();
    markdown = markdown.slice(0, last);
    references = { heading, ...formatReference(sources.map(cslItem), 'bibliography', style, language) };
  }
  const title = noteIds.length === 1 ? vault.getNote(noteIds[0]!).title : vault.manifest.name;
  return markdownDocx(markdown, { title, language: language === 'fr' ? 'fr-FR' : 'en-US', references });
}
