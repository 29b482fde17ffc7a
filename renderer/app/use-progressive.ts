import { useCallback, useEffect, useState } from 'react';

/**
 * How many of a long list's rows to render: `first` at once, then `step` more a frame, until all
 * `total` are there. The first screen shows without waiting for thousands of rows (a codebook of
 * 5,000 codes); the rest follows while the page stays responsive. A new `key` (another list, another
 * filter) starts again from `first`; new data under the same key (a reload) keeps the rows shown.
 */
export function useProgressive(total: number, key: string, first: number, step: number): number {
  const [progress, setProgress] = useState({ key, limit: first });
  // Another list: start again (during render, as React allows for state derived from props).
  if (progress.key !== key) setProgress({ key, limit: first });
  const limit = progress.key === key ? progress.limit : first;
  useEffect(() => {
    if (limit >= total) return;
    let timer = 0;
    // After the frame that shows what is there, so each batch is painted before the next is built.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setProgress({ key, limit: limit + step }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [key, limit, total, step]);
  return Math.min(limit, total);
}

/**
 * A table of thousands of rows (the matrix of a large codebook) renders its first `first` rows, and
 * `step` more whenever the end of what is shown comes near the screen (the `sentinel`, an element put
 * after the table) or the keyboard asks for a row further down (`reveal`): a table lays out as a
 * whole, so building all of it would take seconds and keep doing so on every batch.
 */
export function useRowsOnDemand(total: number, first: number, step: number) {
  const [limit, setLimit] = useState(first);
  const [sentinel, setSentinel] = useState<HTMLElement | null>(null);
  const shown = Math.min(limit, total);

  useEffect(() => {
    if (!sentinel || shown >= total) return;
    // Observed anew after each batch: still in sight means another batch.
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setLimit((current) => Math.max(current, shown + step));
    }, { rootMargin: '1200px 0px' });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [sentinel, shown, total, step]);

  const reveal = useCallback((row: number) => setLimit((current) => Math.max(current, row + 1 + step)), [step]);
  return { shown, sentinel: setSentinel, reveal, complete: shown >= total };
}
