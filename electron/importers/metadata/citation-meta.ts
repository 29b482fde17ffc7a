import { isItem, nameOf, typesOf, type JsonLdFacts } from './json-ld.ts';
import { parseDate } from './dates.ts';
import type { SourceType } from '../../vault/vault-schemas.ts';
import type { ImportedMetadata } from '../imported-document.ts';

/**
 * The citation facts a saved page states about itself, read in order of trust: Highwire / Google
 * Scholar tags (`citation_*`), then Dublin Core and PRISM, then JSON-LD, then OpenGraph, then a DOI
 * in the page's address. Only what is stated: no type or DOI is guessed from a site's habits, and
 * a fact no tag states stays absent (the export layer makes its own guess then).
 */

export interface CitationFacts {
  title?: string;
  type?: SourceType;
  /** The journal, newspaper or site the page is part of. */
  container?: string;
  publisher?: string;
  place?: string;
  /** As stated, one entry per author; "Family, Given" kept as written, or built from JSON-LD's parts. */
  authors?: string[];
  /** The date text as the tags state it (html-importer.ts reads it). */
  published?: string;
  doi?: string;
  pages?: string;
  identifier?: string;
  language?: string;
}

export function readCitationMeta(document: Document, jsonLd: JsonLdFacts, url: string | undefined): CitationFacts {
  const tags = metaTags(document);
  const first = (...names: string[]) => names.map((name) => tags.get(name)?.[0]).find(Boolean);
  const all = (...names: string[]) => names.map((name) => tags.get(name) ?? []).find((values) => values.length > 0);
  const main = jsonLd.main;
  const ld = (key: string) => (main ? jsonLd.resolve(main[key]) : undefined);

  const container = first('citation_journal_title', 'citation_conference_title', 'prism.publicationname', 'citation_book_title') ?? partOf(main, jsonLd) ?? first('og:site_name');
  const publisher = first('citation_publisher', 'citation_technical_report_institution', 'citation_dissertation_institution', 'dc.publisher', 'dcterms.publisher') ?? nameOf(ld('publisher'));
  const first_page = first('citation_firstpage', 'prism.startingpage');
  const last_page = first('citation_lastpage', 'prism.endingpage');
  return {
    title: first('citation_title'),
    type: highwireType(tags) ?? dublinCoreType(first('dc.type', 'dcterms.type')) ?? jsonLdType(main) ?? openGraphType(tags, main),
    container,
    publisher,
    place: placeOf(ld('publisher')),
    authors: all('citation_author', 'dc.creator', 'dcterms.creator') ?? jsonLdAuthors(ld('author'), jsonLd),
    published: isoish(first('citation_publication_date', 'citation_date', 'dcterms.issued', 'dc.date.issued', 'dc.date', 'dcterms.date', 'prism.publicationdate')),
    doi: [first('citation_doi'), ...(tags.get('dc.identifier') ?? []), ...(tags.get('dcterms.identifier') ?? []), first('prism.doi'), ...jsonLdDois(main), url].map(doiOf).find(Boolean),
    pages: pagesOf(first_page, last_page) ?? (typeof main?.pagination === 'string' ? main.pagination.trim() || undefined : pagesOf(text(main?.pageStart), text(main?.pageEnd))),
    identifier: first('citation_technical_report_number') ?? text(main?.reportNumber),
    language: first('citation_language', 'dc.language', 'dcterms.language') ?? text(main?.inLanguage),
  };
}

/** `<meta name|property=… content=…>`, by lower-cased name, every value in order: `citation_author` comes once per author. */
function metaTags(document: Document): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const meta of Array.from(document.querySelectorAll('meta[content]'))) {
    const name = (meta.getAttribute('name') ?? meta.getAttribute('property'))?.trim().toLowerCase();
    const content = meta.getAttribute('content')?.replace(/\s+/g, ' ').trim();
    if (!name || !content) continue;
    const values = tags.get(name) ?? [];
    // Two co-authors may share a name (two "Wang, Li"): authors are kept in full; other repeats once.
    if (!values.includes(content) || /(?:^|[._:])(?:author|creator)$/.test(name)) values.push(content);
    tags.set(name, values);
  }
  return tags;
}

