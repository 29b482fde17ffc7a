import { useId, useMemo, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { foldForMatch, useI18n } from '../i18n/i18n.tsx';
import { codePath, codesById, codeTree, foldedCodePath } from './code-tree.ts';
import type { CodeSummary } from '../../electron/api.ts';

/** One group of a passage query: the codes picked, as chips, and a type-ahead to add more (accents and case aside). */
export function CodePicker({ label, hint, value, codes, taken, onChange }: { label: string; hint: string; value: string[]; codes: CodeSummary[]; taken: Set<string>; onChange: (ids: string[]) => void }) {
  const { t, language } = useI18n();
  const ids = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const byId = codesById(codes);

  // The first thirty matches in tree order (paths folded once per codebook, not per keystroke).
  const options = useMemo(() => {
    const needle = foldForMatch(query.trim());
    const found = [];
    for (const row of codeTree(codes, language)) {
      if (!taken.has(row.code.id) && (!needle || foldedCodePath(codes, row.code.id).includes(needle))) found.push(row);
      if (found.length === 30) break;
    }
    return found;
  }, [codes, language, query, taken]);

  const pick = (id: string) => {
    onChange([...value, id]);
    setQuery('');
    setActive(0);
    // Closed after a pick, so the list does not cover the next group; typing or ↓ opens it again.
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + options.length) % Math.max(1, options.length));
    } else if (event.key === 'Enter' && open && options[active]) {
      event.preventDefault();
      pick(options[active].code.id);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Backspace' && query === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  const activeOption = open ? options[active] : undefined;
  return (
    <div className="code-picker">
      <label className="code-picker-label" htmlFor={`${ids}-input`}>
        {label}
        <span className="hint">{hint}</span>
      </label>
      <div className="code-picker-box">
        {value.map((id) => {
          const code = byId.get(id);
          const name = code?.name ?? t('passages.unknownCode');
          return (
            <span key={id} className="chip picked-chip" style={{ '--chip-color': code?.color ?? '#888' } as CSSProperties}>
              {name}
              <button type="button" className="chip-remove" aria-label={t('passages.remove', { name })} onClick={() => onChange(value.filter((other) => other !== id))}>
                ×
              </button>
            </span>
          );
        })}
        <input
          id={`${ids}-input`}
          role="combobox"
          aria-expanded={open}
          aria-controls={`${ids}-list`}
          aria-autocomplete="list"
          aria-activedescendant={activeOption ? `${ids}-${activeOption.code.id}` : undefined}
          value={query}
          placeholder={value.length ? '' : t('passages.addCode')}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            // Text not turned into a chip is not part of the query: leaving the box drops it.
            setOpen(false);
            setQuery('');
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      {open && (
        <ul id={`${ids}-list`} role="listbox" className="code-options" aria-label={label}>
          {options.map(({ code, depth }, index) => (
            <li
              key={code.id}
              id={`${ids}-${code.id}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              style={{ paddingLeft: `${0.6 + (query ? 0 : depth)}rem` }}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(code.id);
              }}
              onMouseEnter={() => setActive(index)}
            >
              <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
              <span>{query ? codePath(codes, code.id) : code.name}</span>
            </li>
          ))}
          {options.length === 0 && <li className="code-options-empty">{t('passages.noCode')}</li>}
        </ul>
      )}
    </div>
  );
}
