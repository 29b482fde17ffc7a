/**
 * The citation styles a vault can choose, by name: the contract (api.ts), the vault's settings and
 * the CLI's `--style` take these names. Nothing else here, so that the contract can import it
 * without pulling in citeproc. The styles themselves: source-citations.ts and resources/csl/.
 */

export const CITATION_STYLES = ['apa', 'chicago', 'iso690-fr'] as const;

export type CitationStyle = (typeof CITATION_STYLES)[number];

export const DEFAULT_CITATION_STYLE: CitationStyle = 'apa';

export function isCitationStyle(name: unknown): name is CitationStyle {
  return typeof name === 'string' && (CITATION_STYLES as readonly string[]).includes(name);
}
