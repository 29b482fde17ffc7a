import type { SourceType } from '../../electron/api.ts';

/** The item types the details pane offers, most common first (a hand-written other CSL type is shown too). */
export const OFFERED_TYPES: readonly SourceType[] = ['article-newspaper', 'webpage', 'report', 'article-journal', 'book', 'document', 'post-weblog', 'article-magazine'];
