import { CarnetError } from '../core/carnet-error.ts';
import { aliasesOf } from './link-targets.ts';
import { wikiName } from './link-rewrite.ts';
import { fileLine } from './note-analysis.ts';
import { findMentions } from './note-mentions.ts';
import type { NoteRecord } from './vault-index.ts';

/**
 * The body of `record` with the first unlinked mention of `target` on `line` (of the file) made a
 * link: `[[Target title]]`, or `[[Target title|words as written]]` when the words differ from the
 * title (in case, accents, or because they are an alias), so the sentence reads as before.
 */
export function linkedMentionBody(record: NoteRecord, target: NoteRecord, line: number, baseRevision: string): string {
  if (record.meta.id === target.meta.id) {
    throw new CarnetError('invalid-input', { en: 'A note is not linked to itself.', fr: 'Une note n’est pas liée à elle-même.' });
  }
  // The index holds the version the caller read only if the revisions agree; the save checks the file itself again.
  if (record.revision !== baseRevision) {
    throw new CarnetError('conflict', {
      en: `Did not link the mention: the note "${record.meta.title}" changed since you opened it. Its new version is loaded; try again there.`,
      fr: `Carnet n’a pas créé le lien : la note « ${record.meta.title} » a changé depuis que vous l’avez ouverte. Sa nouvelle version est chargée ; réessayez-y.`,
    });
  }
  const names = [target.meta.title, ...(aliasesOf(target.frontMatter) ?? [])];
  const mention = findMentions(record, names).find((m) => fileLine(record, m.start) === line);
  if (!mention) {
    throw new CarnetError('not-found', {
      en: `Line ${line} of "${record.meta.title}" no longer mentions "${target.meta.title}" outside a link: nothing was changed.`,
      fr: `La ligne ${line} de « ${record.meta.title} » ne mentionne plus « ${target.meta.title} » hors d’un lien : rien n’a été modifié.`,
    });
  }
  const written = record.body.slice(mention.start, mention.end);
  const name = wikiName(target.meta.title, target.slug);
  // Shown text holding `]]` would end the link early: such words give way to the link's own.
  const link = written === name || written.includes(']]') ? `[[${name}]]` : `[[${name}|${written}]]`;
  return record.body.slice(0, mention.start) + link + record.body.slice(mention.end);
}
