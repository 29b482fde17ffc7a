import { memo, type CSSProperties } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { Paragraph } from './body-segments.ts';
import { TrimMenu } from './trim-menu.tsx';
import type { ParagraphTrim } from './trim-actions.ts';

interface ReaderBodyProps {
  paragraphs: Paragraph[];
  /** Each placed annotation's colour, by id. */
  colors: Map<string, string>;
  focusedId?: string;
  /** While a capture imported whole is trimmed: a ⋯ menu in each paragraph's margin. */
  trim?: ParagraphTrim | undefined;
}

/**
 * The body's paragraphs. Every run of text is one text node in an element with `data-start`, its
 * offset in the body: that is how a selection becomes a passage (annotations/reader-selection.ts).
 * Overlapping passages stack: the innermost colour fills, the outer one underlines.
 */
export const ReaderBody = memo(function ReaderBody({ paragraphs, colors, focusedId, trim }: ReaderBodyProps) {
  const { t } = useI18n();
  return (
    <>
      {paragraphs.map((paragraph, index) => {
        if (paragraph.kind === 'page') {
          return (
            <div key={paragraph.start} className="page-marker" id={`page-${paragraph.page}`} role="separator" aria-label={t('reader.page', { page: paragraph.page ?? 0 })}>
              <span>{t('reader.page', { page: paragraph.page ?? 0 })}</span>
            </div>
          );
        }
        const Tag = paragraph.kind === 'heading' ? 'h2' : 'p';
        return (
          <Tag key={paragraph.start} className={[paragraph.kind === 'text' ? '' : `body-${paragraph.kind}`, trim ? 'trimmable' : ''].filter(Boolean).join(' ') || undefined}>
            {trim && <TrimMenu index={index} trim={trim} />}
            {paragraph.segments.map((segment) => {
              if (segment.annotationIds.length === 0) {
                return (
                  <span key={segment.start} data-start={segment.start}>
                    {segment.text}
                  </span>
                );
              }
              const ids = segment.annotationIds;
              const inner = colors.get(ids[ids.length - 1] as string) ?? '#ffd400';
              const outer = ids.length > 1 ? (colors.get(ids[ids.length - 2] as string) ?? inner) : inner;
              return (
                <mark
                  key={segment.start}
                  data-start={segment.start}
                  data-annotations={ids.join(' ')}
                  data-depth={Math.min(ids.length, 3)}
                  className={focusedId && ids.includes(focusedId) ? 'focused' : undefined}
                  style={{ '--mark-color': inner, '--outer-color': outer } as CSSProperties}
                >
                  {segment.text}
                </mark>
              );
            })}
          </Tag>
        );
      })}
    </>
  );
});
