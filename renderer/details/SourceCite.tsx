import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { copyCitation } from '../annotations/citation-copy.ts';
import { useToast } from '../app/use-toast.tsx';
import type { CitationStyle } from '../../electron/api.ts';
import { CITATION_STYLE_CHOICES } from './citation-styles.ts';

interface Formatted {
  citation: { text: string; html: string };
  bibliography: { text: string; html: string };
}

/**
 * How to cite a source, in the vault's style, as Zotero's "Copy citation" and "Copy bibliography
 * entry" give it: formatted text and HTML together, for a word processor or a plain-text field.
 * Formatted ahead of the click, so that copying happens within the click itself.
 */
export function SourceCite({ sourceId, revision, readOnly }: { sourceId: string; revision: string; readOnly: boolean }) {
  const { t } = useI18n();
  const { toast, say } = useToast();
  const [style, setStyle] = useState<CitationStyle | null>(null);
  const [formatted, setFormatted] = useState<Formatted | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.getVaultSettings({}).then((settings) => setStyle(settings.citationStyle), (failure: unknown) => setError(errorMessage(failure)));
  }, []);
  useEffect(() => {
    if (!style) return;
    let current = true;
    Promise.all([api.formatReference({ sourceIds: [sourceId], kind: 'citation', style }), api.formatReference({ sourceIds: [sourceId], kind: 'bibliography', style })]).then(
      ([citation, bibliography]) => {
        if (!current) return;
        setFormatted({ citation, bibliography });
        setError(null);
      },
      (failure: unknown) => current && setError(errorMessage(failure)),
    );
    return () => {
      current = false;
    };
  }, [sourceId, revision, style]);

  const choose = (next: CitationStyle) => {
    setStyle(next);
    // The style is the vault's: exports and the other sources follow it.
    if (!readOnly) api.updateVaultSettings({ citationStyle: next }).catch((failure: unknown) => setError(errorMessage(failure)));
  };
  const copy = (which: 'citation' | 'bibliography') => {
    if (!formatted || !style) return;
    const { text, html } = formatted[which];
    if (copyCitation({ markdown: text, html })) say(t('cite.copied', { style: t(`cite.style.${style}`) }));
  };

  return (
    <section className="details-section source-cite">
      <h2>
        {t('cite.heading')}
        <select className="section-action cite-style" aria-label={t('cite.style')} value={style ?? 'apa'} onChange={(event) => choose(event.target.value as CitationStyle)} disabled={!style}>
          {CITATION_STYLE_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`cite.style.${choice}`)}
            </option>
          ))}
        </select>
      </h2>
      {formatted && (
        <p className="cite-preview" lang="">
          {formatted.bibliography.text.trim()}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="cite-actions">
        <button type="button" onClick={() => copy('citation')} disabled={!formatted}>
          {t('cite.copyCitation')}
        </button>
        <button type="button" onClick={() => copy('bibliography')} disabled={!formatted}>
          {t('cite.copyBibliography')}
        </button>
      </div>
      {toast}
    </section>
  );
}
