import { useCallback, useEffect, useRef, useState, type CSSProperties, type FocusEvent, type KeyboardEvent } from 'react';

/**
 * A table of buttons reached with one Tab stop, then moved through with the arrows, Home/End
 * (row) and Ctrl+Home/End (table), as in a spreadsheet. Cells carry `data-row` and `data-col`.
 * A table that renders its rows on demand passes `reveal`: a key that goes to a row not rendered yet
 * asks for it, and the cell takes focus once it is there.
 */
export function useGridKeys(rows: number, cols: number, reveal?: (row: number) => void) {
  const [active, setActive] = useState<[number, number]>([0, 0]);
  const pending = useRef<{ table: Element; row: number; col: number } | null>(null);
  const [row, col] = [Math.min(active[0], rows - 1), Math.min(active[1], cols - 1)];

  const tabIndex = useCallback((r: number, c: number) => (r === row && c === col ? 0 : -1), [row, col]);

  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (cell) setActive([Number(cell.dataset.row), Number(cell.dataset.col)]);
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
      if (!cell) return;
      let r = Number(cell.dataset.row);
      let c = Number(cell.dataset.col);
      const ctrl = event.ctrlKey || event.metaKey;
      switch (event.key) {
        case 'ArrowDown':
          r += 1;
          break;
        case 'ArrowUp':
          r -= 1;
          break;
        case 'ArrowRight':
          c += 1;
          break;
        case 'ArrowLeft':
          c -= 1;
          break;
        case 'Home':
          c = 0;
          if (ctrl) r = 0;
          break;
        case 'End':
          c = cols - 1;
          if (ctrl) r = rows - 1;
          break;
        default:
          return;
      }
      event.preventDefault();
      r = Math.max(0, Math.min(rows - 1, r));
      c = Math.max(0, Math.min(cols - 1, c));
      const table = cell.closest('table');
      const next = table?.querySelector<HTMLElement>(`[data-row="${r}"][data-col="${c}"]`);
      if (next) {
        setActive([r, c]);
        next.focus();
      } else if (reveal && table) {
        pending.current = { table, row: r, col: c };
        setActive([r, c]);
        reveal(r);
      }
    },
    [rows, cols, reveal],
  );

  // After each render: a cell asked for by the keyboard and now rendered takes focus.
  useEffect(() => {
    const wanted = pending.current;
    if (!wanted) return;
    const cell = wanted.table.querySelector<HTMLElement>(`[data-row="${wanted.row}"][data-col="${wanted.col}"]`);
    if (cell) {
      pending.current = null;
      cell.focus();
    }
  });

  /** The cell that takes the Tab stop, for rows memoised on it (a row outside it needs no re-render when it moves). */
  return { row, col, tabIndex, onFocus, onKeyDown };
}

/** The largest of the counts (a loop: spreading tens of thousands of arguments can overflow the stack). */
export function largest(counts: Iterable<number>): number {
  let max = 0;
  for (const count of counts) if (count > max) max = count;
  return max;
}

/** A cell's shade: stronger for bigger counts, none for zero; dark shades take light text. */
export function shade(count: number, max: number): CSSProperties | undefined {
  if (count <= 0 || max <= 0) return undefined;
  const strength = Math.round(12 + 63 * (count / max));
  return { background: `color-mix(in srgb, var(--accent) ${strength}%, transparent)`, ...(strength > 50 ? { color: 'var(--accent-text)' } : {}) };
}
