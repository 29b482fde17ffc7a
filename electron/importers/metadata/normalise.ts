import { detectLanguage } from './language.ts';
import { webAddress } from '../../core/web-address.ts';
import { titleFromFileName, type ImportedMetadata } from '../imported-document.ts';
import { SOURCE_TYPES } from '../../vault/vault-schemas.ts';

/**
 * What an importer read, made fit for the vault's schema whatever the file claimed: a title that
 * is never empty, a language as a BCP 47 primary subtag, only web addresses for the URL. A file's
 * odd values are corrected or dropped here, so that the source always reads back.
 */

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en', anglais: 'en', french: 'fr', francais: 'fr', vietnamese: 'vi', vietnamien: 'vi', 'tieng viet': 'vi',
  thai: 'th', khmer: 'km', cambodian: 'km', lao: 'lo', laotian: 'lo', burmese: 'my', birman: 'my', chinese: 'zh', chinois: 'zh',
  spanish: 'es', espagnol: 'es', espanol: 'es', german: 'de', allemand: 'de', deutsch: 'de', portuguese: 'pt', italian: 'it', italien: 'it',
  russian: 'ru', arabic: 'ar', arabe: 'ar', indonesian: 'id', japanese: 'ja', korean: 'ko', dutch: 'nl',
};

const NO_LANGUAGE = new Set(['und', 'zxx', 'mul', 'mis']);
const THREE_LETTER: Record<string, string> = {
  eng: 'en', fra: 'fr', fre: 'fr', vie: 'vi', tha: 'th', khm: 'km', lao: 'lo', mya: 'my', bur: 'my', zho: 'zh', chi: 'zh', cmn: 'zh',
  spa: 'es', deu: 'de', ger: 'de', por: 'pt', ita: 'it', rus: 'ru', ara: 'ar', arb: 'ar', ind: 'id', jpn: 'ja', kor: 'ko', nld: 'nl', dut: 'nl',
};

const MAX_TITLE = 300;

export function normaliseMetadata(metadata: ImportedMetadata, body: string, fileName: string): ImportedMetadata {
  return {
    title: cleanTitle(metadata.title) || titleFromBody(body) || titleFromFileName(fileName),
    url: webAddress(metadata.url),
    publisher: oneLine(metadata.publisher) || undefined,
    // The details pane sends back at most 1,000 names of 300 characters: more could never be saved again.
    authors: metadata.authors.map(oneLine).filter((author) => author !== '' && author.length <= 300).slice(0, 1000),
    published: metadata.published && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(metadata.published) ? metadata.published : undefined,
    language: languageTag(metadata.language) ?? detectLanguage(body),
    ...citationFacts(metadata),
  };
}

type CitationKey = 'type' | 'container' | 'place' | 'accessed' | 'pages' | 'doi' | 'archive' | 'identifier';

/**
 * The citation facts the vault's schema accepts, and only those: a known CSL type, a real DOI, a
 * full date. A container that is the publisher's own name is written once, as the publisher: the
 * exports read a periodical's publisher as its container, and search filters by publisher.
 */
function citationFacts(metadata: ImportedMetadata): Partial<Pick<ImportedMetadata, CitationKey>> {
  // A value longer than the details pane accepts is left out, not cut: a cut page range or number would be wrong.
  const line = (value: string | undefined, max = 500) => {
    const text = cleanTitle(value);
    return text && text.length <= max ? text : undefined;
  };
  const publisher = oneLine(metadata.publisher).toLowerCase();
  // A site's name written as its address ("https://example.com") names nothing the exports can print.
  const container = /^(?:https?:\/\/|www\.)/i.test(metadata.container?.trim() ?? '') ? undefined : line(metadata.container);
  const facts: Partial<Pick<ImportedMetadata, CitationKey>> = {
    type: SOURCE_TYPES.find((type) => type === metadata.type),
    container: container && container.toLowerCase() !== publisher ? container : undefined,
    place: line(metadata.place, 200),
    accessed: metadata.accessed && /^\d{4}-\d{2}-\d{2}$/.test(metadata.accessed) ? metadata.accessed : undefined,
    pages: line(metadata.pages, 50),
    doi: metadata.doi && /^10\.\d{4,9}\/\S+$/.test(metadata.doi) && metadata.doi.length <= 300 ? metadata.doi : undefined,
    archive: line(metadata.archive),
    identifier: line(metadata.identifier, 200),
  };
  for (const key of Object.keys(facts) as CitationKey[]) if (facts[key] === undefined) delete facts[key];
  return facts;
}

/** `en-US`, `fr_FR`, `FR`, `English`, `français` → `en` / `fr`; anything else → undefined. */
export function languageTag(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const text = value.trim();
  const tag = /^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$/.exec(text);
  if (tag) {
    const primary = tag[1]!.toLowerCase();
    // "No language", "several", "undetermined" name none; ISO 639-2/3 codes become the two letters the vault stores.
    if (NO_LANGUAGE.has(primary)) return undefined;
    return THREE_LETTER[primary] ?? primary;
  }
  const name = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ');
  return LANGUAGE_NAMES[name];
}


function oneLine(value: string | undefined): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  return (value ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function cleanTitle(value: string | undefined): string {
  const line = oneLine(value);
  if (line.length <= MAX_TITLE) return line;
  return `${line.slice(0, MAX_TITLE).replace(/\s+\S*$/, '')}…`;
}

/** The first heading of the body, else its first line: what a reader would call the text. */
function titleFromBody(body: string): string {
  const lines = body.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('<!--'));
  const heading = lines.find((line) => /^#{1,6} /.test(line));
  const first = heading ? heading.replace(/^#{1,6} /, '') : (lines[0] ?? '');
  const words = cleanTitle(first.replace(/^[•_]\s*|_$/g, ''));
  return words.length > 120 ? `${words.slice(0, 120).replace(/\s+\S*$/, '')}…` : words;
}
