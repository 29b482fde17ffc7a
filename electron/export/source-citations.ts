import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { CarnetError } from '../core/carnet-error.ts';
import type { SourceSummary } from '../vault/vault-records.ts';
import { CITATION_STYLES, isCitationStyle, type CitationStyle } from './citation-styles.ts';

export { CITATION_STYLES, type CitationStyle } from './citation-styles.ts';

/**
 * Sources as references for a reference manager: CSL-JSON, BibTeX and RIS, and a bibliography or
 * in-text citation in the vault's style (APA, Chicago author-date, ISO 690 in French), all through
 * citation-js (its parsers and citeproc, offline) rather than serialisers of our own.
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
  'publisher-place'?: string;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  page?: string;
  DOI?: string;
  URL?: string;
  archive?: string;
  number?: string;
  language?: string;
}

/** Vietnamese names put the family name first: "Nguyễn Thị Hương" is Nguyễn, Thị Hương. */
const VIETNAMESE_FAMILIES = new Set(['nguyễn', 'trần', 'lê', 'phạm', 'hoàng', 'huỳnh', 'phan', 'vũ', 'võ', 'đặng', 'bùi', 'đỗ', 'hồ', 'ngô', 'dương', 'lý', 'đinh', 'trương', 'lâm', 'mai', 'trịnh', 'đào', 'cao', 'lưu']);
/** Words that make a name an organisation's ("Ministry of Public Security", "Agence France-Presse"), kept whole. */
const BODY_WORDS = /\b(ministry|minist[èe]re|agency|agence|office|bureau|department|d[ée]partement|council|conseil|committee|comit[ée]|commission|institute|institut|university|universit[ée]|foundation|fondation|fund|fonds|association|organi[sz]ation|nations|news|press|presse|group|groupe|team|staff|r[ée]daction|service|centre|center|network|r[ée]seau|coalition|programme|program|unicef|unodc|iom|oim|ilo|oit)\b/iu;
/** Particles inside a name that only a body's name has ("Office of the…", "Ministère de la…"). */
const BODY_PARTICLES = /\s(of|for|and|the|de la|des|du|et|pour)\s/iu;

/**
 * A name as CSL-JSON wants it. "Family, Given" says the split; otherwise it is worked out: a
 * Vietnamese family name comes first, a Western one last, and a body's name is kept whole.
 */
export function cslName(name: string): CslName {
  const text = name.trim();
  const comma = /^([^,]+),\s*(.+)$/.exec(text);
  if (comma) return { family: comma[1]!.trim(), given: comma[2]!.trim() };
  const words = text.split(/\s+/);
  // One word ("Reuters", "VNA") is an organisation or a pen name, and so is a name ending in a common
  // noun ("Carnet team", "VnExpress staff"): kept whole.
  if (words.length < 2 || /^\p{Ll}/u.test(words[words.length - 1]!) || BODY_WORDS.test(text) || BODY_PARTICLES.test(` ${text} `)) return { literal: text };
  if (VIETNAMESE_FAMILIES.has(words[0]!.toLowerCase())) return { family: words[0]!, given: words.slice(1).join(' ') };
  return { family: words[words.length - 1]!, given: words.slice(0, -1).join(' ') };
}

/** Item types whose publisher's name is the container a reader looks for ("Le Monde", a site's name). */
const PERIODICAL_TYPES = new Set(['article-newspaper', 'article-magazine', 'article-journal', 'webpage', 'post-weblog']);

export type CitedSource = Pick<SourceSummary, 'id' | 'title' | 'authors' | 'publisher' | 'published' | 'url' | 'language' | 'original'> &
  Partial<Pick<SourceSummary, 'type' | 'container' | 'place' | 'accessed' | 'pages' | 'doi' | 'archive' | 'identifier'>>;

