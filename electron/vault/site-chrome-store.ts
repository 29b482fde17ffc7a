import fs from 'node:fs/promises';
import { decodeText } from '../importers/decode-text.ts';
import { captureLines, chromeOf, siteKeys } from '../importers/site-chrome.ts';
import { originalFileOf } from './source-meta.ts';
import type { VaultCore } from './vault-core.ts';
import { resolveInVault } from './vault-paths.ts';

/**
 * The chrome of a site as the vault's captures of it teach it (importers/site-chrome.ts decides):
 * reads the originals of the text-capture sources (`sources/originals/*.txt`) of the capture's site.
 * An original is never rewritten, so what is read of it is kept for as long as its source names it;
 * the source's `url` (which the user may correct) is looked at on every call.
 */

/** Captures larger than this are not read for learning (a capture is a page; this is a book). */
export const MAX_LEARNT_BYTES = 4 * 1048576;

export interface LearntCapture {
  /** From the capture's own text: its `Source :` line's host, its header. */
  keys: string[];
  lines: Map<string, string>;
}

/** A capture's text made ready for learning. */
export function learntCapture(text: string, url?: string): LearntCapture {
  return { keys: siteKeys(text, url), lines: captureLines(text) };
}

/** `.txt` and `.text` originals: what the text importer read. */
export function isCaptureOriginal(original: string | undefined): boolean {
  return original !== undefined && /\.(?:txt|text)$/i.test(original);
}

export class SiteChromeStore {
  private readonly core: VaultCore;
  /** By source id and original's path: its text, decoded and cut into lines; null when it cannot be read. */
  private readonly read = new Map<string, Promise<{ text: string; lines: Map<string, string> } | null>>();

  constructor(core: VaultCore) {
    this.core = core;
  }

  /** The text of a source's original capture, or null (not a capture, missing, unreadable, too large). */
  async originalText(sourceId: string): Promise<string | null> {
    const record = this.core.index.sources.get(sourceId);
    const original = record ? originalFileOf(record.meta) : null;
    if (!original || !isCaptureOriginal(original)) return null;
    return (await this.load(sourceId, original))?.text ?? null;
  }

  /**
   * The chrome `text` (a capture of some site, `url` its address when known) is to be read with:
   * its lines that another capture of its site has — among the vault's (but `exclude`, the source
   * being read again) and `batch`'s (captures imported with it).
   */
  async chromeFor(text: string, options: { url?: string; exclude?: string; batch?: readonly LearntCapture[] } = {}): Promise<Set<string>> {
    const target = learntCapture(text, options.url);
    if (target.keys.length === 0) return new Set();
    const wanted = new Set(target.keys);
    const others: Map<string, string>[] = [];
    for (const capture of options.batch ?? []) if (capture.keys.some((key) => wanted.has(key))) others.push(capture.lines);
    for (const record of [...this.core.index.sources.values()]) {
      const original = originalFileOf(record.meta);
      if (record.meta.id === options.exclude || !original || !isCaptureOriginal(original)) continue;
      const loaded = await this.load(record.meta.id, original);
      if (!loaded) continue;
      const keys = siteKeys(loaded.text, record.meta.url);
      if (keys.some((key) => wanted.has(key))) others.push(loaded.lines);
    }
    return chromeOf(target.lines, others);
  }

  private load(id: string, original: string): Promise<{ text: string; lines: Map<string, string> } | null> {
    const key = `${id}\u0000${original}`;
    let loading = this.read.get(key);
    if (!loading) {
      loading = readCapture(this.core.root, original);
      this.read.set(key, loading);
    }
    return loading;
  }
}

async function readCapture(root: string, original: string): Promise<{ text: string; lines: Map<string, string> } | null> {
  try {
    const file = await resolveInVault(root, original);
    const stat = await fs.stat(file);
    if (!stat.isFile() || stat.size > MAX_LEARNT_BYTES) return null;
    const { text } = decodeText(await fs.readFile(file));
    return { text, lines: captureLines(text) };
  } catch {
    return null;
  }
}
