import path from 'node:path';
import fs from 'node:fs/promises';
import { CarnetError } from '../core/carnet-error.ts';
import { atomicWrite } from './atomic-write.ts';
import { formatFrontMatter, mergeFrontMatter, parseFrontMatter } from './front-matter.ts';
import { NoteHistory } from './note-history.ts';
import { notFound, type VaultCore } from './vault-core.ts';
import type { SourceRecord } from './vault-index.ts';
import type { SourceDetail } from './vault-records.ts';

/**
 * Trimming a capture imported whole (`extraction: uncertain`): the user removes the page's menus
 * and teasers paragraph by paragraph, then says the text is right. Only for a source without
 * annotations (they point into the text). Every body a trim or a restore replaces is kept first in
 * `.carnet/history/<source-id>/`, like a note's versions, and the body as imported once more as
 * `as-imported.md`, which is never pruned: "Restore the whole capture" puts it back.
 */

const AS_IMPORTED = 'as-imported.md';
/** Blank lines between paragraphs, as the reader splits them (renderer/reader/body-segments.ts). */
const SEPARATOR = /\n[ \t]*\n\s*/g;
const ENDS_WITH_SEPARATOR = /\n[ \t]*\n\s*$/;

export interface TrimResult {
  source: SourceDetail;
  /** The kept version the trim replaced: `restoreSourceBody` with it undoes the trim. */
  version: string;
  /** How many paragraphs went. */
  removed: number;
}

export class SourceTrim {
  private readonly core: VaultCore;
  private readonly history: NoteHistory;
  private readonly get: (id: string) => SourceDetail;

  constructor(core: VaultCore, get: (id: string) => SourceDetail) {
    this.core = core;
    this.history = new NoteHistory(core);
    this.get = get;
  }

  /** Removes the paragraphs in [from, to) of the body: `from` starts a paragraph, `to` starts the next one kept (or is the body's end). */
  async trim(id: string, baseRevision: string, from: number, to: number): Promise<TrimResult> {
    return this.core.write(async () => {
      const record = this.editable(id, 'trim');
      const previous = await this.checked(record, baseRevision);
      const { body } = record;
      const startsParagraph = (at: number) => at === 0 || ENDS_WITH_SEPARATOR.test(body.slice(0, at));
      if (!(from >= 0 && to > from && to <= body.length && startsParagraph(from) && (to === body.length || startsParagraph(to)))) {
        throw new CarnetError('invalid-input', {
          en: `Carnet did not trim "${record.meta.title}": the part to remove does not fall on whole paragraphs of its current text. Reopen the source and try again.`,
          fr: `Carnet n’a pas raccourci « ${record.meta.title} » : la partie à retirer ne tombe pas sur des paragraphes entiers de son texte actuel. Rouvrez la source et réessayez.`,
        });
      }
      let kept = body.slice(0, from) + body.slice(to);
      // The last paragraphs gone: the blank line before them goes too, the body's final line break stays.
      if (to === body.length && from > 0) kept = kept.replace(/\s+$/, '') + (/\r?\n$/.exec(body)?.[0] ?? '');
      if (kept.trim() === '') {
        throw new CarnetError('invalid-input', {
          en: `Carnet did not trim "${record.meta.title}": that would remove all of its text. Keep at least one paragraph, or delete the source.`,
          fr: `Carnet n’a pas raccourci « ${record.meta.title} » : cela retirerait tout son texte. Gardez au moins un paragraphe, ou supprimez la source.`,
        });
      }
      const version = await this.keep(record, previous);
      await this.core.writeTracked(relativeOf(record), formatFrontMatter(record.frontMatter, kept));
      return { source: this.get(id), version, removed: paragraphCount(body.slice(from, to)) };
    });
  }

