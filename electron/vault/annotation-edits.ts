import { randomUUID } from 'node:crypto';
import { CarnetError } from '../core/carnet-error.ts';
import { anchor, describe } from '../annotations/anchoring.ts';
import { trimPassage } from '../annotations/passage-bounds.ts';
import { selectorsOf } from './annotation-states.ts';
import { notFound, type VaultCore } from './vault-core.ts';
import type { AnnotationList } from './vault-records.ts';
import type { Annotation } from './vault-schemas.ts';
import { annotationDoc, rawAnnotations, type JsonObject } from '../annotations/coded-docs.ts';
import { commit, readAnnotationFiles } from './coded-files.ts';

export interface AnnotationChange {
  color?: string | null;
  /** The whole list; or codes to add and to remove from the list as it is in the file. */
  codes?: string[];
  addCodes?: string[];
  removeCodes?: string[];
  comment?: string;
}

/**
 * One annotation at a time: create, edit, re-anchor. Each edit re-reads the file and applies itself
 * to what is on disk, so two windows editing different passages of one source both keep their work
 * (a whole-file save with a base revision would make the second one fail).
 */
export class AnnotationEdits {
  private readonly core: VaultCore;
  private readonly list: (sourceId: string) => AnnotationList;
  private readonly filePath: (sourceId: string) => string;

  constructor(core: VaultCore, list: (sourceId: string) => AnnotationList, filePath: (sourceId: string) => string) {
    this.core = core;
    this.list = list;
    this.filePath = filePath;
  }

  async create(sourceId: string, sourceRevision: string, start: number, end: number, change: AnnotationChange): Promise<AnnotationList & { id: string }> {
    let id = '';
    const list = await this.edit(sourceId, (annotations, raws, body, revision) => {
      const bounds = selectedPassage(body, revision, sourceRevision, start, end);
      const now = new Date().toISOString();
      id = `a-${randomUUID().slice(0, 13)}`;
      const selectors = describe(body, bounds.start, bounds.end);
      const created: JsonObject = {
        id,
        created: now,
        updated: now,
        quote: { type: 'TextQuoteSelector', ...selectors.quote },
        position: { type: 'TextPositionSelector', ...selectors.position },
        comment: change.comment ?? '',
        codes: unique(change.codes ?? []),
        ...(change.color ? { color: change.color } : {}),
      };
      // Kept in document order, so the file reads like the source.
      const at = annotations.findIndex((a) => a.position.start > selectors.position.start);
      return at === -1 ? [...raws, created] : [...raws.slice(0, at), created, ...raws.slice(at)];
    });
    return { ...list, id };
  }

  update(sourceId: string, id: string, change: AnnotationChange): Promise<AnnotationList> {
    return this.editOne(sourceId, id, (annotation, raw) => {
      const next: JsonObject = { ...raw, updated: new Date().toISOString() };
      if (change.comment !== undefined) next.comment = change.comment;
      if (change.codes !== undefined || change.addCodes !== undefined || change.removeCodes !== undefined) {
        const removed = new Set(change.removeCodes ?? []);
        next.codes = unique([...(change.codes ?? annotation.codes), ...(change.addCodes ?? [])]).filter((code) => !removed.has(code));
      }
      if (change.color === null) delete next.color;
      else if (change.color !== undefined) next.color = change.color;
      return next;
    });
  }

  /** `accept`: the passage found approximately becomes the annotation's passage; `detach`: it stays with its quote, placed nowhere. */
  resolve(sourceId: string, id: string, action: 'accept' | 'detach'): Promise<AnnotationList> {
    return this.editOne(sourceId, id, (annotation, raw, body) => {
      const updated = new Date().toISOString();
      if (action === 'detach') return { ...raw, detached: true, updated };
      const found = anchor(body, selectorsOf(annotation));
      if (found.state === 'orphan') {
        throw new CarnetError('conflict', {
          en: 'The passage can no longer be found in the source, so there is nothing to accept. The annotation is kept with its quote.',
          fr: 'Le passage est introuvable dans la source : il n’y a rien à accepter. L’annotation est conservée avec sa citation.',
        });
      }
      const selectors = describe(body, found.start, found.end);
      const { detached: _detached, ...rest } = raw;
      return { ...rest, quote: { ...objectOr(raw.quote), ...selectors.quote }, position: { ...objectOr(raw.position), ...selectors.position }, updated };
    });
  }