function highwireType(tags: Map<string, string[]>): SourceType | undefined {
  if (tags.has('citation_journal_title')) return 'article-journal';
  if (tags.has('citation_technical_report_institution') || tags.has('citation_technical_report_number')) return 'report';
  if (tags.has('citation_dissertation_institution')) return 'thesis';
  if (tags.has('citation_book_title')) return 'chapter';
  return undefined;
}

/** Dublin Core's `type`: free text, read only when it names a kind ("Text", "Image" name none). */
function dublinCoreType(value: string | undefined): SourceType | undefined {
  if (!value) return undefined;
  if (/\b(?:journal article|scholarly article|article-journal)\b/i.test(value)) return 'article-journal';
  if (/\b(?:newspaper article|news article|article-newspaper)\b/i.test(value)) return 'article-newspaper';
  if (/\b(?:report|rapport|working paper)\b/i.test(value)) return 'report';
  if (/\b(?:thesis|dissertation|thèse)\b/i.test(value)) return 'thesis';
  if (/\b(?:book chapter|chapter)\b/i.test(value)) return 'chapter';
  if (/\b(?:book|livre)\b/i.test(value)) return 'book';
  if (/\bdataset\b/i.test(value)) return 'dataset';
  return undefined;
}

const JSON_LD_TYPES: Record<string, SourceType> = {
  NewsArticle: 'article-newspaper', ReportageNewsArticle: 'article-newspaper', AnalysisNewsArticle: 'article-newspaper', OpinionNewsArticle: 'article-newspaper',
  ScholarlyArticle: 'article-journal', Report: 'report', BlogPosting: 'post-weblog', Book: 'book',
};

function jsonLdType(main: Record<string, unknown> | undefined): SourceType | undefined {
  for (const type of typesOf(main)) if (JSON_LD_TYPES[type]) return JSON_LD_TYPES[type];
  return undefined;
}

/** OpenGraph: an article of a named site with a publication time is a newspaper's; JSON-LD's plain Article or WebPage a web page. */
function openGraphType(tags: Map<string, string[]>, main: Record<string, unknown> | undefined): SourceType | undefined {
  const og = tags.get('og:type')?.[0]?.toLowerCase();
  if (og === 'article' && tags.has('og:site_name') && tags.has('article:published_time')) return 'article-newspaper';
  return typesOf(main).some((type) => type === 'Article' || type === 'WebPage') ? 'webpage' : undefined;
}

const CONTAINER_TYPES = new Set(['WebSite', 'Periodical', 'Newspaper', 'CreativeWorkSeries', 'Blog', 'Book', 'Product']);

/** The periodical or site the item is part of: `isPartOf`, followed past the web page and the issue to what has a name of its own. */
function partOf(main: Record<string, unknown> | undefined, jsonLd: JsonLdFacts): string | undefined {
  let item: unknown = main;
  for (let depth = 0; depth < 4 && isItem(item); depth++) {
    item = jsonLd.resolve(item.isPartOf);
    if (Array.isArray(item)) item = jsonLd.resolve(item[0]);
    if (typeof item === 'string') return item.trim() || undefined;
    if (!isItem(item)) return undefined;
    const types = typesOf(item);
    if (types.some((type) => type === 'WebPage' || type === 'PublicationIssue' || type === 'PublicationVolume')) continue;
    // A plain CreativeWork is a site's section ("News"); paywall markup names the publication as a Product.
    return types.length === 0 || types.some((type) => CONTAINER_TYPES.has(type)) ? nameOf(item) : undefined;
  }
  return undefined;
}

/** The publisher's own town (`address.addressLocality`); where the story happened is not the publisher's place. */
function placeOf(publisher: unknown): string | undefined {
  if (!isItem(publisher) || !isItem(publisher.address)) return undefined;
  return text(publisher.address.addressLocality);
}

/** JSON-LD authors, when one is given by parts (`familyName`, `givenName`): "Family, Given", so the split survives. */
function jsonLdAuthors(value: unknown, jsonLd: JsonLdFacts): string[] | undefined {
  const people = (Array.isArray(value) ? value : [value]).map(jsonLd.resolve).filter(isItem);
  if (!people.some((person) => text(person.familyName))) return undefined;
  const names = people.map((person) => {
    const family = text(person.familyName);
    const given = text(person.givenName);
    return family ? (given ? `${family}, ${given}` : family) : nameOf(person);
  });
  return names.filter((name): name is string => Boolean(name));
}

