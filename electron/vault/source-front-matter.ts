import type { SourceMeta } from './vault-schemas.ts';

/** A source's front matter as written: keys in a fixed order, so that files diff well across saves. */
export function sourceFrontMatter(meta: SourceMeta, previous: Record<string, unknown> = {}): Record<string, unknown> {
  const { id, title, type, url, container, publisher, place, authors, published, accessed, pages, doi, archive, identifier, language, imported, sha256, original, extraction } = meta;
  const authorEntries = authors.map((label) => authorEntry(label, previous.authors));
  return { id, title, type, url, container, publisher, place, authors: authorEntries, published, accessed, pages, doi, archive, identifier, language, imported, sha256, original, extraction };
}

export interface CslNameEntry {
  family?: string;
  given?: string;
  literal?: string;
}

/**
 * How an author read as text is written back. An entry the file already held that reads the same is
 * kept as it was (a hand-written `{literal: …}` stays one); "Family, Given" becomes a CSL-JSON name,
 * so the split the user stated survives in the file; any other name stays plain text.
 */
function authorEntry(label: string, previous: unknown): string | CslNameEntry {
  const kept = Array.isArray(previous) ? previous.find((entry: unknown) => authorLabel(entry) === label) : undefined;
  if (kept !== undefined) return kept as string | CslNameEntry;
  const comma = /^([^,]+),\s*(.+)$/.exec(label);
  return comma ? { family: comma[1]!.trim(), given: comma[2]!.trim() } : label;
}

/** An author entry as one line of text, the way the vault's schema reads it. */
export function authorLabel(entry: unknown): string | null {
  if (typeof entry === 'string') return entry;
  if (entry === null || typeof entry !== 'object') return null;
  const { family, given, literal } = entry as CslNameEntry;
  if (typeof literal === 'string') return literal;
  if (typeof family !== 'string') return null;
  return typeof given === 'string' && given ? `${family}, ${given}` : family;
}
