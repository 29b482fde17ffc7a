import { useId } from 'react';
import { PathIcon } from '../app/icons.tsx';
import { STATE_ICONS } from './StateBadge.tsx';
import { PROBLEM_STATES, STATE_ORDER, isProblemsOnly, type Choice } from './citation-report-model.ts';
import type { Translate } from '../i18n/i18n.tsx';
import type { CitationState } from '../../electron/api.ts';

interface CitationFiltersProps {
  states: readonly CitationState[] | undefined;
  /** Per state, within the note and source chosen. */
  counts: Record<CitationState, number>;
  total: number;
  noteId: string | undefined;
  sourceId: string | undefined;
  notes: Choice[];
  sources: Choice[];
  onStates: (states: CitationState[] | undefined) => void;
  onNote: (noteId: string | undefined) => void;
  onSource: (sourceId: string | undefined) => void;
  t: Translate;
}

/** The report's filters: toggles by state (none pressed: all states), and a note and a source to narrow to. */
export function CitationFilters(props: CitationFiltersProps) {
  const { states, counts, t } = props;
  const all = !states || states.length === 0;
  const problemsOnly = isProblemsOnly(states);
  const toggle = (state: CitationState) => {
    const current = states ?? [];
    const next = current.includes(state) ? current.filter((s) => s !== state) : [...current, state];
    props.onStates(next.length ? STATE_ORDER.filter((s) => next.includes(s)) : undefined);
  };
  return (
    <section className="citation-filters" aria-label={t('citationReport.filters')}>
      <div className="citation-state-filters" role="group" aria-label={t('citationReport.filter.states')}>
        {/* Two sets, so a narrow pane wraps between them rather than leaving one state alone on a line. */}
        <span className="chip-set">
        <button type="button" className="chip-button" aria-pressed={all} onClick={() => props.onStates(undefined)}>
          {t('citationReport.filter.all')} <span className="count">{props.total}</span>
        </button>
        <button type="button" className="chip-button problems-toggle" aria-pressed={problemsOnly} onClick={() => props.onStates(problemsOnly ? undefined : [...PROBLEM_STATES])}>
          {t('citationReport.filter.problems')} <span className="count">{PROBLEM_STATES.reduce((sum, state) => sum + counts[state], 0)}</span>
        </button>
        </span>
        <span className="chip-set">
        {STATE_ORDER.map((state) => (
          <button key={state} type="button" className={`chip-button state-toggle state-${state}`} aria-pressed={!all && states.includes(state)} onClick={() => toggle(state)}>
            <PathIcon d={STATE_ICONS[state]} />
            {t(`citationReport.filter.${state}`)} <span className="count">{counts[state]}</span>
          </button>
        ))}
        </span>
      </div>
      <div className="citation-selects">
        <ChoiceSelect label={t('citationReport.filter.note')} anyLabel={t('citationReport.filter.allNotes')} value={props.noteId} choices={props.notes} onChange={props.onNote} />
        <ChoiceSelect label={t('citationReport.filter.source')} anyLabel={t('citationReport.filter.allSources')} value={props.sourceId} choices={props.sources} onChange={props.onSource} />
      </div>
    </section>
  );
}

function ChoiceSelect({ label, anyLabel, value, choices, onChange }: { label: string; anyLabel: string; value: string | undefined; choices: Choice[]; onChange: (id: string | undefined) => void }) {
  // A note or source no longer cited (renamed away, deleted) still shows as chosen, so the filter can be undone.
  const known = !value || choices.some((choice) => choice.id === value);
  // The label outside the select, so the select's name is the label alone, not its options' words too.
  const id = useId();
  return (
    <span className="citation-select">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">{anyLabel}</option>
        {!known && <option value={value}>{value}</option>}
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.label} ({choice.count})
          </option>
        ))}
      </select>
    </span>
  );
}
