import { PathIcon } from '../app/icons.tsx';
import type { Translate } from '../i18n/i18n.tsx';
import type { CitationState } from '../../electron/api.ts';

/** One stroked shape per state, so a state reads without its colour (and without its words). */
export const STATE_ICONS: Record<CitationState, string> = {
  verified: 'M5 12.5l4.5 4.5L19 7.5',
  changed: 'M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4',
  'needs-review': 'M12 3a9 9 0 1 0 0 18a9 9 0 0 0 0-18zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.5v.7M12 16.8v.2',
  missing: 'M12 3a9 9 0 1 0 0 18a9 9 0 0 0 0-18zM9 9l6 6M15 9l-6 6',
};

/** Quotation marks: the Citations report's icon. */
export const CITATIONS_ICON = 'M5 7h5v5c0 3-1.6 5-4.5 6M14 7h5v5c0 3-1.6 5-4.5 6';

/** A citation's state in colour, shape and words: colour alone would leave some readers out. */
export function StateBadge({ state, t }: { state: CitationState; t: Translate }) {
  return (
    <span className={`citation-state state-${state}`}>
      <PathIcon d={STATE_ICONS[state]} />
      {t(`citationReport.state.${state}`)}
    </span>
  );
}
