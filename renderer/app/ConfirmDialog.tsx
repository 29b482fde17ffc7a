import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';

export interface ConfirmRequest {
  title: string;
  detail: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
}

/** A modal question with one action; the action's failure is shown in place, and the dialog stays. */
export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest; onClose: () => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const confirm = async () => {
    setBusy(true);
    try {
      await request.onConfirm();
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="dialog confirm-dialog" onClose={onClose} aria-labelledby="confirm-title">
      <h2 id="confirm-title">{request.title}</h2>
      <p className="confirm-detail">{request.detail}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className={request.danger ? 'danger' : 'primary'} disabled={busy} onClick={() => void confirm()} autoFocus>
          {request.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
