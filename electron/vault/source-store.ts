import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { atomicWrite } from './atomic-write.ts';
import { formatFrontMatter, mergeFrontMatter } from './front-matter.ts';
import { slugify, uniqueSlug } from './slug.ts';
import { validSourceMeta, type SourceMetaChange } from './source-meta.ts';
import { sourceFrontMatter } from './source-front-matter.ts';
import { notFound, type VaultCore } from './vault-core.ts';
import { findBySlug, type SourceRecord } from './vault-index.ts';
import { beginPending } from './vault-pending.ts';
import { resolveInVault } from './vault-paths.ts';
import type { SourceDetail, SourceSummary } from './vault-records.ts';
import type { SourceMeta } from './vault-schemas.ts';

/** `sources/<slug>.md` and their originals: added once, their body fixed, their metadata correctable. */
export class SourceStore {
  private readonly core: VaultCore;

  constructor(core: VaultCore) {
    this.core = core;
  }

  list(): SourceSummary[] {
    return [...this.core.index.sources.values()].map((record) => this.summary(record));
  }

  get(id: string): SourceDetail {
    const record = this.core.index.sources.get(id);
    if (!record) throw notFound('source', id);
    return { ...this.summary(record), body: record.body, revision: record.revision };
  }

  /** Adds a source with its fixed body; `original` is the imported file, kept untouched for provenance. */
  async add(meta: Omit<SourceMeta, 'id' | 'imported' | 'original'>, body: string, original?: { bytes: Uint8Array; extension: string }): Promise<SourceDetail> {
    const { root, index } = this.core;
    return this.core.write(async () => {
      const id = randomUUID();
      const extension = original ? original.extension.replace(/[^a-z0-9]/gi, '').toLowerCase().slice(0, 8) || 'bin' : '';
      // A slug is free when neither its source nor its original exists, nor does any source name that original.
      const named = new Set([...index.sources.values()].map((record) => record.meta.original));
      const free = (s: string) =>
        findBySlug(index.sources, s) === undefined &&
        !existsSync(path.join(root, `sources/${s}.md`)) &&
        !(original && (existsSync(path.join(root, `sources/originals/${s}.${extension}`)) || named.has(`sources/originals/${s}.${extension}`)));
      const slug = uniqueSlug(slugify(meta.title), (s) => !free(s));
      const originalPath = original ? `sources/originals/${slug}.${extension}` : undefined;
      const relative = `sources/${slug}.md`;
      // Nothing is written until the record is known to read back: a bad title or date leaves no file behind.
      const full = validSourceMeta({ id, ...meta, imported: new Date().toISOString(), original: originalPath });
      const text = formatFrontMatter(sourceFrontMatter(full), body);
      if (!originalPath || !original) {
        await this.core.writeTracked(relative, text);
        return this.get(id);
      }
      // Two files, one import: the intent is recorded first, so a crash between them leaves no orphan.
      const done = await beginPending(root, { commit: relative, created: [originalPath] });
      let wroteOriginal = false;
      try {
        await this.core.makeFolder('sources/originals');
        await atomicWrite(path.join(root, originalPath), original.bytes, { within: root, label: originalPath, create: true });
        wroteOriginal = true;
        await this.core.writeTracked(relative, text);
      } catch (error) {
        // Only the original this import wrote is taken back, and only from inside the vault.
        if (wroteOriginal && !existsSync(path.join(root, relative))) {
          await resolveInVault(root, originalPath).then((file) => fs.rm(file, { force: true })).catch(() => undefined);
        }
        await done();
        throw error;
      }
      await done();
      return this.get(id);
    });
  }

  /** Corrects a source's metadata (title, date, publisher…). The body is written back byte for byte: annotations point into it. */
  async updateMeta(id: string, change: SourceMetaChange, baseRevision: string): Promise<SourceDetail> {
    return this.core.write(async () => {
      const record = this.core.index.sources.get(id);
      if (!record) throw notFound('source', id);
      const relative = `sources/${record.slug}.md`;
      await this.core.assertUnchanged(relative, baseRevision, { en: `the metadata of "${record.meta.title}"`, fr: `les informations de « ${record.meta.title} »` });
      const meta = validSourceMeta({ ...record.meta, ...change });
      await this.core.writeTracked(relative, formatFrontMatter(mergeFrontMatter(record.frontMatter, sourceFrontMatter(meta, record.frontMatter)), record.body));
      return this.get(id);
    });
  }

  private summary(record: SourceRecord): SourceSummary {
    return {
      ...record.meta,
      slug: record.slug,
      path: `sources/${record.slug}.md`,
      annotationCount: this.core.index.annotations.get(record.meta.id)?.data.annotations.length ?? 0,
    };
  }
}
