import { Icon } from '../app/icons.tsx';
import { HighlightedText } from './HighlightedText.tsx';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { SearchHit } from '../../electron/api.ts';

/** One result, as the search pane and quick open both show it: title and snippet with the words that matched. */
export function SearchHitItem({ hit, selected, onOpen, onHover, footer }: { hit: SearchHit; selected: boolean; onOpen: () => void; onHover: () => void; footer?: ReactNode }) {
  const item = useRef<HTMLLIElement>(null);
  // Moving through the results from the keyboard keeps the selected one in sight. The pointer
  // selects on moving, not on entering: a list scrolling under a still pointer must not steal the selection.
  useEffect(() => {
    if (selected) item.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <li ref={item} role="option" aria-selected={selected}>
      <button type="button" className={`search-hit ${selected ? 'selected' : ''}`} onClick={onOpen} onMouseMove={selected ? undefined : onHover}>
        <span className="hit-title">
          <Icon name={hit.kind === 'note' ? 'note' : hit.kind === 'annotation' ? 'code' : 'source'} />
          <span>
            {/* An annotation carries its source's title, which is not what matched. */}
            <HighlightedText text={hit.title} ranges={hit.kind === 'annotation' ? [] : hit.titleHighlights} />
          </span>
        </span>
        <span className="hit-snippet">
          <HighlightedText text={hit.snippet.text} ranges={hit.snippet.highlights} />
        </span>
        {footer}
      </button>
    </li>
  );
}

/** Arrow keys move through a result list from its text box; Enter opens the selected result. */
export function listKeys(event: KeyboardEvent, count: number, select: (move: (index: number) => number) => void, open: () => void): void {
  if (event.key === 'ArrowDown') {
    event.preventDefault();
    select((index) => Math.min(index + 1, count - 1));
  } else if (event.key === 'ArrowUp') {
    event.preventDefault();
    select((index) => Math.max(index - 1, 0));
  } else if (event.key === 'Enter') {
    event.preventDefault();
    open();
  }
}
