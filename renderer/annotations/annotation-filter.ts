import { foldForMatch } from '../i18n/i18n.tsx';
import type { Annotation, AnnotationAnchor, AnnotationState, CodeSummary } from '../../electron/api.ts';

export interface AnnotationFilter {
  text: string;
  code: string;
  color: string;
  state: AnnotationState | '';
}

export const NO_FILTER: AnnotationFilter = { text: '', code: '', color: '', state: '' };

export interface PaneEntry {
  annotation: Annotation;
  anchor: AnnotationAnchor;
  color: string;
}

/** The code and every code under it: filtering by "Cooperation" shows passages coded with its sub-codes too. */
export function withDescendants(codeId: string, codes: CodeSummary[]): Set<string> {
  const found = new Set([codeId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const code of codes) {
      if (code.parent && found.has(code.parent) && !found.has(code.id)) {
        found.add(code.id);
        grew = true;
      }
    }
  }
  return found;
}

/** The entries in document order (passages not found last), narrowed by the pane's filters. */
export function filterEntries(entries: PaneEntry[], filter: AnnotationFilter, codes: CodeSummary[]): PaneEntry[] {
  const wanted = foldForMatch(filter.text.trim());
  const codeSet = filter.code ? withDescendants(filter.code, codes) : null;
  const names = new Map(codes.map((c) => [c.id, c.name]));
  return entries
    .filter(({ annotation, anchor, color }) => {
      if (filter.state && anchor.state !== filter.state) return false;
      if (filter.color && color !== filter.color) return false;
      if (codeSet && !annotation.codes.some((id) => codeSet.has(id))) return false;
      if (wanted === '') return true;
      const haystack = [annotation.quote.exact, annotation.comment, ...annotation.codes.map((id) => names.get(id) ?? '')].join('\n');
      return foldForMatch(haystack).includes(wanted);
    })
    .sort((a, b) => startOf(a.anchor) - startOf(b.anchor));
}

function startOf(anchor: AnnotationAnchor): number {
  return anchor.state === 'orphan' ? Number.MAX_SAFE_INTEGER : anchor.start;
}
