import { CarnetError } from '../core/carnet-error.ts';
import { describeIssues, sourceMetaSchema, type SourceMeta } from './vault-schemas.ts';

/** What the details pane may correct: everything but identity, provenance and the import's own marks. */
export type SourceMetaChange = Omit<SourceMeta, 'id' | 'imported' | 'sha256' | 'original' | 'extraction'>;

/** A source's front matter, checked with the same schema the reader uses, before anything is written. */
export function validSourceMeta(meta: SourceMeta): SourceMeta {
  const checked = sourceMetaSchema.safeParse(meta);
  if (checked.success) return checked.data;
  const issues = describeIssues(checked.error);
  throw new CarnetError('invalid-input', {
    en: `Nothing was written: the source's details are not valid (${issues}). Correct them and try again.`,
    fr: `Rien n’a été écrit : les informations de la source ne sont pas valides (${issues}). Corrigez-les et réessayez.`,
  });
}

/** The original's path when it names a file in sources/originals/, else null (a hand edit pointing elsewhere). */
export function originalFileOf(meta: Pick<SourceMeta, 'original'>): string | null {
  const original = meta.original;
  if (!original) return null;
  return /^sources\/originals\/[^/\\.][^/\\]*$/.test(original) && !original.includes('\0') ? original : null;
}