  /**
   * Puts back a kept body: `version` (a trim's, to undo it), or without one the body as imported.
   * The metadata stays as it is now; the `extraction` flag comes back as it was with that body.
   */
  async restore(id: string, baseRevision: string, version?: string): Promise<SourceDetail> {
    return this.core.write(async () => {
      const record = this.editable(id, 'restore');
      const previous = await this.checked(record, baseRevision);
      const text = version === undefined ? await this.asImported(record) : (await this.history.get(id, version)).text;
      const earlier = parseFrontMatter(text);
      const extraction = (earlier.data as Record<string, unknown>).extraction === 'uncertain' ? 'uncertain' : undefined;
      if (earlier.body === record.body && extraction === record.meta.extraction) return this.get(id);
      await this.keep(record, previous);
      await this.core.writeTracked(relativeOf(record), formatFrontMatter(mergeFrontMatter(record.frontMatter, { extraction }), earlier.body));
      return this.get(id);
    });
  }

  /** The user says the text is the article: the `extraction: uncertain` flag goes; the body and every other key stay. */
  async markChecked(id: string, baseRevision: string): Promise<SourceDetail> {
    return this.core.write(async () => {
      const record = this.core.index.sources.get(id);
      if (!record) throw notFound('source', id);
      await this.checked(record, baseRevision);
      if (record.meta.extraction === undefined) return this.get(id);
      await this.core.writeTracked(relativeOf(record), formatFrontMatter(mergeFrontMatter(record.frontMatter, { extraction: undefined }), record.body));
      return this.get(id);
    });
  }

  private editable(id: string, action: 'trim' | 'restore'): SourceRecord {
    const record = this.core.index.sources.get(id);
    if (!record) throw notFound('source', id);
    const count = this.core.index.annotations.get(id)?.data.annotations.length ?? 0;
    // An annotations file that cannot be read may hold annotations too.
    if (count > 0 || this.core.index.problems.has(`annotations/${record.slug}.json`)) {
      const verb = action === 'trim' ? { en: 'trim', fr: 'raccourci' } : { en: 'restore the text of', fr: 'rétabli le texte de' };
      throw new CarnetError('conflict', {
        en: `Carnet did not ${verb.en} "${record.meta.title}": it has annotations, and they point into its text. Its text can be changed only while it has none.`,
        fr: `Carnet n’a pas ${verb.fr} « ${record.meta.title} » : elle a des annotations, et elles pointent dans son texte. Son texte ne peut changer que tant qu’elle n’en a aucune.`,
      });
    }
    return record;
  }

  /** The file as the caller last read it, or a refusal if it changed since. */
  private async checked(record: SourceRecord, baseRevision: string): Promise<string> {
    const previous = await this.core.assertUnchanged(relativeOf(record), baseRevision, { en: `the text of "${record.meta.title}"`, fr: `le texte de « ${record.meta.title} »` });
    if (previous === null) throw notFound('source', record.meta.id);
    return previous;
  }

  /** Keeps the file about to be replaced; the first time, also as the body as imported. Returns the version's name. (Re-extracting keeps its versions here too.) */
  async keep(record: SourceRecord, previous: string): Promise<string> {
    const dir = `.carnet/history/${record.meta.id}`;
    await this.core.makeFolder(dir);
    const imported = path.join(this.core.root, dir, AS_IMPORTED);
    const exists = await fs.stat(imported).then(() => true, () => false);
    if (!exists) await atomicWrite(imported, previous, { within: this.core.root, label: `${dir}/${AS_IMPORTED}`, create: true });
    await this.history.keep(record.meta.id, previous);
    const [newest] = await this.history.list(record.meta.id);
    if (!newest) throw new CarnetError('io', { en: `Could not keep the previous text of "${record.meta.title}".`, fr: `Le texte précédent de « ${record.meta.title} » n’a pas pu être gardé.` });
    return newest.version;
  }

  private async asImported(record: SourceRecord): Promise<string> {
    const file = path.join(this.core.root, '.carnet', 'history', record.meta.id, AS_IMPORTED);
    const text = await fs.readFile(file, 'utf8').catch(() => null);
    // Never trimmed: the body is the one imported.
    return text ?? formatFrontMatter(record.frontMatter, record.body);
  }
}

function relativeOf(record: SourceRecord): string {
  return `sources/${record.slug}.md`;
}

function paragraphCount(text: string): number {
  return text.split(SEPARATOR).filter((part) => part.trim() !== '').length;
}
