import { useEffect, useState } from 'react';
import { formatDate, useI18n } from '../i18n/i18n.tsx';
import { useSource } from '../reader/use-source.ts';
import { SourceMetadataForm } from './SourceMetadataForm.tsx';
import { SourceCite } from './SourceCite.tsx';
import { ReextractButton } from './ReextractButton.tsx';
import { Field } from './Field.tsx';
import { Icon } from '../app/icons.tsx';
import type { VaultData } from '../app/use-vault-data.ts';

/** A source's details: its citation fields (editable), how to cite it, and where its files are. */
export function SourceDetails({ id, data, onOpenExternal, onNotice }: { id: string; data: VaultData; onOpenExternal: (url: string) => void; onNotice: (text: string) => void }) {
  const { t, language } = useI18n();
  const { loaded } = useSource(id, data.revision, false);
  const [editing, setEditing] = useState(false);
  useEffect(() => setEditing(false), [id]);
  if (!loaded) return null;
  const { source } = loaded;
  return (
    <>
      <section className="details-section">
        <h2>
          {t('details.metadata')}
          {!editing && !data.info?.readOnly && (
            <button type="button" className="link-button section-action" onClick={() => setEditing(true)}>
              {t('details.editMetadata')}
            </button>
          )}
        </h2>
        {editing && data.info && !data.info.readOnly ? (
          <SourceMetadataForm source={source} vaultId={data.info.id} onDone={() => setEditing(false)} onLeaveFailed={onNotice} />
        ) : (
        <dl className="fields">
          {source.type && <Field label={t('field.type')}>{t(`type.${source.type}`)}</Field>}
          <Field label={t('field.title')}>{source.title}</Field>
          {source.authors.length > 0 && <Field label={t('field.authors')}>{source.authors.join('; ')}</Field>}
          {source.container && <Field label={t('field.container')}>{source.container}</Field>}
          {source.publisher && <Field label={t('field.publisher')}>{source.publisher}</Field>}
          {source.place && <Field label={t('field.place')}>{source.place}</Field>}
          <Field label={t('field.published')}>{source.published ? formatDate(source.published, language) : <span className="muted">{t('field.unknown')}</span>}</Field>
          {source.accessed && <Field label={t('field.accessed')}>{formatDate(source.accessed, language)}</Field>}
          {source.pages && <Field label={t('field.pages')}>{source.pages}</Field>}
          {source.doi && (
            <Field label={t('field.doi')}>
              <button type="button" className="link-button break" onClick={() => onOpenExternal(`https://doi.org/${source.doi as string}`)}>
                {source.doi}
              </button>
            </Field>
          )}
          {source.identifier && <Field label={t('field.identifier')}>{source.identifier}</Field>}
          {source.archive && <Field label={t('field.archive')}>{source.archive}</Field>}
          {source.language && <Field label={t('field.language')}>{languageName(source.language, language)}</Field>}
          {source.url && (
            <Field label={t('field.url')}>
              <button type="button" className="link-button break" onClick={() => onOpenExternal(source.url as string)}>
                {source.url}
              </button>
            </Field>
          )}
          <Field label={t('field.imported')}>{formatDate(source.imported, language, true)}</Field>
          {source.extraction === 'uncertain' && (
            <Field label={t('trim.field')}>
              <span className="trim-field">
                <Icon name="warning" /> {t('trim.fieldValue')}
              </span>
            </Field>
          )}
          <Field label={t('field.file')}>
            <code className="break">{source.path}</code>
          </Field>
          {source.original && (
            <Field label={t('field.original')}>
              <code className="break">{source.original}</code>
            </Field>
          )}
        </dl>
        )}
        {!editing && <ReextractButton source={source} readOnly={data.info?.readOnly ?? true} />}
      </section>
      {!editing && <SourceCite sourceId={source.id} revision={source.revision} readOnly={data.info?.readOnly ?? true} />}
    </>
  );
}


function languageName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
