import { CodeTree } from '../annotations/code-tree.ts';
import { CarnetError } from '../core/carnet-error.ts';
import type { Vault } from '../vault/vault.ts';
import type { SourceSummary } from '../vault/vault-records.ts';
import type { SearchQuery, SearchResults } from '../search/search-types.ts';
import { exportedPassages, type ExportedPassage } from './passages.ts';
import type { CitationStyle } from './citation-styles.ts';

/**
 * What an export covers. Every part narrows: `sourceIds` limits whatever is about sources; `codeIds`
 * keeps the passages coded with one of these codes or any of their sub-codes (and, for references,
 * the sources having such passages); `annotationIds` (a search result's passages) keeps those
 * passages (and their sources); `found`, what a search found: its passages, and as references
 * their sources and the sources it found (a source found does not bring in all its passages: the
 * export holds what the results listed). An id the vault lacks is refused, never ignored: an export that silently
 * covered more, or less, than asked would mislead (except in `found`: the index may lag a deletion).
 */
export interface ExportScope {
  sourceIds?: string[];
  codeIds?: string[];
  annotationIds?: string[];
  /** What a search found (see `foundBy`). */
  found?: Found;
  /** For the note formats: which notes, in this order; all notes when absent. */
  noteIds?: string[];
  /** The references' style; the vault's when absent (APA when the vault names none). */
  style?: CitationStyle;
  language?: 'en' | 'fr';
}

export interface Found {
  sourceIds: string[];
  annotationIds: string[];
  /** The words searched, for the file's name. */
  text?: string;
}

/** The query an export runs to find its passages and sources: no notes, and no cut to a page of hits. */
export function exportSearch(query: SearchQuery): SearchQuery {
  const kinds = (query.kinds ?? ['source', 'annotation']).filter((kind) => kind !== 'note');
  if (kinds.length === 0) throw new CarnetError('invalid-input', { en: 'Nothing was exported: this search lists notes only. Export notes from the Notes choice.', fr: 'Rien n’a été exporté : cette recherche ne liste que des notes. Exportez les notes avec le choix « Notes ».' });
  // The search as the pane ran it (a word still being typed matches as a prefix there too), without its page size.
  return { ...query, kinds, limit: MAX_FOUND + 1 };
}

const MAX_FOUND = 20_000;

/** The sources and passages a search found; a query the search cannot read is refused with its reason. */
export function foundBy(results: SearchResults): Found {
  if (results.error) throw new CarnetError('invalid-input', { en: `Nothing was exported: ${results.error}`, fr: `Rien n’a été exporté : ${results.error}` });
  // An export cut short would look complete: refused instead.
  if (results.total > MAX_FOUND) throw new CarnetError('too-heavy', { en: `Nothing was exported: the search found ${results.total} results, more than ${MAX_FOUND}. Narrow it with a filter, or export a code or the whole vault.`, fr: `Rien n’a été exporté : la recherche a trouvé ${results.total} résultats, plus de ${MAX_FOUND}. Affinez-la avec un filtre, ou exportez un code ou tout le coffre.` });
  return { sourceIds: results.hits.filter((hit) => hit.kind === 'source').map((hit) => hit.id), annotationIds: results.hits.filter((hit) => hit.kind === 'annotation').map((hit) => hit.id) };
}

export interface ResolvedScope {
  /** The source ids asked for, or null for all. */
  sourceIds: Set<string> | null;
  /** The codes asked for and all their sub-codes, or null for all. */
  codeIds: Set<string> | null;
  /** The passages in the scope. */
  passages: () => ExportedPassage[];
  /** The sources in the scope, as references. */
  sources: () => SourceSummary[];
  /** The notes in the scope, in order. */
  noteIds: () => string[];
  /** The words of the search the scope came from, if it did. */
  searched?: string | undefined;
}

export function resolveScope(vault: Vault, scope: ExportScope): ResolvedScope {
  const sourceIds = scope.sourceIds ? new Set(scope.sourceIds) : null;
  // The vault's own message ("No source with id …") for a source it lacks.
  for (const id of sourceIds ?? []) vault.getSource(id);
  for (const id of scope.noteIds ?? []) vault.getNote(id);
  const codeIds = scope.codeIds ? codesWithChildren(vault, scope.codeIds) : null;
  const annotationIds = scope.annotationIds ? knownAnnotations(vault, scope.annotationIds) : null;
  const found = scope.found ? { sources: new Set(scope.found.sourceIds), annotations: new Set(scope.found.annotationIds) } : null;
  const passages = () =>
    exportedPassages(vault, sourceIds ? [...sourceIds] : undefined).filter(
      ({ annotation }) =>
        (!codeIds || annotation.codes.some((code) => codeIds.has(code))) &&
        (!annotationIds || annotationIds.has(annotation.id)) &&
        (!found || found.annotations.has(annotation.id)),
    );
  const sources = () => {
    const listed = vault.listSources().filter((source) => !sourceIds || sourceIds.has(source.id));
    if (!codeIds && !annotationIds && !found) return listed;
    const having = new Set(passages().map((passage) => passage.source.id));
    // A source the search found counts even without passages, unless codes or passages narrow the export.
    return listed.filter((source) => having.has(source.id) || (!codeIds && !annotationIds && found?.sources.has(source.id)));
  };
  const noteIds = () => (scope.noteIds?.length ? [...scope.noteIds] : vault.listNotes().map((note) => note.id));
  return { sourceIds, codeIds, passages, sources, noteIds, searched: scope.found?.text };
}

/** The codes and every sub-code of theirs, at any depth; a code the codebook lacks is refused. */
function codesWithChildren(vault: Vault, ids: string[]): Set<string> {
  const codes = vault.codebook().codes;
  const tree = new CodeTree(codes);
  const all = new Set<string>();
  for (const id of ids) {
    if (!codes.some((code) => code.id === id)) {
      throw new CarnetError('not-found', { en: `No code with id "${id}" in this vault's codebook: nothing was exported.`, fr: `Aucun code d’identifiant « ${id} » dans le livre de codes de ce coffre : rien n’a été exporté.` });
    }
    for (const code of tree.descendantsOrSelf(id)) all.add(code);
  }
  return all;
}

function knownAnnotations(vault: Vault, ids: string[]): Set<string> {
  const known = new Set(vault.listSources().flatMap((source) => vault.listAnnotations(source.id).annotations.map((annotation) => annotation.id)));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) {
    const list = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ', …' : '');
    throw new CarnetError('not-found', {
      en: `No annotation with id ${list} in this vault (deleted since the search?): nothing was exported.`,
      fr: `Aucune annotation d’identifiant ${list} dans ce coffre (supprimée depuis la recherche ?) : rien n’a été exporté.`,
    });
  }
  return new Set(ids);
}
