import { notFound, type VaultCore } from './vault-core.ts';
import type { AnnotationAnchor, AnnotationList } from './vault-records.ts';
import type { Annotation, Codebook } from './vault-schemas.ts';
import { placeAnnotation } from './annotation-states.ts';

/** `annotations/<source-slug>.json` and `codebook.json`: the passages coded and commented, and the codes. */
export class AnnotationStore {
  private readonly core: VaultCore;
  private readonly anchors = new Map<string, { key: string; anchors: AnnotationAnchor[] }>();

  constructor(core: VaultCore) {
    this.core = core;
  }

  list(sourceId: string): AnnotationList {
    const source = this.core.index.sources.get(sourceId);
    if (!source) throw notFound('source', sourceId);
    const record = this.core.index.annotations.get(sourceId);
    const annotations = record?.data.annotations ?? [];
    // Placing a thousand passages takes a search each: kept until the body or the annotations change.
    const key = `${source.revision}:${record?.revision ?? ''}`;
    let placed = this.anchors.get(sourceId);
    if (placed?.key !== key) {
      placed = { key, anchors: annotations.map((a) => placeAnnotation(source.body, a)) };
      this.anchors.set(sourceId, placed);
    }
    return { sourceId, annotations, anchors: placed.anchors, revision: record?.revision ?? null };
  }

  async save(sourceId: string, annotations: Annotation[], baseRevision: string | null): Promise<AnnotationList> {
    return this.core.write(async () => {
      const source = this.core.index.sources.get(sourceId);
      if (!source) throw notFound('source', sourceId);
      const relative = this.filePath(sourceId);
      await this.core.assertUnchanged(relative, baseRevision, { en: `the annotations of "${source.meta.title}"`, fr: `les annotations de « ${source.meta.title} »` });
      await this.core.writeTracked(relative, `${JSON.stringify({ source: sourceId, annotations }, null, 2)}\n`);
      return this.list(sourceId);
    });
  }

  /** Where a source's annotations live (or will live): named after the source's file. */
  filePath(sourceId: string): string {
    const slug = this.core.index.annotations.get(sourceId)?.slug ?? this.core.index.sources.get(sourceId)?.slug;
    if (!slug) throw notFound('source', sourceId);
    return `annotations/${slug}.json`;
  }

  /** Annotation files whose source is gone: kept, never dropped, and reported. */
  orphanFiles(): { path: string; sourceId: string }[] {
    return [...this.core.index.annotations]
      .filter(([sourceId]) => !this.core.index.sources.has(sourceId))
      .map(([sourceId, record]) => ({ path: `annotations/${record.slug}.json`, sourceId }));
  }

  codebook(): Codebook & { revision: string | null } {
    return { ...this.core.index.codebook.data, revision: this.core.index.codebook.revision };
  }

  async saveCodebook(codebook: Codebook, baseRevision: string | null): Promise<Codebook & { revision: string | null }> {
    return this.core.write(async () => {
      await this.core.assertUnchanged('codebook.json', baseRevision, { en: 'the codebook', fr: 'le livre de codes' });
      await this.core.writeTracked('codebook.json', `${JSON.stringify(codebook, null, 2)}\n`);
      return this.codebook();
    });
  }
}
