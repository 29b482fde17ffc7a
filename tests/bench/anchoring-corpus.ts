/**
 * Bodies for the anchoring benchmark: the sample vault's sources (body after front matter) plus
 * generated French and English paragraphs with the typography real imports carry (’, « », —).
 * A seeded generator keeps runs comparable.
 */
import fs from 'node:fs';
import path from 'node:path';

export type Random = () => number;

/** mulberry32: small, seeded, good enough to pick spans. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

const FR = 'les ministres ont adopté un plan d’action régional contre la traite des êtres humains dans la sous-région où les réseaux de recrutement utilisent désormais les applications de messagerie et les offres d’emploi trompeuses visent surtout les jeunes travailleurs migrants qui franchissent la frontière sans contrat ni protection sociale tandis que les équipes spéciales nationales coordonnent les enquêtes avec la police et les services sociaux'.split(' ');
const EN = 'the ministers agreed on a regional plan of action against human trafficking across the sub-region where recruitment networks now rely on messaging applications and deceptive job offers target young migrant workers who cross the border without a contract or social protection while national task forces coordinate investigations with the police and social services'.split(' ');
const NAMES = ['Hà Nội', 'Phnom Penh', 'Vientiane', 'Bangkok', 'Yangon', 'Kunming', 'Đà Nẵng', 'Siem Reap'];

function sentence(random: Random, words: string[], french: boolean): string {
  const count = 8 + Math.floor(random() * 14);
  const parts: string[] = [];
  for (let k = 0; k < count; k++) parts.push(random() < 0.08 ? pick(random, NAMES) : pick(random, words));
  const at = 2 + Math.floor(random() * (count - 4));
  const roll = random();
  // Typography inside sentences, so that punctuation edits touch the passages.
  if (roll < 0.25) parts.splice(at, 2, french ? `« ${parts[at] ?? ''} ${parts[at + 1] ?? ''} »` : `“${parts[at] ?? ''} ${parts[at + 1] ?? ''}”`);
  else if (roll < 0.45) parts.splice(at, 0, '—');
  else if (roll < 0.6) parts.splice(at, 1, french ? `l’${parts[at] ?? ''}` : `${parts[at] ?? ''}’s`);
  if (random() < 0.3) parts.splice(1 + Math.floor(random() * (parts.length - 1)), 0, `en ${2004 + Math.floor(random() * 22)},`);
  const text = parts.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export function paragraph(random: Random): string {
  const french = random() < 0.5;
  const count = 2 + Math.floor(random() * 4);
  return Array.from({ length: count }, () => sentence(random, french ? FR : EN, french)).join(' ');
}

export function sampleBodies(root: string): string[] {
  const folder = path.join(root, 'resources/sample-vault/sources');
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => fs.readFileSync(path.join(folder, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
}

/** Each body: one sample source followed by generated paragraphs. */
export function buildBodies(root: string, random: Random, count: number, generated: number): string[] {
  const samples = sampleBodies(root);
  return Array.from({ length: count }, (_, k) => {
    const extra: string[] = [];
    for (let n = 0; n < generated; n++) {
      // One paragraph in five repeats a sentence from an earlier one (a refrain, a quoted line):
      // the case where the first occurrence of a quote is not the annotated one.
      const earlier = extra.length > 0 && random() < 0.2 ? pick(random, extra).split(/(?<=\.) /) : [];
      extra.push([paragraph(random), ...(earlier.length > 0 ? [pick(random, earlier)] : [])].join(' '));
    }
    return [samples[k % samples.length]?.trim() ?? '', ...extra].join('\n\n');
  });
}

export interface Span {
  body: number;
  start: number;
  end: number;
}

/** A sentence-ish span inside one paragraph: from a word start, 1 to 2 sentences or a clause. */
export function randomSpan(random: Random, bodies: string[]): Span {
  for (;;) {
    const body = Math.floor(random() * bodies.length);
    const text = bodies[body] ?? '';
    const paragraphs = [...text.matchAll(/[^\n]+/g)].filter((m) => m[0].length > 80);
    if (paragraphs.length === 0) continue;
    const para = pick(random, paragraphs);
    const base = para.index;
    const words = [...para[0].matchAll(/\S+/g)].map((m) => m.index);
    const first = Math.floor(random() * Math.max(1, words.length - 6));
    const length = 25 + Math.floor(random() * 160);
    const from = base + (words[first] ?? 0);
    let to = Math.min(base + para[0].length, from + length);
    while (to < base + para[0].length && /\S/.test(text[to] ?? '')) to++;
    if (to - from >= 20) return { body, start: from, end: to };
  }
}
