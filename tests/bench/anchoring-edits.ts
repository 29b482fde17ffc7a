/**
 * The edits the anchoring benchmark applies, each tracking where the annotated passage truly is
 * afterwards (null: the passage is gone), so "right place" is measured, not assumed.
 */
import { paragraph, type Random } from './anchoring-corpus.ts';

export interface Edited {
  body: string;
  truth: { start: number; end: number } | null;
}
export type Edit = (body: string, start: number, end: number, random: Random) => Edited;

interface Para {
  start: number;
  end: number;
}

function paragraphsOf(body: string): Para[] {
  return [...body.matchAll(/[^\n]+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function containing(paras: Para[], start: number): number {
  return paras.findIndex((p) => p.start <= start && start < p.end);
}

/** Rebuilds the body char by char; map[i] is where old offset i lands, so the truth follows. */
function rewrite(body: string, replace: (at: number) => string): (start: number, end: number) => Edited {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < body.length; i++) {
    map.push(text.length);
    text += replace(i);
  }
  map.push(text.length);
  return (start, end) => ({ body: text, truth: { start: map[start] ?? 0, end: map[end] ?? 0 } });
}

const inserted: Edit = (body, start, end, random) => {
  const paras = paragraphsOf(body);
  const target = paras[Math.floor(random() * (containing(paras, start) + 1))] ?? { start: 0, end: 0 };
  const addition = `${paragraph(random)}\n\n`;
  return { body: body.slice(0, target.start) + addition + body.slice(target.start), truth: { start: start + addition.length, end: end + addition.length } };
};

const deletedBefore: Edit = (body, start, end, random) => {
  const paras = paragraphsOf(body);
  const index = containing(paras, start);
  const before = index > 0;
  const victim = before ? paras[Math.floor(random() * index)] : paras[index + 1 + Math.floor(random() * (paras.length - index - 1))];
  if (victim === undefined) return { body, truth: { start, end } };
  const next = paras.find((p) => p.start > victim.end);
  const cut = (next?.start ?? body.length) - victim.start;
  const shift = before ? cut : 0;
  return { body: body.slice(0, victim.start) + body.slice(victim.start + cut), truth: { start: start - shift, end: end - shift } };
};

const TYPOGRAPHY: Record<string, string> = { '\u2019': "'", "'": '\u2019', '\u201C': '"', '\u201D': '"', '"': '\u201C', '\u2014': '\u2013', '\u2013': '-' };
const punctuation: Edit = (body, start, end) =>
  rewrite(body, (at) => {
    const ch = body[at] ?? '';
    // « x » becomes "x": the guillemets' inner spaces go too, as when a text is retyped.
    if (ch === '\u00AB') return '"';
    if (ch === '\u00BB') return '"';
    if (/[ \u00A0\u202F]/.test(ch) && (body[at - 1] === '\u00AB' || body[at + 1] === '\u00BB')) return '';
    return TYPOGRAPHY[ch] ?? ch;
  })(start, end);

const typo: Edit = (body, start, end, random) => {
  for (let tries = 0; tries < 20; tries++) {
    const at = start + Math.floor((end - start) * (0.2 + 0.6 * random()));
    const ch = body[at] ?? '';
    if (/\p{L}/u.test(ch)) {
      const replacement = ch === 'e' ? 'a' : 'e';
      return { body: body.slice(0, at) + replacement + body.slice(at + 1), truth: { start, end } };
    }
  }
  return { body: `${body.slice(0, start + 1)}z${body.slice(start + 1)}`, truth: { start, end: end + 1 } };
};

const reordered: Edit = (body, start, end, random) => {
  const paras = paragraphsOf(body);
  const index = containing(paras, start);
  const texts = paras.map((p) => body.slice(p.start, p.end));
  const [moved] = texts.splice(index, 1);
  let to = Math.floor(random() * texts.length);
  if (to === index) to = (to + 1) % (texts.length + 1);
  texts.splice(to, 0, moved ?? '');
  const offset = texts.slice(0, to).reduce((sum, t) => sum + t.length + 2, 0);
  const within = start - (paras[index]?.start ?? 0);
  return { body: texts.join('\n\n'), truth: { start: offset + within, end: offset + within + (end - start) } };
};

const passageDeleted: Edit = (body, start) => {
  const paras = paragraphsOf(body);
  const para = paras[containing(paras, start)] ?? { start, end: start };
  return { body: body.slice(0, para.start) + body.slice(Math.min(body.length, para.end + 2)), truth: null };
};

const rewrapped: Edit = (body, start, end) => {
  let column = 0;
  return rewrite(body, (at) => {
    const ch = body[at] ?? '';
    if (ch === '\n') column = 0;
    else column++;
    if (ch === ' ' && column > 64) {
      column = 0;
      return '\n';
    }
    return ch;
  })(start, end);
};

export const EDITS: ReadonlyArray<[string, Edit]> = [
  ['inserted paragraph', inserted],
  ['deleted paragraph', deletedBefore],
  ['punctuation/quotes', punctuation],
  ['typo in quote', typo],
  ['reordered paragraph', reordered],
  ['passage deleted', passageDeleted],
  ['re-wrapped', rewrapped],
];

