import { useEffect, type RefObject } from 'react';
import { clearHighlight, findRanges, scrollToRange, showHighlight } from './text-highlighter.ts';

/**
 * Keeps `terms` highlighted under `name` in the container, following its content as it loads or
 * changes (a source arriving, a note being typed in). Scrolls to the first match once, if asked.
 */
export function useTermHighlight(
  container: RefObject<HTMLElement | null>,
  name: string,
  terms: string[],
  options: { scrollOnce: boolean; wholeWords: boolean },
  onCount?: (ranges: Range[]) => void,
): void {
  const { scrollOnce, wholeWords } = options;
  const key = terms.join('\u0000');
  useEffect(() => {
    const root = container.current;
    if (!root || terms.length === 0) {
      clearHighlight(name);
      onCount?.([]);
      return;
    }
    let scrolled = !scrollOnce;
    let timer: number | null = null;
    const apply = () => {
      timer = null;
      const ranges = findRanges(root, terms, wholeWords);
      showHighlight(name, ranges);
      onCount?.(ranges);
      if (!scrolled && ranges[0]) {
        scrolled = true;
        scrollToRange(ranges[0]);
      }
    };
    apply();
    const observer = new MutationObserver(() => {
      if (timer === null) timer = window.setTimeout(apply, 80);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      if (timer !== null) window.clearTimeout(timer);
      clearHighlight(name);
    };
  }, [container, name, key, scrollOnce, wholeWords]); // eslint-disable-line react-hooks/exhaustive-deps
}