export function cslItem(source: CitedSource): CslItem {
  const type = source.type ?? (/\.pdf$/i.test(source.original ?? '') ? 'report' : source.publisher ? 'article-newspaper' : 'webpage');
  // A newspaper's name may sit in `publisher` alone (older imports, hand edits): it is the container.
  const container = source.container ?? (PERIODICAL_TYPES.has(type) ? source.publisher : undefined);
  const publisher = source.container || !PERIODICAL_TYPES.has(type) ? source.publisher : undefined;
  const issued = dateParts(source.published);
  const accessed = dateParts(source.accessed);
  return {
    id: source.id,
    type,
    title: source.title,
    ...(source.authors.length ? { author: source.authors.map(cslName) } : {}),
    ...(container ? { 'container-title': container } : {}),
    ...(publisher ? { publisher } : {}),
    ...(source.place ? { 'publisher-place': source.place } : {}),
    ...(issued ? { issued } : {}),
    ...(accessed ? { accessed } : {}),
    // A range is written with a hyphen, as CSL asks: citeproc prints the style's dash, and the BibTeX and RIS writers read the hyphen only.
    ...(source.pages ? { page: source.pages.replace(/\s*[–—‐-]\s*/gu, '-') } : {}),
    ...(source.doi ? { DOI: source.doi } : {}),
    ...(source.url ? { URL: source.url } : {}),
    ...(source.archive ? { archive: source.archive } : {}),
    ...(source.identifier ? { number: source.identifier } : {}),
    ...(source.language ? { language: source.language } : {}),
  };
}

function dateParts(day: string | undefined): { 'date-parts': number[][] } | undefined {
  const parts = day?.split('-').map(Number).filter((n) => Number.isFinite(n) && n > 0);
  return parts?.length ? { 'date-parts': [parts] } : undefined;
}

export function formatCitations(items: CslItem[], format: CitationFormat, language: 'en' | 'fr' = 'en', style: CitationStyle = 'apa'): string {
  if (format === 'csl-json') return `${JSON.stringify(items, null, 2)}\n`;
  if (format === 'bibliography') {
    const { cite, options } = styled(items, style, language);
    return cite.format('bibliography', { ...options, format: 'text' });
  }
  const cite = new Cite(items);
  // citation-js writes a day into the month ("{nov 20}"), which BibTeX cannot read: the month's own macro instead.
  if (format === 'bibtex') return (cite.format('bibtex') as string).replace(/^(\s*)month = \{(?:([a-z]{3}) \d{1,2}|(\d{1,2}))\},\n/gm, (line, indent: string, name?: string, number?: string) => {
      const month = name ?? MONTH_MACROS[Number(number) - 1];
      return month ? `${indent}month = ${month},\n` : line;
    });
  // The "old" RIS tags (A1, T1, Y1, JF): citation-js's newer ones drop a newspaper article's authors and date.
  // Its old-spec output still adds a new-spec PY line (Y1 holds the date), which makes readers take the
  // record for the new spec, where A1 means nothing: it goes.
  return withRisExtras(unwrapRis(cite.format('ris', { spec: 'old' })).replace(/^PY {2}- .*\n/gm, ''), items);
}

/** BibTeX's month macros, which every style prints in its own language. */
const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export type ReferenceKind = 'citation' | 'bibliography';

/**
 * The sources as the style writes them, as plain text and as citeproc's HTML (escaped text in
 * `<i>`, `<b>`, `<span style="font-variant:small-caps;">`, `<sup>`, `<div class="csl-entry">`; links
 * are not made): the in-text citation, "(Nguyễn et al., 2025)" for one or several sources, or the
 * bibliography's entries, one a line.
 */
export function formatReference(items: CslItem[], kind: ReferenceKind, style: CitationStyle = 'apa', language: 'en' | 'fr' = 'en'): { text: string; html: string } {
  const { cite, options } = styled(items, style, language);
  return { text: cite.format(kind, { ...options, format: 'text' }), html: cite.format(kind, { ...options, format: 'html' }) };
}

