import { useEffect, useId, useRef, useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ParentSelect } from './ParentSelect.tsx';
import type { CodeSummary } from '../../electron/api.ts';

/** Merges one code into another: pick the code that stays, read what will happen, confirm. */
export function MergeDialog({ code, codes, onClose, onMerged }: { code: CodeSummary; codes: CodeSummary[]; onClose: () => void; onMerged: (into: CodeSummary, moved: number) => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [into, setInto] = useState<string | null>(null);
  const [direct, setDirect] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const target = codes.find((c) => c.id === into);
  // The direct sub-codes move under the code that stays (their own sub-codes with them).
  const children = codes.filter((c) => c.parent === code.id && c.id !== into);

  useEffect(() => {
    dialog.current?.showModal();
    dialog.current?.querySelector<HTMLElement>('select')?.focus();
  }, []);

  // The passages coded with this code itself (its sub-codes keep theirs).
  useEffect(() => {
    let live = true;
    api.passagesWithCode({ codeId: code.id }).then(
      (found) => live && setDirect(found.filter((p) => p.annotation.codes.includes(code.id)).length),
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, [code.id]);

  const merge = async () => {
    if (!target) return;
    setBusy(true);
    try {
      const { moved } = await api.mergeCodes({ from: code.id, into: target.id });
      onMerged(target, moved);
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="dialog code-dialog" onClose={onClose} aria-labelledby={`${ids}-title`} aria-describedby={`${ids}-detail`}>
      <div className="dialog-header">
        <h2 id={`${ids}-title`}>{target ? t('codes.merge.confirmTitle', { from: code.name, into: target.name }) : t('codes.merge.title', { name: code.name })}</h2>
      </div>
      <div className="dialog-body">
        <label className="field">
          <span>{t('codes.merge.into')}</span>
          <ParentSelect codes={codes} self={code.id} value={into} onChange={setInto} placeholder={t('codes.merge.pick')} />
        </label>
        <div id={`${ids}-detail`} className="confirm-detail" aria-live="polite">
          {target ? (
            <>
              <p>{t('codes.merge.detail', { count: direct ?? '…', from: code.name, into: target.name })}</p>
              {children.length > 0 && <p>{t('codes.merge.children', { count: children.length, into: target.name })}</p>}
              <p>{t('codes.merge.trash', { from: code.name })}</p>
            </>
          ) : (
            <p>{t('codes.merge.explain')}</p>
          )}
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="dialog-actions dialog-footer">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" disabled={busy || !target} onClick={() => void merge()}>
          {t('codes.merge.confirm')}
        </button>
      </div>
    </dialog>
  );
}
