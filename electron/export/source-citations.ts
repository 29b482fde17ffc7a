import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import type { SourceSummary } from '../vault/vault-records.ts';

/**
 * Sources as references for a reference manager: CSL-JSON, BibTeX and RIS, and an APA bibliography,
 * all through citation-js (its parsers and citeproc, offline) rather than serialisers of our own.
 * BibTeX is written in Unicode (biblatex and modern BibTeX read it): LaTeX escapes would lose
 * Vietnamese letters such as ư and ơ, for which LaTeX has no standard command.
 */

plugins.config.get('@bibtex').format.asciiOnly = false;

export type CitationFormat = 'csl-json' | 'bibtex' | 'ris' | 'bibliography';

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: CslName[];
  'container-title'?: string;
  publisher?: string;
  issued?: { 'date-parts': number[][] };
  URL?: string;
  language?: string;
}

/** Vietnamese names put the family name first: "Nguyễn Thị Hương" is Nguyễn, Thị Hương. */
const VIETNAMESE_FAMILIES = new Set(['nguyễn', 'trần', 'lê', 'phạm', 'hoàng', 'huỳnh', 'phan', 'vũ', 'võ', 'đặng', 'bùi', 'đỗ', 'hồ', 'ngô', 'dương', 'lý', 'đinh', 'trương', 'lâm', 'mai', 'trịnh', 'đào', 'cao', 'lưu']);

export function cslName(name: string): CslName {
  const words = name.trim().split(/\s+/);
  // One word ("Reuters", "VNA") is an organisation or a pen name, and so is a name ending in a common
  // noun ("Carnet team", "VnExpress staff"): kept whole.
  if (words.length < 2 || /^\p{Ll}/u.test(words[words.length - 1]!)) return { literal: name.trim() };
  if (VIETNAMESE_FAMILIES.has(words[0]!.toLowerCase())) return { family: words[0]!, given: words.slice(1).join(' ') };
  return { family: words[words.length - 1]!, given: words.slice(0, -1).join(' ') };
}

export function cslItem(source: Pick<SourceSummary, 'id' | 'title' | 'authors' | 'publisher' | 'published' | 'url' | 'language' | 'original'>): CslItem {
  const date = source.published?.split('-').map(Number).filter((n) => Number.isFinite(n) && n > 0);
  const type = /\.pdf$/i.test(source.original ?? '') ? 'report' : source.publisher ? 'article-newspaper' : 'webpage';
  return {
    id: source.id,
    type,
    title: source.title,
    ...(source.authors.length ? { author: source.authors.map(cslName) } : {}),
    ...(source.publisher ? (type === 'report' ? { publisher: source.publisher } : { 'container-title': source.publisher }) : {}),
    ...(date?.length ? { issued: { 'date-parts': [date] } } : {}),
    ...(source.url ? { URL: source.url } : {}),
    ...(source.language ? { language: source.language } : {}),
  };
}

export function formatCitations(items: CslItem[], format: CitationFormat, language: 'en' | 'fr' = 'en'): string {
  if (format === 'csl-json') return `${JSON.stringify(items, null, 2)}\n`;
  const cite = new Cite(items);
  if (format === 'bibtex') return cite.format('bibtex');
  // The "old" RIS tags (A1, T1, Y1, JF): citation-js's newer ones drop a newspaper article's authors and date.
  // Its old-spec output still adds a new-spec PY line (Y1 holds the date), which makes readers take the
  // record for the new spec, where A1 means nothing: it goes.
  if (format === 'ris') return unwrapRis(cite.format('ris', { spec: 'old' })).replace(/^PY {2}- .*\n/gm, '');
  return cite.format('bibliography', { format: 'text', template: 'apa', lang: language === 'fr' ? 'fr-FR' : 'en-US' });
}

/**
 * citation-js cuts RIS values every 70 characters and, reading RIS, joins the pieces with a space:
 * a title came back as "… processus COMM IT". Reference managers read long lines, so the pieces are
 * put back together as they were.
 */
function unwrapRis(ris: string): string {
  const lines: string[] = [];
  for (const line of ris.split('\n')) {
    if (line !== '' && !/^[A-Z][A-Z0-9] {2}- /.test(line) && lines.length > 0) lines[lines.length - 1] += line;
    else lines.push(line);
  }
  return lines.join('\n');
}