/** The items ready for citeproc, and the options that name the style and its language. */
function styled(items: CslItem[], style: CitationStyle, language: 'en' | 'fr'): { cite: Cite; options: { template: string; lang: string } } {
  const template = styleTemplate(style);
  // citeproc writes a Vietnamese (or Hungarian) item's names in their own order without a comma,
  // "Nguyễn Thị Hương"; ISO 690 inverts every name, "NGUYỄN, Thị Hương". The item's language
  // matters to nothing else this style does.
  const cite = new Cite(style === 'iso690-fr' ? items.map(({ language, ...item }) => (/^(vi|hu)\b/i.test(language ?? '') ? item : { ...item, language })) : items);
  // A French style is written in French whatever the interface's language; the others follow it.
  return { cite, options: { template, lang: style === 'iso690-fr' || language === 'fr' ? 'fr-FR' : 'en-US' } };
}

/** Our styles' files in resources/csl/, by the name citation-js knows them under ('apa' is built in). */
const STYLE_FILES: Record<Exclude<CitationStyle, 'apa'>, { template: string; file: string }> = {
  chicago: { template: 'carnet-chicago-author-date', file: 'chicago-author-date.csl' },
  'iso690-fr': { template: 'carnet-iso690-author-date-fr', file: 'iso690-author-date-fr.csl' },
};
const registered = new Set<CitationStyle>(['apa']);

/** citation-js's name for the style, its CSL file registered on first use (once per process). */
function styleTemplate(style: CitationStyle): string {
  if (!isCitationStyle(style)) {
    throw new CarnetError('invalid-input', {
      en: `Unknown citation style "${String(style)}": Carnet knows ${CITATION_STYLES.join(', ')}.`,
      fr: `Style de citation inconnu « ${String(style)} » : Carnet connaît ${CITATION_STYLES.join(', ')}.`,
    });
  }
  if (style === 'apa') return 'apa';
  const { template, file } = STYLE_FILES[style];
  if (!registered.has(style)) {
    plugins.config.get('@csl').styles!.add(template, readFileSync(styleFile(file), 'utf8'));
    registered.add(style);
  }
  return template;
}

/**
 * Where a style's file is: beside the bundle (the build copies resources/csl/ to dist/node/csl/,
 * which is packed with it), or in resources/csl/ when run from source.
 */
export function styleFile(file: string): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'csl', file), path.resolve(here, '..', '..', 'resources', 'csl', file)];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new CarnetError('not-found', {
      en: `The citation style's file ${file} is missing from this installation of Carnet.`,
      fr: `Le fichier du style de citation ${file} manque dans cette installation de Carnet.`,
    });
  }
  return found;
}

/**
 * The old spec has no tag for a DOI, an access date or a report's number, and citation-js drops them;
 * Zotero, EndNote and Mendeley read DO, Y2 (access date) and M1 in any RIS: they are added to each
 * record, with the pages (SP, EP) written right. Records come in the items' order; each is matched
 * by its place, not its ID line, which citation-js cuts to 20 characters.
 */
function withRisExtras(ris: string, items: CslItem[]): string {
  let next = 0;
  let current: CslItem | undefined;
  return ris
    .split('\n')
    .flatMap((line) => {
      if (line.startsWith('TY  -')) current = items[next++];
      // citation-js writes a range's first two characters as its start and end ("12-19" as 1 and 2): written here instead.
      if (/^(SP|EP) {2}- /.test(line) && current?.page) return [];
      if (!line.startsWith('ER  -') || !current) return [line];
      // One range ("12-19") is a start and an end; anything else ("12-19, 25-30", "e123") is written whole as the start.
      const range = current.page ? /^\s*([^,\s-]+)-([^,\s-]+)\s*$/.exec(current.page) : null;
      const [start, end] = range ? [range[1], range[2]] : [current.page, undefined];
      const accessed = current.accessed?.['date-parts'][0];
      const extras = [
        ...(start ? [`SP  - ${start}`] : []),
        ...(end ? [`EP  - ${end}`] : []),
        ...(current.DOI ? [`DO  - ${current.DOI}`] : []),
        ...(accessed ? [`Y2  - ${accessed.join('/')}`] : []),
        ...(current.number ? [`M1  - ${current.number}`] : []),
      ];
      current = undefined;
      return [...extras, line];
    })
    .join('\n');
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
