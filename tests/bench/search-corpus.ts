/**
 * A corpus of article-sized documents from real text available offline: Debian's French and
 * English man pages (`apt-get install manpages-fr` for the French ones), stripped of roff, cut into
 * pieces of a few kilobytes, plus the seed captures when present. Deterministic for a given machine.
 */
import { gunzipSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { SearchDoc } from '../../electron/search/search-documents.ts';

const MAN = '/usr/share/man';

function manFiles(dir: string, limit: number): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const section of readdirSync(dir).filter((d) => /^man[1-8]$/.test(d)).sort()) {
    for (const name of readdirSync(path.join(dir, section)).sort()) {
      if (name.endsWith('.gz')) out.push(path.join(dir, section, name));
      if (out.length >= limit) return out;
    }
  }
  return out;
}

const ACCENTS: Record<string, string> = { "'": '\u0301', '`': '\u0300', '^': '\u0302', ',': '\u0327', ':': '\u0308', '~': '\u0303' };

/** roff to plain text, roughly: macros dropped, font escapes removed, paragraphs kept. */
function stripRoff(roff: string): string {
  return roff
    .split('\n')
    .map((line) => {
      if (/^['.]\s*(\\"|TH|so|ds|de|ig|nr|ie|el|if|IX|tm|\\}|\.|\s*$)/.test(line) || /^'/.test(line)) return '';
      if (/^\.\s*(PP|LP|P|TP|IP|HP|RS|RE|br|sp|in|ti|nf|fi|EX|EE)\b/.test(line)) return '\n';
      return line.replace(/^\.\s*(SH|SS|B|I|BR|IR|RB|BI|IB|RI)\s+/, '').replace(/^\.\s*[A-Za-z]+\s*/, '');
    })
    .join('\n')
    // groff's composite letters (\('e é, \(`a à, \(^e ê, \(,c ç) and guillemets: the French pages are full of them.
    .replace(/\\\(([`'^,:~])([A-Za-z])/g, (_all, mark: string, letter: string) => `${letter}${ACCENTS[mark] ?? ''}`.normalize('NFC'))
    .replace(/\\\(Fo/g, '«')
    .replace(/\\\(Fc/g, '»')
    .replace(/\\f(\[[^\]]*\]|\(..|.)/g, '')
    .replace(/\\[-e]/g, '-')
    .replace(/\\\(([a-z]{2})/g, ' ')
    .replace(/\\[&\\/,|^~ ]/g, ' ')
    .replace(/\\\*\[[^\]]*\]|\\\*./g, '')
    .replace(/"/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function pieces(text: string, size: number): string[] {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 40);
  const out: string[] = [];
  let current = '';
  for (const paragraph of paragraphs) {
    current += (current ? '\n\n' : '') + paragraph;
    if (current.length >= size) {
      out.push(current);
      current = '';
    }
  }
  if (current.length > size / 3) out.push(current);
  return out;
}

function makeDoc(n: number, title: string, body: string, language: string): SearchDoc {
  const ref = `source:bench-${n}`;
  return {
    ref,
    kind: 'source',
    id: `bench-${n}`,
    title,
    body,
    comment: '',
    tags: [],
    codes: [],
    authors: [],
    publisher: language === 'fr' ? 'Pages de manuel' : 'Manual pages',
    language,
    date: `20${String(10 + (n % 15)).padStart(2, '0')}-0${1 + (n % 9)}-1${n % 9}`,
    fingerprint: createHash('sha1').update(`${n}${title}${body}`).digest('hex').slice(0, 16),
  };
}

/** `count` documents, French and English mixed; fewer if the machine has less text than that. */
export function buildCorpus(count: number): { docs: SearchDoc[]; sources: string } {
  const french = manFiles(path.join(MAN, 'fr'), 5000);
  const english = manFiles(MAN, 30000);
  const docs: SearchDoc[] = [];
  // A library holds many distinct articles, not one manual cut in a hundred pieces or a thousand
  // generated pages alike (gcloud_*): pieces per family of pages are capped, and copies skipped.
  // Only when the capped pages run out (50,000 asked) are the rest of the pieces taken.
  const perFamily = Math.max(10, Math.round(count / 100));
  const families = new Map<string, number>();
  const firstWith = new Map<string, string>();
  const taken = new Set<string>();
  const made = { fr: 0, en: 0 };
  const take = (files: string[], language: 'fr' | 'en', quota: number, capped: boolean) => {
    for (const file of files) {
      if (made[language] >= quota || docs.length >= count) return;
      let text: string;
      try {
        text = stripRoff(gunzipSync(readFileSync(file)).toString('utf8'));
      } catch {
        continue;
      }
      const digest = createHash('sha1').update(text.replace(/^\S+/, '')).digest('hex');
      if ((firstWith.get(digest) ?? file) !== file) continue;
      firstWith.set(digest, file);
      const name = path.basename(file).replace(/\.gz$/, '');
      const family = `${language}:${name.split(/[_.-]/)[0]}`;
      for (const [i, body] of pieces(text, 2500).entries()) {
        if (made[language] >= quota || docs.length >= count || (capped && (families.get(family) ?? 0) >= perFamily)) break;
        if (taken.has(`${file}#${i}`)) continue;
        taken.add(`${file}#${i}`);
        families.set(family, (families.get(family) ?? 0) + 1);
        docs.push(makeDoc(docs.length, `${name} — ${body.slice(0, 60).replace(/\s+\S*$/, '')} (${i + 1})`, body, language));
        made[language]++;
      }
    }
  };
  for (const capped of [true, false]) {
    take(french, 'fr', Math.round(count * 0.4), capped);
    take(english, 'en', count - made.fr, capped);
  }
  const seeds = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
  if (existsSync(seeds) && docs.length < count) {
    for (const name of readdirSync(seeds)) docs.push(makeDoc(docs.length, name, readFileSync(path.join(seeds, name), 'utf8'), 'fr'));
  }
  return { docs: docs.slice(0, count), sources: `${french.length} French and ${english.length} English man pages` };
}