  /** A lost or detached annotation put on the words the user chose: new selectors, no longer detached. */
  attach(sourceId: string, id: string, sourceRevision: string, start: number, end: number): Promise<AnnotationList> {
    return this.editOne(sourceId, id, (_annotation, raw, body, revision) => {
      const bounds = selectedPassage(body, revision, sourceRevision, start, end);
      const selectors = describe(body, bounds.start, bounds.end);
      const { detached: _detached, ...rest } = raw;
      return { ...rest, quote: { ...objectOr(raw.quote), ...selectors.quote }, position: { ...objectOr(raw.position), ...selectors.position }, updated: new Date().toISOString() };
    });
  }

  private editOne(sourceId: string, id: string, change: (annotation: Annotation, raw: JsonObject, body: string, sourceRevision: string) => JsonObject): Promise<AnnotationList> {
    return this.edit(sourceId, (annotations, raws, body, revision) => {
      const at = annotations.findIndex((a) => a.id === id);
      if (at === -1) {
        throw new CarnetError('not-found', {
          en: 'This annotation is no longer in the vault (deleted in another window or by hand). Nothing was changed.',
          fr: 'Cette annotation n’est plus dans le coffre (supprimée dans une autre fenêtre ou à la main). Rien n’a été modifié.',
        });
      }
      return raws.map((raw, i) => (i === at ? change(annotations[i] as Annotation, raw, body, revision) : raw));
    });
  }

  /** Applies `change` to the file's JSON as read (keys Carnet does not know keep their place), written only if it changed. */
  private edit(sourceId: string, change: (annotations: Annotation[], raws: JsonObject[], body: string, sourceRevision: string) => JsonObject[]): Promise<AnnotationList> {
    return this.core.write(async () => {
      const seen = this.core.index.sources.get(sourceId);
      if (!seen) throw notFound('source', sourceId);
      // The body as it is on disk now, so a selection is checked against what the file holds.
      await this.core.reload([`sources/${seen.slug}.md`]);
      const source = this.core.index.sources.get(sourceId);
      if (!source) throw notFound('source', sourceId);
      const refused = { en: `Did not change the annotations of "${source.meta.title}"`, fr: `Carnet n’a pas modifié les annotations de « ${source.meta.title} »` };
      const read = (await readAnnotationFiles(this.core, refused, sourceId)).get(sourceId) ?? { doc: annotationDoc(this.filePath(sourceId), { source: sourceId, annotations: [] }), text: null, revision: null };
      const raws = change(read.doc.annotations, rawAnnotations(read.doc), source.body, source.revision);
      await commit(this.core, refused, [{ read, path: read.doc.path, raw: { ...read.doc.raw, annotations: raws } }]);
      return this.list(sourceId);
    });
  }
}

/** The passage the reader's selection names, checked against the body it was made on. */
function selectedPassage(body: string, revision: string, shownRevision: string, start: number, end: number): { start: number; end: number } {
  if (revision !== shownRevision) {
    throw new CarnetError('conflict', {
      en: 'The source was changed on disk since it was shown, so the selection may no longer be the same words. It has been reloaded: select the passage again.',
      fr: 'La source a été modifiée sur le disque depuis son affichage : la sélection ne désigne peut-être plus les mêmes mots. Elle a été rechargée : sélectionnez de nouveau le passage.',
    });
  }
  const bounds = trimPassage(body, start, end);
  if (!bounds) {
    throw new CarnetError('invalid-input', {
      en: 'The selection is not text of this source (it is empty, or the source changed since it was shown). Select the passage again.',
      fr: 'La sélection n’est pas du texte de cette source (elle est vide, ou la source a changé depuis son affichage). Sélectionnez de nouveau le passage.',
    });
  }
  return bounds;
}

function objectOr(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
