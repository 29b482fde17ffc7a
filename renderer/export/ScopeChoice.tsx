import { useState } from 'react';
import { useI18n, foldForMatch } from '../i18n/i18n.tsx';
import type { CodeSummary, SourceSummary } from '../../electron/api.ts';
import type { Scope, SearchToExport } from './export-choices.ts';
import { codePath } from '../codes/code-tree.ts';

interface ScopeChoiceProps {
  scope: Scope;
  onChange: (scope: Scope) => void;
  /** The source open in the centre, if any. */
  openSource: { id: string; title: string } | null;
  /** The search the dialog was opened from, if any. */
  search: SearchToExport | null;
  sources: SourceSummary[];
  codes: CodeSummary[];
}

/** Which sources or passages an export takes: the open source, chosen sources, a code's passages, a search's results or the vault. */
export function ScopeChoice({ scope, onChange, openSource, search, sources, codes }: ScopeChoiceProps) {
  const { t } = useI18n();
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<string[]>(scope.kind === 'chosen' ? scope.ids : openSource ? [openSource.id] : []);
  const [codeId, setCodeId] = useState(scope.kind === 'code' ? scope.id : (codeChoices(codes)[0]?.code.id ?? ''));
  const folded = foldForMatch(filter.trim());
  const shown = folded ? sources.filter((source) => foldForMatch(source.title).includes(folded)) : sources;
  const toggle = (id: string) => {
    const next = chosen.includes(id) ? chosen.filter((other) => other !== id) : [...chosen, id];
    setChosen(next);
    onChange({ kind: 'chosen', ids: next });
  };
  const radio = (kind: Scope['kind'], label: string, make: () => Scope, disabled = false) => (
    <label>
      <input type="radio" name="scope" checked={scope.kind === kind} disabled={disabled} onChange={() => onChange(make())} />
      <span>{label}</span>
    </label>
  );

  return (
    <fieldset className="export-choice export-scope">
      <legend>{t('export.scope')}</legend>
      {openSource ? radio('source', t('export.scope.source', { title: openSource.title }), () => ({ kind: 'source', id: openSource.id })) : radio('source', t('export.scope.noSource'), () => ({ kind: 'vault' }), true)}
      {radio('chosen', t(chosen.length === 1 ? 'export.scope.chosenOne' : 'export.scope.chosen', { count: chosen.length }), () => ({ kind: 'chosen', ids: chosen }), sources.length === 0)}
      {scope.kind === 'chosen' && (
        <div className="scope-detail">
          <input
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            // Enter in the filter finds; it does not export what is ticked so far.
            onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
            placeholder={t('sidebar.filter.sources')}
            aria-label={t('sidebar.filter.sources')}
          />
          <ul className="scope-sources" aria-label={t('export.scope.chosenList')}>
            {shown.map((source) => (
              <li key={source.id}>
                <label>
                  <input type="checkbox" checked={chosen.includes(source.id)} onChange={() => toggle(source.id)} />
                  <span>{source.title}</span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      )}
      {radio('code', t('export.scope.code'), () => ({ kind: 'code', id: codeId }), codes.length === 0)}
      {scope.kind === 'code' && (
        <div className="scope-detail">
          <select
            value={codeId}
            aria-label={t('export.scope.codeName')}
            onChange={(event) => {
              setCodeId(event.target.value);
              onChange({ kind: 'code', id: event.target.value });
            }}
          >
            {codeChoices(codes).map(({ code, path }) => (
              <option key={code.id} value={code.id}>
                {path} ({code.annotationCount})
              </option>
            ))}
          </select>
          <small className="muted">{t('export.scope.codeHint')}</small>
        </div>
      )}
      {search && radio('search', t('export.scope.searchCounts', { text: search.query.text, counts: `${t(search.passages === 1 ? 'export.count.passagesOne' : 'export.count.passages', { count: search.passages })}, ${t(search.sources === 1 ? 'export.count.sourcesOne' : 'export.count.sources', { count: search.sources })}` }), () => ({ kind: 'search', query: search.query }))}
      {radio('vault', t('export.scope.vault'), () => ({ kind: 'vault' }))}
    </fieldset>
  );
}

/** Codes by their path ("Regional cooperation › Ministerial meetings", as the Codes tab names them), in alphabetical order. */
function codeChoices(codes: CodeSummary[]): { code: CodeSummary; path: string }[] {
  return codes.map((code) => ({ code, path: codePath(codes, code.id) })).sort((a, b) => a.path.localeCompare(b.path));
}
