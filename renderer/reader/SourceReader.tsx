import type { CSSProperties } from 'react';
import { useEffect, useMemo, useRef } from 'react';
import { formatDate, useI18n } from '../i18n/i18n.tsx';
import { Icon } from '../app/icons.tsx';
import { anchorAnnotations, segmentBody } from './anchor.ts';
import { codeColor, useSource } from './use-source.ts';
import type { VaultData } from '../app/use-vault-data.ts';

interface SourceReaderProps {
  id: string;
  annotationId?: string;
  data: VaultData;
  readOnly: boolean;
  onSelectAnnotation: (annotationId: string) => void;
  onOpenExternal: (url: string) => void;
  onDelete: (title: string) => void;
}

/** A source as a researcher reads it: metadata on top, the clean body in a readable measure, passages highlighted in their code's colour. */
export function SourceReader({ id, annotationId, data, readOnly, onSelectAnnotation, onOpenExternal, onDelete }: SourceReaderProps) {
  const { t, language } = useI18n();
  const { loaded, error } = useSource(id, data.revision);
  const article = useRef<HTMLElement>(null);

  const paragraphs = useMemo(() => {
    if (!loaded) return [];
    const { anchored } = anchorAnnotations(loaded.source.body, loaded.annotations.annotations);
    return segmentBody(loaded.source.body, anchored);
  }, [loaded]);

  useEffect(() => {
    if (!annotationId || !loaded) return;
    const mark = article.current?.querySelector(`[data-annotations~="${CSS.escape(annotationId)}"]`);
    mark?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [annotationId, loaded]);

  if (error) return <div className="centre-message" role="alert">{error}</div>;
  if (!loaded) return <div className="centre-message" aria-busy="true" />;
  const { source } = loaded;
  const byline = [source.publisher, source.authors.join(', '), formatDate(source.published, language)].filter(Boolean);

  return (
    <article className="reader" ref={article} lang={source.language}>
      <header className="reader-header">
        <p className="kind-label">
          <Icon name="source" /> {t('reader.source')}
        </p>
        <h1>{source.title}</h1>
        {byline.length > 0 && <p className="byline">{byline.join(' · ')}</p>}
        {!source.published && <p className="byline muted">{t('reader.noDate')}</p>}
        <div className="reader-actions">
          {source.url && (
            <button type="button" className="link-button" onClick={() => onOpenExternal(source.url as string)} title={source.url}>
              <Icon name="external" /> {hostOf(source.url)}
            </button>
          )}
          {!readOnly && (
            <button type="button" className="link-button danger-text" onClick={() => onDelete(source.title)}>
              <Icon name="trash" /> {t('reader.delete')}
            </button>
          )}
        </div>
      </header>
      <div className="reader-body">
        {paragraphs.map((paragraph) => {
          if (paragraph.kind === 'page') {
            return (
              <div key={paragraph.start} className="page-marker" id={`page-${paragraph.page}`} role="separator" aria-label={t('reader.page', { page: paragraph.page ?? 0 })}>
                <span>{t('reader.page', { page: paragraph.page ?? 0 })}</span>
              </div>
            );
          }
          const Tag = paragraph.kind === 'heading' ? 'h2' : 'p';
          return (
            <Tag key={paragraph.start} className={paragraph.kind === 'text' ? undefined : `body-${paragraph.kind}`}>
              {paragraph.segments.map((segment) =>
                segment.annotationIds.length === 0 ? (
                  <span key={segment.start}>{segment.text}</span>
                ) : (
                  <mark
                    key={segment.start}
                    data-annotations={segment.annotationIds.join(' ')}
                    className={segment.annotationIds.includes(annotationId ?? '') ? 'focused' : undefined}
                    style={{ '--mark-color': annotationColor(loaded.annotations.annotations, segment.annotationIds, data) } as CSSProperties}
                    onClick={() => onSelectAnnotation(segment.annotationIds[segment.annotationIds.length - 1] as string)}
                  >
                    {segment.text}
                  </mark>
                ),
              )}
            </Tag>
          );
        })}
      </div>
    </article>
  );
}

function annotationColor(annotations: { id: string; codes: string[] }[], ids: string[], data: VaultData): string {
  const innermost = annotations.find((a) => a.id === ids[ids.length - 1]);
  return codeColor(data.codes, innermost?.codes ?? []) ?? '#e9b949';
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
