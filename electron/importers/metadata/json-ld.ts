/**
 * A page's JSON-LD (schema.org) read for what it states about the page: its kind, its author,
 * its dates, where it was published. Scripts are parsed as data, never run; `@graph` lists are
 * flattened and `{"@id": …}` references followed within the page, as Yoast and most CMSs write them.
 */

type Item = Record<string, unknown>;

export interface JsonLdFacts {
  /** The first publisher, author and date named anywhere, as html-importer.ts has always read them. */
  publisher?: string;
  author?: string;
  datePublished?: string;
  /** The item that describes the page itself (the article, report, book…), when one does. */
  main?: Item;
  /** Follows an `{"@id": …}` reference to the item of the page that holds it; other values as they are. */
  resolve: (value: unknown) => unknown;
}

/** schema.org types, most telling first: the page is the first of these the JSON-LD holds. */
const MAIN_TYPES = [
  'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'ScholarlyArticle', 'Report', 'BlogPosting', 'Book',
  'Article', 'WebPage',
];

export function readJsonLd(document: Document): JsonLdFacts {
  const items: Item[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    for (const item of Array.isArray(data) ? data : [data]) {
      if (!isItem(item)) continue;
      items.push(item);
      if (Array.isArray(item['@graph'])) items.push(...item['@graph'].filter(isItem));
    }
  }
  const byId = new Map<string, Item>();
  for (const item of items) if (typeof item['@id'] === 'string' && !byId.has(item['@id'])) byId.set(item['@id'], item);
  const resolve = (value: unknown): unknown => {
    if (isItem(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) return byId.get(value['@id']) ?? value;
    return value;
  };
  const facts: JsonLdFacts = { resolve };
  for (const item of items) {
    facts.datePublished ??= typeof item.datePublished === 'string' ? item.datePublished : undefined;
    facts.publisher ??= nameOf(resolve(item.publisher));
    const author = item.author;
    facts.author ??= Array.isArray(author) ? author.map((a) => nameOf(resolve(a))).filter(Boolean).join(', ') || undefined : nameOf(resolve(author));
  }
  for (const type of MAIN_TYPES) {
    facts.main = items.find((item) => typesOf(item).includes(type));
    if (facts.main) break;
  }
  return facts;
}

export function typesOf(item: unknown): string[] {
  if (!isItem(item)) return [];
  const type = item['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^(?:https?:\/\/)?schema\.org\//, ''));
}

export function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (isItem(value) && typeof value.name === 'string') return value.name.trim() || undefined;
  return undefined;
}

export function isItem(value: unknown): value is Item {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
