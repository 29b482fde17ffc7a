import { createHash } from 'node:crypto';
import { detectLanguage } from '../importers/metadata/language.ts';
import type { Vault } from '../vault/vault.ts';

/** What is searchable: sources, notes and annotations, as flat documents with the fields filters need. */

import type { SearchKind } from './search-types.ts';

export type { SearchKind };

export interface SearchDoc {
  ref: string;
  kind: SearchKind;
  /** The source's or note's id; for an annotation, the annotation's id. */
  id: string;
  /** For annotations: the source they belong to. */
  sourceId?: string;
  title: string;
  body: string;
  comment: string;
  /** Note tags, or the names of an annotation's codes. */
  tags: string[];
  /** Code ids: an annotation's, or all those used on a source. */
  codes: string[];
  publisher?: string;
  authors: string[];
  language?: string;
  /** `YYYY-MM-DD`: a source's publication date, a note's last edit, an annotation's source date. */
  date?: string;
  /**
   * For notes: the titles of the sources they cite, so that a source's title finds the notes citing
   * it. Part of the fingerprint, so a renamed source rebuilds the shards of the notes citing it.
   */
  cites?: string[];
  /** For notes: the ids of the sources they cite (present or not), to know which notes a source's title reaches. */
  citedSources?: string[];
  fingerprint: string;
}

export function sourceRef(id: string): string {
  return `source:${id}`;
}

export function noteRef(id: string): string {
  return `note:${id}`;
}

export function annotationRef(sourceId: string, annotationId: string): string {
  return `annotation:${sourceId}:${annotationId}`;
}

/**
 * A note's Markdown as the words a reader sees: link targets (carnet://…, https://…) are addresses,
 * and emphasis, heading and quote marks are not words. Snippets then read as text.
 */
export function markdownWords(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*\)/g, '$1')
    .replace(/^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d+[.)][ \t]+)/gm, '')
    .replace(/(\*\*|__|~~|==|`)/g, '')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/gm, '$1$2');
}

type Unfingerprinted = Omit<SearchDoc, 'fingerprint'>;

function finish(doc: Unfingerprinted): SearchDoc {
  return { ...doc, fingerprint: createHash('sha256').update(JSON.stringify(doc)).digest('hex').slice(0, 16) };
}

/** Every searchable document of the vault, from what it holds in memory. */
export function documentsOfVault(vault: Vault): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const titles = new Map<string, string>();
  for (const summary of vault.listSources()) {
    titles.set(summary.id, summary.title);
    docs.push(...documentsOfSource(vault, summary.id));
  }
  for (const summary of vault.listNotes()) docs.push(documentOfNote(vault, summary.id, (id) => titles.get(id)));
  return docs;
}

/** A source's title, or undefined when the vault does not hold it (deleted, not yet synced). */
export function titleInVault(vault: Vault, sourceId: string): string | undefined {
  try {
    return vault.getSource(sourceId).title;
  } catch {
    return undefined;
  }
}

/** A source and its annotations (whose code names and source title are part of them). */
export function documentsOfSource(vault: Vault, id: string): SearchDoc[] {
  const source = vault.getSource(id);
  const codeNames = new Map(vault.codebook().codes.map((c) => [c.id, c.name]));
  const { annotations } = vault.listAnnotations(id);
  const sourceCodes = [...new Set(annotations.flatMap((a) => a.codes))];
  const docs = [
    finish({
      ref: sourceRef(id),
      kind: 'source',
      id,
      title: source.title,
      body: source.body,
      comment: '',
      tags: [],
      codes: sourceCodes,
      publisher: source.publisher,
      authors: source.authors,
      language: source.language,
      date: source.published,
    }),
  ];
  for (const annotation of annotations) {
    docs.push(
      finish({
        ref: annotationRef(id, annotation.id),
        kind: 'annotation',
        id: annotation.id,
        sourceId: id,
        title: source.title,
        body: annotation.quote.exact,
        comment: annotation.comment,
        tags: annotation.codes.map((c) => codeNames.get(c) ?? c),
        codes: annotation.codes,
        publisher: source.publisher,
        authors: source.authors,
        language: source.language,
        date: source.published,
      }),
    );
  }
  return docs;
}

/** A note, with the titles of the sources it cites (`titleOf` answers undefined for a source not in the vault). */
export function documentOfNote(vault: Vault, id: string, titleOf: (sourceId: string) => string | undefined = (sourceId) => titleInVault(vault, sourceId)): SearchDoc {
  const note = vault.getNote(id);
  // The vault keeps each note's parse for its revision: the citation check and the index share it.
  const citedSources = vault.sourcesCitedBy(id);
  const cites = citedSources.map(titleOf).filter((title): title is string => title !== undefined);
  return finish({
    ref: noteRef(id),
    kind: 'note',
    id,
    title: note.title,
    body: markdownWords(note.body),
    comment: '',
    tags: note.tags,
    codes: [],
    authors: [],
    language: detectLanguage(`${note.title}\n${note.body}`),
    date: note.updated.slice(0, 10),
    cites,
    citedSources,
  });
}
