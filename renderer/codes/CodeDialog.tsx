import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { foldForMatch, useI18n } from '../i18n/i18n.tsx';
import { ColourPicker } from './ColourPicker.tsx';
import { ParentSelect } from './ParentSelect.tsx';
import { CODE_PALETTE, makesCycle, unusedColour } from './code-tree.ts';
import type { CodeSummary } from '../../electron/api.ts';

export type CodeField = 'name' | 'colour' | 'description' | 'parent';

export interface CodeDialogRequest {
  /** The code to edit, or none to create one. */
  code?: CodeSummary;
  /** A new code's parent. */
  parent?: string;
  /** The field the dialog opens at (rename, recolour, describe, move). */
  focus?: CodeField;
}

/** Creates a code or changes one: name, colour, description and place in the tree, in one small form. */
export function CodeDialog({ request, codes, onClose, onSaved }: { request: CodeDialogRequest; codes: CodeSummary[]; onClose: () => void; onSaved: (code: CodeSummary) => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const { code } = request;
  const [name, setName] = useState(code?.name ?? '');
  const [colour, setColour] = useState(code?.color ?? unusedColour(codes, CODE_PALETTE));
  const [description, setDescription] = useState(code?.description ?? '');
  const [parent, setParent] = useState<string | null>(code ? (code.parent ?? null) : (request.parent ?? null));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focus = request.focus ?? 'name';

  useEffect(() => {
    dialog.current?.showModal();
    // React's autoFocus runs before showModal, which would move focus again: focus the field asked for afterwards.
    dialog.current?.querySelector<HTMLElement>('[data-autofocus="true"]')?.focus();
  }, []);

  const trimmed = name.trim();
  // Two codes side by side may not share a name (case and accents aside); under different parents they may.
  const duplicate = codes.find((other) => other.id !== code?.id && (other.parent ?? null) === parent && foldForMatch(other.name.trim()) === foldForMatch(trimmed));
  const cycle = code ? makesCycle(codes, code.id, parent) : false;
  const problem = cycle
    ? t('codes.form.cycle', { name: code?.name ?? '', parent: codes.find((c) => c.id === parent)?.name ?? '' })
    : duplicate
      ? t('codes.form.duplicate', { name: duplicate.name })
      : null;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!trimmed || problem) return;
    setBusy(true);
    try {
      const saved = code
        ? await api.updateCode({
            id: code.id,
            ...(trimmed !== code.name ? { name: trimmed } : {}),
            ...(colour !== code.color ? { color: colour } : {}),
            ...(description !== (code.description ?? '') ? { description } : {}),
            ...(parent !== (code.parent ?? null) ? { parent } : {}),
          })
        : await api.createCode({ name: trimmed, color: colour, ...(description.trim() ? { description } : {}), ...(parent ? { parent } : {}) });
      onSaved(saved);
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="dialog code-dialog" onClose={onClose} aria-labelledby={`${ids}-title`}>
      <form onSubmit={(event) => void save(event)}>
        <div className="dialog-header">
          <h2 id={`${ids}-title`}>{code ? t('codes.form.editTitle', { name: code.name }) : t('codes.form.createTitle')}</h2>
        </div>
        <div className="dialog-body">
          <label className="field">
            <span>{t('codes.form.name')}</span>
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required data-autofocus={focus === 'name'} onFocus={(e) => e.target.select()} />
          </label>
          <div className="field" role="group" aria-labelledby={`${ids}-colour`}>
            <span id={`${ids}-colour`}>{t('codes.form.colour')}</span>
            <ColourPicker value={colour} onChange={setColour} autoFocus={focus === 'colour'} />
          </div>
          <label className="field">
            <span>{t('codes.form.description')}</span>
            <textarea rows={3} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={10000} data-autofocus={focus === 'description'} placeholder={t('codes.form.descriptionHint')} />
          </label>
          <label className="field">
            <span>{t('codes.form.parent')}</span>
            <ParentSelect codes={codes} self={code?.id} value={parent} onChange={setParent} autoFocus={focus === 'parent'} />
          </label>
          {(problem ?? error) && (
            <p className="form-error" role="alert">
              {problem ?? error}
            </p>
          )}
        </div>
        <div className="dialog-actions dialog-footer">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !trimmed || problem !== null}>
            {code ? t('codes.form.save') : t('codes.form.create')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
