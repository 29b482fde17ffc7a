// citation-js ships no types: what Carnet calls, as its documentation (citation.js.org) describes it.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(format: 'bibtex' | 'ris' | 'data' | 'bibliography' | 'citation', options?: { format?: 'text' | 'html'; template?: string; lang?: string; type?: 'string' | 'json'; spec?: 'old' | 'new' | 'mixed' }): string;
    data: Record<string, unknown>[];
  }
  export const plugins: {
    config: { get(name: string): { format: Record<string, unknown>; constants?: Record<string, unknown>; styles?: { add(name: string, xml: string): void; has(name: string): boolean } } };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