function jsonLdDois(main: Record<string, unknown> | undefined): string[] {
  if (!main) return [];
  const values = [main.identifier, main.sameAs].flatMap((value) => (Array.isArray(value) ? value : [value]));
  return values.flatMap((value) => {
    if (typeof value === 'string') return [value];
    if (isItem(value) && typeof value.value === 'string' && /^doi$/i.test(text(value.propertyID) ?? '')) return [`doi:${value.value}`];
    return [];
  });
}

/**
 * A DOI as the vault stores it (`10.1234/abc`), from `doi:10…`, `https://doi.org/10…`, a publisher's
 * `/doi/10…` address, or a bare `10.…/…` in a tag that names a DOI. Anything else is no DOI.
 */
export function doiOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const match = /^(?:doi:\s*|info:doi\/|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)$/i.exec(value.trim()) ?? /^https?:\/\/[^/?#]+\/(?:[^?#]*\/)?doi\/(?:abs\/|full\/|pdf\/|epdf\/|book\/)?(10\.\d{4,9}\/[^?#\s]+)/i.exec(value.trim());
  if (!match) return undefined;
  let doi = match[1]!;
  try {
    doi = decodeURIComponent(doi);
  } catch {
    // a stray % is part of what was written
  }
  // Sentence punctuation after a printed DOI is not part of it; a closing bracket only when unmatched.
  for (let previous = ''; previous !== doi; ) {
    previous = doi;
    doi = doi.replace(/[.,;:'"\]]+$/, '');
    if (doi.endsWith(')') && doi.split('(').length < doi.split(')').length) doi = doi.slice(0, -1);
  }
  return /^10\.\d{4,9}\/\S+$/.test(doi) ? doi : undefined;
}

/** Highwire's `2019/03/15` as `2019-03-15`, which the date reader knows; other forms as they are. */
/** A year or a month alone ("2019", "2019/06", "2019-6"), as the vault writes it; undefined for anything else. */
export function partialDate(value: string | undefined): string | undefined {
  const match = value && /^\s*(\d{4})(?:[-/](\d{1,2}))?\s*$/.exec(value);
  if (!match) return undefined;
  const month = match[2] ? Number(match[2]) : 0;
  if (month > 12) return undefined;
  return month ? `${match[1]}-${String(month).padStart(2, '0')}` : match[1];
}

function isoish(value: string | undefined): string | undefined {
  const slashed = value && /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.exec(value);
  return slashed ? `${slashed[1]}-${slashed[2]!.padStart(2, '0')}-${slashed[3]!.padStart(2, '0')}` : value;
}

function pagesOf(firstPage: string | undefined, lastPage: string | undefined): string | undefined {
  if (!firstPage) return undefined;
  return lastPage && lastPage !== firstPage ? `${firstPage}–${lastPage}` : firstPage;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value.trim() || undefined : undefined;
}

/** The facts html-importer.ts adds to what it reads itself, without a key for those not stated. */
export function citationFields(facts: CitationFacts, accessed: string | undefined): Partial<Pick<ImportedMetadata, 'type' | 'container' | 'place' | 'pages' | 'doi' | 'identifier' | 'accessed'>> {
  const { type, container, place, pages, doi, identifier } = facts;
  const fields = { type, container, place, pages, doi, identifier, accessed };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/**
 * What a page saver wrote about the capture: SingleFile's comment gives the address and the day the
 * page was saved (`saved date: Wed Nov 19 2025 10:00:00 GMT+0700`), the day it was read online.
 */
export function savedPage(html: string): { url?: string; accessed?: string } {
  const comment = /<!--\s*Page saved with SingleFile\b([\s\S]{0,2000}?)-->/i.exec(html.slice(0, 65536))?.[1];
  if (!comment) return {};
  const url = /^\s*url:\s*(https?:\/\/\S+)\s*$/im.exec(comment)?.[1];
  const date = /^\s*saved date:\s*(.+)$/im.exec(comment)?.[1];
  return { url, accessed: (date && parseDate(date)) || undefined };
}
