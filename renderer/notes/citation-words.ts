import type { Citation } from '../../electron/api.ts';
import type { MessageKey } from '../i18n/en.ts';

/** i18n.tsx's `t`, named here without its React module (the chips are also used where no JSX is compiled). */
type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A citation's state as a mark, beside the words (never instead of them). */
export const STATE_MARKS: Record<Citation['state'], string> = { verified: '✓', changed: '≠', 'needs-review': '?', missing: '✕' };

/** A citation's state in words: what is wrong, not only that something is. */
export function citationStateText(t: Translate, citation: Pick<Citation, 'state' | 'missing'>): string {
  if (citation.state === 'missing') return t(citation.missing === 'source' ? 'citation.state.missingSource' : citation.missing === 'annotation' ? 'citation.state.missingAnnotation' : 'citation.state.missingPassage');
  return t(citation.state === 'verified' ? 'citation.state.verified' : citation.state === 'changed' ? 'citation.state.changed' : 'citation.state.needsReview');
}

/** The chip's label: the source's short title (unless the note names it right after), its year, the PDF page. */
export function citationLabel(t: Translate, citation: Pick<Citation, 'source' | 'page'>, titled = false): string {
  if (!citation.source) return t('citation.noSource');
  const parts = [titled ? '' : shortTitle(citation.source.title), citation.source.published?.slice(0, 4) ?? '', citation.page ? t('citation.page', { page: String(citation.page) }) : ''];
  return parts.filter(Boolean).join(', ');
}

/** A title cut between words near 28 characters: chips stay compact in running text. */
export function shortTitle(title: string, max = 28): string {
  const flat = title.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max);
  return `${flat.slice(0, cut > max / 2 ? cut : max).replace(/[\s,;:–—-]+$/, '')}…`;
}
