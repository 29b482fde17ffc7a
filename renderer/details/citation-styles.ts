import type { CitationStyle } from '../../electron/api.ts';

/** The styles offered, in the order the menus show them. */
export const CITATION_STYLE_CHOICES: readonly CitationStyle[] = ['apa', 'chicago', 'iso690-fr'];
