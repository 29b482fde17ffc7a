import { useMemo, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { foldName, rankByName } from '../app/fuzzy-rank.ts';
import type { CodeSummary } from '../../electron/api.ts';

interface CodeTypeaheadProps {
  codes: CodeSummary[];
  selected: string[];
  onToggle: (codeId: string) => void;
  onCreate: (name: string) => void;
  onDone: () => void;
}

const SHOWN = 8;

/** Type-ahead over the codebook (fuzzy, accents aside): Enter applies the first match, or creates the code when none has that name. */
export function CodeTypeahead({ codes, selected, onToggle, onCreate, onDone }: CodeTypeaheadProps) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const matches = useMemo(() => rankByName(query, codes, (code) => [code.name, pathOf(code, byId)], SHOWN), [query, codes, byId]);
  const exists = codes.some((code) => foldName(code.name) === foldName(query));
  const canCreate = query.trim() !== '' && !exists;
  const options = matches.length + (canCreate ? 1 : 0);

  const choose = (index: number) => {
    const code = matches[index];
    if (code) onToggle(code.id);
    else if (canCreate) onCreate(query.trim());
    setQuery('');
    setActive(0);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (options > 0) setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : options - 1)) % options);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (query.trim() === '') onDone();
      else choose(active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onDone();
    }
  };

  return (
    <div className="code-typeahead">
      <input
        autoFocus
        type="text"
        className="code-typeahead-input"
        value={query}
        placeholder={t('annotation.codes.placeholder')}
        aria-label={t('annotation.codes.label')}
        role="combobox"
        aria-expanded={options > 0}
        aria-controls="code-typeahead-options"
        aria-activedescendant={options > 0 ? `code-option-${active}` : undefined}
        maxLength={200}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKey}
      />
      <ul id="code-typeahead-options" role="listbox" className="code-typeahead-options" aria-label={t('annotation.codes.label')}>
        {matches.map((code, index) => (
          <li
            key={code.id}
            id={`code-option-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'active' : undefined}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(index)}
          >
            <span className="check" aria-hidden="true">{selected.includes(code.id) ? '✓' : ''}</span>
            <span className="swatch" style={{ background: code.color } as CSSProperties} aria-hidden="true" />
            <span className="code-option-name">{pathOf(code, byId)}</span>
            <span className="muted code-option-count">{code.annotationCount}</span>
          </li>
        ))}
        {canCreate && (
          <li
            id={`code-option-${matches.length}`}
            role="option"
            aria-selected={active === matches.length}
            className={`create ${active === matches.length ? 'active' : ''}`}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(matches.length)}
          >
            {t('annotation.codes.create', { name: query.trim() })}
          </li>
        )}
        {options === 0 && <li className="muted empty">{t('annotation.codes.empty')}</li>}
      </ul>
    </div>
  );
}

/** "Parent › Child", so two sub-codes of the same name under different parents can be told apart. */
function pathOf(code: CodeSummary, byId: Map<string, CodeSummary>): string {
  const names = [code.name];
  const seen = new Set([code.id]);
  for (let parent = code.parent ? byId.get(code.parent) : undefined; parent && !seen.has(parent.id); parent = parent.parent ? byId.get(parent.parent) : undefined) {
    names.unshift(parent.name);
    seen.add(parent.id);
  }
  return names.join(' › ');
}
