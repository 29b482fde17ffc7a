import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { SourceDetail } from '../../electron/api.ts';

/**
 * "Re-extract the article": reads a text capture again from its original, with the chrome learnt
 * from the vault's other captures of its site. Offered only for a capture without annotations.
 */
export function ReextractButton({ source, readOnly }: { source: SourceDetail; readOnly: boolean }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => setMessage(null), [source.id]);
  const eligible = !readOnly && source.annotationCount === 0 && /\.(?:txt|text)$/i.test(source.original ?? '');
  if (!eligible) return null;
  const run = async () => {
    setBusy(true);
    try {
      const result = await api.reextractSource({ id: source.id, baseRevision: source.revision });
      setMessage(result.changed ? t('trim.reextracted', { before: result.wordsBefore, after: result.wordsAfter }) : t('trim.reextractUnchanged'));
    } catch (failure) {
      setMessage(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="reextract">
      <button type="button" disabled={busy} onClick={() => void run()} title={t('trim.reextractHint')}>
        {t('trim.reextract')}
      </button>
      {message && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
