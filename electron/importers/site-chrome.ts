import { chromeKey } from './text-capture.ts';

/**
 * A site's chrome, learnt from the captures of that site: a line that recurs in two or more of its
 * captures (its header, menus, "About us" blurb, footer) is the site's, not an article's. Pure:
 * the vault's side (vault/site-chrome-store.ts) reads the originals, this decides.
 *
 * Lines are compared as `chromeKey` folds them (case, spacing, digits aside), each counted once
 * per capture. Lines shorter than three characters say nothing. A long prose sentence is compared
 * verbatim instead: two articles may share a sentence's shape with other figures in it, but a
 * sentence repeated word for word across pages is the site's blurb.
 */

const MIN_LENGTH = 3;
/** A line this long, with this many words, reads as prose: it must repeat verbatim to count. */
const PROSE_LENGTH = 100;
const PROSE_WORDS = 12;
const SOURCE_LINE = /^\s*(?:source|lien|link|url|original|article original)\s*:\s*(https?:\/\/\S+)\s*$/imu;
/** Lines that make a capture's header, when it names no address. */
const HEADER_LINES = 3;

/** What a line is counted as (null: not counted), and the key the importer knows it by. */
export function learntLine(line: string): { count: string; key: string } | null {
  const text = line.replace(/\s+/g, ' ').trim();
  if (text.length < MIN_LENGTH || !/[\p{L}\p{N}]/u.test(text)) return null;
  const key = chromeKey(text);
  const prose = text.length >= PROSE_LENGTH && text.split(' ').length >= PROSE_WORDS;
  return { count: prose ? `=${text}` : key, key };
}

/** The lines of one capture, each once: counted form → importer key. */
export function captureLines(text: string): Map<string, string> {
  const lines = new Map<string, string>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    const learnt = learntLine(line);
    if (learnt) lines.set(learnt.count, learnt.key);
  }
  return lines;
}

/** A host as a site: lower-cased, `www.` dropped; null for what is not a web address. */
export function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol, hostname } = new URL(url.trim());
    if (protocol !== 'http:' && protocol !== 'https:' || hostname === '') return null;
    return hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** The address a capture's `Source :` line gives, if any. */
export function sourceLineUrl(text: string): string | undefined {
  return SOURCE_LINE.exec(text)?.[1];
}

/**
 * What names a capture's site: `host:` the host of `url` (the source's) or of its `Source :` line,
 * and `head:` its first three non-empty lines (the site's header). Two captures whose names meet
 * are of the same site.
 */
export function siteKeys(text: string, url?: string): string[] {
  const keys: string[] = [];
  for (const host of new Set([hostOf(url), hostOf(sourceLineUrl(text))])) if (host) keys.push(`host:${host}`);
  const header = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, HEADER_LINES);
  if (header.length === HEADER_LINES) keys.push(`head:${header.map(chromeKey).join('\n')}`);
  return keys;
}

/** Another capture sharing this share of a capture's lines is the same page captured again, not a sibling. */
const SAME_PAGE = 0.95;

/**
 * The chrome one capture is read with: its lines that another capture of its site has too (with
 * it, two captures). A capture of the same page (most of its lines shared) teaches nothing and is
 * left out: its article would pass for chrome.
 */
export function chromeOf(target: ReadonlyMap<string, string>, others: Iterable<ReadonlyMap<string, string>>): Set<string> {
  const chrome = new Set<string>();
  for (const other of others) {
    const shared: string[] = [];
    for (const [count, key] of target) if (other.has(count)) shared.push(key);
    if (shared.length >= SAME_PAGE * target.size) continue;
    for (const key of shared) chrome.add(key);
  }
  return chrome;
}

/** The chrome of one site's captures: the lines (chromeKey) that occur in two or more of them. */
export function siteChrome(captures: readonly string[]): Set<string> {
  const counts = new Map<string, { key: string; captures: number }>();
  for (const capture of captures) {
    for (const [count, key] of captureLines(capture)) {
      const entry = counts.get(count);
      if (entry) entry.captures++;
      else counts.set(count, { key, captures: 1 });
    }
  }
  return new Set([...counts.values()].filter((entry) => entry.captures >= 2).map((entry) => entry.key));
}

/** Captures grouped by site (siteKeys: captures whose names meet are one site). */
export function groupBySite<T>(captures: readonly T[], keysOf: (capture: T) => readonly string[]): T[][] {
  const groupOf = new Map<string, T[]>();
  const groups: T[][] = [];
  for (const capture of captures) {
    const keys = keysOf(capture);
    const met = [...new Set(keys.map((key) => groupOf.get(key)).filter((g): g is T[] => g !== undefined))];
    let group: T[];
    if (met.length === 0) {
      group = [];
      groups.push(group);
    } else {
      group = met[0]!;
      for (const other of met.slice(1)) {
        group.push(...other);
        groups.splice(groups.indexOf(other), 1);
        for (const [key, g] of groupOf) if (g === other) groupOf.set(key, group);
      }
    }
    group.push(capture);
    for (const key of keys) groupOf.set(key, group);
  }
  return groups;
}
