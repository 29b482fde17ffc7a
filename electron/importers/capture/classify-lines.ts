import type { LineFeatures } from './line-features.ts';

/**
 * Each line of a capture as article or chrome, jusText's way: first from its own features, then
 * from its neighbours (short lines and doubtful ones take the side of the lines around them, as an
 * article is one contiguous stretch of prose with a few short lines — subheadings, captions — in it).
 */

export type LineClass = 'good' | 'near' | 'short' | 'bad';

/**
 * jusText's scheme with other numbers: stop-word shares lower than its defaults, because the
 * `stopword` lists are shorter than jusText's and our users' articles are dense with names (Hà Nội,
 * Phnom Penh, IMM6); a longer "short" line, as a capture has no markup to say what is a paragraph.
 * Chosen on the extraction benchmark (tests/bench/extract-bench.ts), among round values.
 */
const LENGTH_LOW = 100;
const LENGTH_HIGH = 200;
const STOP_LOW = 0.15;
const STOP_HIGH = 0.22;

export function classifyOnItsOwn(f: LineFeatures): LineClass {
  if (f.chromePhrase && (f.chars < 120 || !f.sentence)) return 'bad';
  if (f.dataLike) return 'bad';
  if (f.separators >= 2 || (f.separators >= 1 && !f.sentence)) return 'bad';
  if (f.words >= 3 && f.capitalisedShort > 0.8 && !f.sentence) return 'bad';
  if (f.chars < LENGTH_LOW) return f.stopShare > 0 || f.sentence ? 'short' : 'bad';
  if (f.stopShare >= STOP_HIGH) return f.chars > LENGTH_HIGH || f.sentence ? 'good' : 'near';
  if (f.stopShare >= STOP_LOW) return 'near';
  return 'bad';
}

/** Reclassifies short and near-good lines from their nearest decided neighbours; the capture's edges count as chrome. */
export function classifyInContext(own: LineClass[]): LineClass[] {
  const classes = [...own];
  const neighbour = (from: number, step: 1 | -1, skip: ReadonlySet<LineClass>): LineClass => {
    for (let i = from + step; i >= 0 && i < classes.length; i += step) if (!skip.has(classes[i] as LineClass)) return classes[i] as LineClass;
    return 'bad';
  };
  const shortOrNear = new Set<LineClass>(['short', 'near']);
  const shortOnly = new Set<LineClass>(['short']);
  const decided: LineClass[] = classes.map((c, i) => {
    if (c !== 'short') return c;
    const before = neighbour(i, -1, shortOrNear);
    const after = neighbour(i, 1, shortOrNear);
    if (before === 'good' && after === 'good') return 'good';
    if (before === 'bad' && after === 'bad') return 'bad';
    // One side each: the doubtful neighbours decide.
    const nearBefore = neighbour(i, -1, shortOnly);
    const nearAfter = neighbour(i, 1, shortOnly);
    return nearBefore === 'bad' || nearAfter === 'bad' ? 'bad' : 'good';
  });
  return decided.map((c, i) => {
    if (c !== 'near') return c;
    const before = neighbourIn(decided, i, -1);
    const after = neighbourIn(decided, i, 1);
    return before === 'bad' && after === 'bad' ? 'bad' : 'good';
  });
}

function neighbourIn(classes: LineClass[], from: number, step: 1 | -1): LineClass {
  for (let i = from + step; i >= 0 && i < classes.length; i += step) if (classes[i] !== 'near') return classes[i] as LineClass;
  return 'bad';
}
