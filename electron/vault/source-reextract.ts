import path from 'node:path';
import { CarnetError } from '../core/carnet-error.ts';
import { bodyFingerprint } from '../importers/content-fingerprint.ts';
import { normaliseMetadata } from '../importers/metadata/normalise.ts';
import { fromPlainText } from '../importers/txt-importer.ts';
import { formatFrontMatter, mergeFrontMatter } from './front-matter.ts';
import { sourceFrontMatter } from './source-front-matter.ts';
import type { SiteChromeStore } from './site-chrome-store.ts';
import { validSourceMeta } from './source-meta.ts';
import type { SourceTrim } from './source-trim.ts';
import { notFound, type VaultCore } from './vault-core.ts';
import type { SourceRecord } from './vault-index.ts';
import type { SourceDetail } from './vault-records.ts';
import type { SourceMeta } from './vault-schemas.ts';

/**
 * Reading a text capture again from its original, with the chrome its site's other captures in
 * the vault teach (site-chrome-store.ts): the body and what the importer read are rewritten, only
 * while the source has no annotations (they point into its text). What the user corrected stays:
 * a field is replaced only when empty or still what the importer alone gives. Unknown front-matter
 * keys stay; the file replaced is kept in `.carnet/history/<source-id>/`, as a trim keeps it.
 */

export type ReextractRefusal = 'annotations' | 'not-capture';

export interface ReextractResult {
  source: SourceDetail;
  /** False when the text and metadata came out as they were: nothing was written. */
  changed: boolean;
  wordsBefore: number;
  wordsAfter: number;
  /** The kept version the re-extraction replaced (restoreSourceBody with it undoes it). */
  version?: string;
}

type ImporterFields = Pick<SourceMeta, 'title' | 'url' | 'publisher' | 'authors' | 'published' | 'language'>;

export class SourceReextract {
  private readonly core: VaultCore;
  private readonly get: (id: string) => SourceDetail;
  private readonly trim: SourceTrim;
  private readonly chrome: SiteChromeStore;

  constructor(core: VaultCore, get: (id: string) => SourceDetail, trim: SourceTrim, chrome: SiteChromeStore) {
    this.core = core;
    this.get = get;
    this.trim = trim;
    this.chrome = chrome;
  }

  /** Why the source cannot be re-extracted, or null when it can. */
  async refusal(id: string): Promise<ReextractRefusal | null> {
    const record = this.core.index.sources.get(id);
    if (!record) throw notFound('source', id);
    if (hasAnnotations(this.core, record)) return 'annotations';
    return (await this.chrome.originalText(id)) === null ? 'not-capture' : null;
  }

  async reextract(id: string, baseRevision: string): Promise<ReextractResult> {
    return this.core.write(async () => {
      const record = this.core.index.sources.get(id);
      if (!record) throw notFound('source', id);
      if (hasAnnotations(this.core, record)) throw refused(record, 'annotations');
      const text = await this.chrome.originalText(id);
      if (text === null) throw refused(record, 'not-capture');
      const relative = `sources/${record.slug}.md`;
      const previous = await this.core.assertUnchanged(relative, baseRevision, { en: `the text of "${record.meta.title}"`, fr: `le texte de « ${record.meta.title} »` });
      if (previous === null) throw notFound('source', id);

      const name = path.posix.basename(record.meta.original ?? 'capture.txt');
      const input = { name, bytes: new Uint8Array() };
      const siteChrome = await this.chrome.chromeFor(text, { url: record.meta.url, exclude: id });
      const document = fromPlainText(text, input, siteChrome);
      const fresh = normaliseMetadata(document.metadata, document.body, name);
      // What the importer gives without any learning: a field still equal to it was not corrected by the user.
      const plain = fromPlainText(text, input);
      const alone = normaliseMetadata(plain.metadata, plain.body, name);
      const body = `${document.body}\n`;
      const change: ImporterFields & Pick<SourceMeta, 'sha256' | 'extraction'> = {
        ...importerFields(record.meta, fresh, alone),
        sha256: bodyFingerprint(document.body),
        extraction: document.metadata.extraction,
      };
      const result = { wordsBefore: wordCount(record.body), wordsAfter: wordCount(body) };
      const same = body === record.body && (Object.keys(change) as (keyof typeof change)[]).every((key) => JSON.stringify(change[key]) === JSON.stringify(record.meta[key]));
      if (same) return { source: this.get(id), changed: false, ...result };
      const meta = validSourceMeta({ ...record.meta, ...change });
      const version = await this.trim.keep(record, previous);
      const own: Record<string, unknown> = { title: meta.title, url: meta.url, publisher: meta.publisher, authors: sourceFrontMatter(meta, record.frontMatter).authors, published: meta.published, language: meta.language, sha256: meta.sha256, extraction: meta.extraction };
      await this.core.writeTracked(relative, formatFrontMatter(mergeFrontMatter(record.frontMatter, own), body));
      return { source: this.get(id), changed: true, version, ...result };
    });
  }
}

/** Each field the importer reads: the new reading where the current one is empty or the importer's own, else the user's. */
function importerFields(current: SourceMeta, fresh: ReturnType<typeof normaliseMetadata>, alone: ReturnType<typeof normaliseMetadata>): ImporterFields {
  const pick = <T>(now: T | undefined, was: T | undefined, next: T | undefined): T | undefined => {
    const empty = now === undefined || (typeof now === 'string' && now.trim() === '') || (Array.isArray(now) && now.length === 0);
    if (next === undefined || (Array.isArray(next) && next.length === 0)) return now;
    return empty || JSON.stringify(now) === JSON.stringify(was) ? next : now;
  };
  return {
    title: pick(current.title, alone.title, fresh.title) ?? current.title,
    // An address is never the importer's to change once there.
    url: current.url || fresh.url,
    publisher: pick(current.publisher, alone.publisher, fresh.publisher),
    authors: pick(current.authors, alone.authors, fresh.authors) ?? [],
    published: pick(current.published, alone.published, fresh.published),
    language: pick(current.language, alone.language, fresh.language),
  };
}

function hasAnnotations(core: VaultCore, record: SourceRecord): boolean {
  const count = core.index.annotations.get(record.meta.id)?.data.annotations.length ?? 0;
  // An annotations file that cannot be read may hold annotations too.
  return count > 0 || core.index.problems.has(`annotations/${record.slug}.json`);
}

export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

function refused(record: SourceRecord, why: ReextractRefusal): CarnetError {
  const title = record.meta.title;
  return why === 'annotations'
    ? new CarnetError('conflict', {
        en: `Carnet did not re-extract "${title}": it has annotations, and they point into its text. Its text can be read again only while it has none.`,
        fr: `Carnet n’a pas relu l’article de « ${title} » : elle a des annotations, et elles pointent dans son texte. Son texte ne peut être relu que tant qu’elle n’en a aucune.`,
      })
    : new CarnetError('invalid-input', {
        en: `Carnet did not re-extract "${title}": only a source imported from a text capture (.txt), whose original is still in sources/originals/, can be read again.`,
        fr: `Carnet n’a pas relu l’article de « ${title} » : seule une source importée d’une capture texte (.txt), dont l’original est encore dans sources/originals/, peut être relue.`,
      });
}
