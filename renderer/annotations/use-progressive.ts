import { useEffect, useState } from 'react';

/** Cards shown in the first frame: a screenful and some; the rest follow once the text is painted. */
const FIRST = 40;

/**
 * How many of `total` items to render now. A source with a thousand annotations shows its text and
 * first cards at once, and the other cards a frame later, instead of making the reader wait for all.
 */
export function useProgressive(total: number): number {
  const [limit, setLimit] = useState(FIRST);
  useEffect(() => {
    if (limit >= total) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setLimit(total), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [limit, total]);
  return Math.min(limit, total);
}
