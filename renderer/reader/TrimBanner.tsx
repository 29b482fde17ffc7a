import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Icon } from '../app/icons.tsx';
import type { TrimActions } from './trim-actions.ts';
import type { SourceDetail } from '../../electron/api.ts';

/** How long the "Removed N paragraphs — Undo" line stays at the foot of the window. */
const STATUS_MS = 8000;

/**
 * Under the byline of a capture imported whole (`extraction: uncertain`): why, what to do, and the
 * trimming actions; or why trimming is not offered. The last action's line, with Undo after a
 * removal, shows at the foot of the window too, where the user is reading.
 */
export function TrimBanner({ source, readOnly, trim }: { source: SourceDetail; readOnly: boolean; trim: TrimActions }) {
  const { t } = useI18n();
  const [shown, setShown] = useState<number | null>(null);
  const status = trim.status;
  useEffect(() => {
    if (!status) return;
    setShown(status.n);
    const timer = window.setTimeout(() => setShown(null), STATUS_MS);
    return () => window.clearTimeout(timer);
  }, [status]);

  const foot = status && shown === status.n && status.text && (
    <div className="toast-region trim-toast-region" role="status">
      <div className="toast trim-toast">
        {status.text}
        {status.undo && trim.canUndo && trim.offered && (
          <button type="button" className="link-button" disabled={trim.busy} onClick={trim.undo}>
            {t('trim.undo')}
          </button>
        )}
      </div>
    </div>
  );
  if (!trim.flagged) return foot || null;
  return (
    <>
      <section className="trim-banner" aria-label={t('trim.bannerTitle')}>
        <p>
          <Icon name="warning" /> <strong>{t('trim.bannerTitle')}</strong> {t('trim.bannerText')}
          {trim.offered && ` ${t('trim.howTo')}`}
        </p>
        {readOnly ? (
          <p className="muted">{t('trim.readOnly')}</p>
        ) : trim.annotated ? (
          <p className="muted">{t('trim.annotated')}</p>
        ) : (
          source.original && <p className="muted">{t('trim.original', { path: source.original })}</p>
        )}
        {!readOnly && (
          <div className="trim-actions">
            <button type="button" className="primary" disabled={trim.busy} onClick={trim.markChecked}>
              {trim.offered ? t('trim.done') : t('trim.checked')}
            </button>
            {trim.offered && trim.canUndo && (
              <button type="button" disabled={trim.busy} onClick={trim.undo}>
                {t('trim.undo')}
              </button>
            )}
            {trim.offered && (
              <button type="button" disabled={trim.busy} onClick={trim.restoreWhole}>
                {t('trim.restoreWhole')}
              </button>
            )}
          </div>
        )}
      </section>
      {foot}
    </>
  );
}
