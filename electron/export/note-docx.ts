import type { Vault } from '../vault/vault.ts';
import type { CitationStyle } from './citation-styles.ts';
import { markdownDocx } from './markdown-docx.ts';
import { resolveNotes } from './note-export.ts';

/**
 * Notes as one Word document (.docx), for a co-author or a journal that wants Word: the same text as
 * the Markdown export (each note under its title, each citation its words and an in-text reference
 * in the vault's style), then the references it cites from citeproc's HTML, titles in italics as
 * the style sets them.
 */

export async function notesDocx(vault: Vault, noteIds: string[], language: 'en' | 'fr' = 'en', style: CitationStyle = 'apa'): Promise<Buffer> {
  const { body, references } = resolveNotes(vault, noteIds, language, style);
  const title = noteIds.length === 1 ? vault.getNote(noteIds[0]!).title : vault.manifest.name;
  return markdownDocx(body, { title, language: language === 'fr' ? 'fr-FR' : 'en-US', references });
}
