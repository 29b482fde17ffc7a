import { doiOf } from './citation-meta.ts';
import type { ImportedMetadata } from '../imported-document.ts';

/**
 * What a PDF states about itself: its info dictionary (Title, Author, a custom `doi` key), its XMP
 * metadata (Dublin Core, PRISM, as pdfjs parses it), and a DOI printed on its first page. The
 * file's CreationDate says when the PDF was made, not when the text was published: never read.
 */

export interface PdfMetadataSource {
  info: Record<string, unknown>;
  /** pdfjs's `Metadata`: `get(name)` (names lower-cased) and `getRaw()` (the XMP text). */
  metadata?: { get(name: string): unknown; getRaw(): unknown } | null;
}

export type PdfCitation = Pick<ImportedMetadata, 'authors'> & Partial<Pick<ImportedMetadata, 'title' | 'type' | 'container' | 'publisher' | 'doi'>>;

/** A DOI as printed: `doi:10.…`, `DOI 10.…`, `https://doi.org/10.…`. */
const PRINTED_DOI = /(?:\bdoi\s*:?\s*|https?:\/\/(?:dx\.)?doi\.org\/)(10\.\d{4,9}\/[^\s"<>]+)/i;
const XMP_DOI = /<(?:prism|pdfx|crossmark):doi>\s*([^<]+)<|\b(?:prism|pdfx|crossmark):doi\s*=\s*"([^"]+)"/i;

export function pdfCitation({ info, metadata }: PdfMetadataSource, firstPage: string): PdfCitation {
  const xmp = (name: string) => {
    try {
      return metadata?.get(name.toLowerCase()) ?? metadata?.get(name);
    } catch {
      return undefined;
    }
  };
  const xmpText = (name: string) => {
    const value = xmp(name);
    const text = Array.isArray(value) ? value.find((v) => typeof v === 'string' && v.trim()) : value;
    return typeof text === 'string' && text.trim() ? text.trim() : undefined;
  };
  const raw = (() => {
    try {
      const value = metadata?.getRaw();
      return typeof value === 'string' ? value : '';
    } catch {
      return '';
    }
  })();
  const creators = xmp('dc:creator');
  const xmpAuthors = Array.isArray(creators) ? creators.filter((c): c is string => typeof c === 'string').map((c) => c.trim()).filter(Boolean) : [];
  const infoTitle = typeof info.Title === 'string' && info.Title.trim().length > 3 ? info.Title.trim() : undefined;
  const custom = info.Custom && typeof info.Custom === 'object' ? (info.Custom as Record<string, unknown>) : {};
  const customDoi = Object.entries(custom).find(([key]) => /^doi$/i.test(key))?.[1];
  const xmpDoi = XMP_DOI.exec(raw);
  const doi = [typeof customDoi === 'string' ? customDoi : undefined, xmpDoi?.[1] ?? xmpDoi?.[2], xmpText('dc:identifier'), PRINTED_DOI.exec(firstPage)?.[1]]
    .map(doiOf)
    .find(Boolean);
  const container = xmpText('prism:publicationName');
  const facts: PdfCitation = {
    title: infoTitle,
    authors: xmpAuthors.length ? xmpAuthors : splitPdfAuthors(info.Author),
    container,
    publisher: xmpText('dc:publisher'),
    doi,
    // A journal's name and a DOI say a journal article; anything else is left to the export's guess (a report).
    type: doi && container ? 'article-journal' : undefined,
  };
  for (const key of Object.keys(facts) as (keyof PdfCitation)[]) if (facts[key] === undefined) delete facts[key];
  return facts;
}

/** The info dictionary's one Author string, several names in it: "A; B", "A and B", "A et B", "A & B". */
export function splitPdfAuthors(value: unknown): string[] {
  if (typeof value !== 'string' || !value.trim()) return [];
  return value
    .split(/\s*;\s*/u)
    .flatMap(splitPersons)
    .map((name) => name.trim())
    .filter(Boolean);
}

/**
 * "Smith, J. and Doe, K." or "Jane Roe and John Doe" are two people; "Food and Agriculture
 * Organization" or "Ministère de l'Europe et des Affaires étrangères" is one body: split on
 * and/et/& only when every part reads as a person's name (a comma in each, or two or three
 * capitalised words each).
 */
function splitPersons(name: string): string[] {
  const parts = name.split(/\s+(?:and|et|&)\s+/u);
  if (parts.length < 2) return [name];
  const person = (part: string) => /^[^,]+,\s*\S/u.test(part) || /^(\p{Lu}[\p{L}.'’-]*\s+){1,2}\p{Lu}[\p{L}'’-]+$/u.test(part.trim());
  return parts.every(person) ? parts : [name];
}
