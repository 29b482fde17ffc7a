import { fromPlainText } from './txt-importer.ts';
import { decodeHtml } from './html-charset.ts';
import { isByline } from './text-capture.ts';
import { parseDate } from './metadata/dates.ts';
import { detectLanguage } from './metadata/language.ts';
import { findSignature } from './metadata/signatures.ts';
import { checkHtmlLimits } from './html-limits.ts';
import { readJsonLd } from './metadata/json-ld.ts';
import { citationFields, partialDate, readCitationMeta, savedPage } from './metadata/citation-meta.ts';
import { languageTag } from './metadata/normalise.ts';
import { EMPTY_FILE, extensionOf, importError, tidyBody, type ImportInput, type ImportedDocument } from './imported-document.ts';

/**
 * Saved web pages. jsdom parses the page with scripts off and nothing fetched; Readability finds
 * the article; DOMPurify reduces its markup to a harmless subset, which is then read as text.
 * Nothing of the page ever runs, here or later in the reader, which shows only the text.
 */

const BLOCKS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TR', 'DT', 'DD', 'TABLE', 'UL', 'OL', 'FIGURE', 'HEADER', 'FOOTER', 'ASIDE', 'MAIN']);
const KEPT_TAGS = ['p', 'div', 'section', 'article', 'li', 'ul', 'ol', 'blockquote', 'pre', 'code', 'figure', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'em', 'strong', 'i', 'b', 'a', 'span', 'table', 'tr', 'td', 'th', 'tbody', 'thead', 'dl', 'dt', 'dd', 'sup', 'sub'];

export async function importHtml(input: ImportInput): Promise<ImportedDocument> {
  const { html } = decodeHtml(input.bytes);
  if (html.trim() === '') throw importError(EMPTY_FILE);
  return fromHtml(html, input);
}

export async function fromHtml(html: string, input: ImportInput): Promise<ImportedDocument> {
  checkHtmlLimits(html);
  const [{ JSDOM, VirtualConsole }, { Readability }, createDOMPurify] = await Promise.all([import('jsdom'), import('@mozilla/readability'), import('dompurify').then((m) => m.default)]);
  // A silent console: a hostile page's CSS or markup errors are not ours to print.
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  try {
    const document = dom.window.document;
    const meta = (selector: string, attribute = 'content') => document.querySelector(selector)?.getAttribute(attribute)?.trim() || undefined;
    const jsonLd = readJsonLd(document);
    const saved = savedPage(html);
    const canonical = meta('link[rel="canonical"]', 'href') ?? meta('meta[property="og:url"]') ?? saved.url;
    const url = canonical && /^https?:\/\//i.test(canonical) ? canonical : undefined;
    const citation = readCitationMeta(document, jsonLd, url);
    const article = new Readability(document.cloneNode(true) as Document, { charThreshold: 200 }).parse();

    let paragraphs: string[] = [];
    if (article?.content) {
      const purify = createDOMPurify(dom.window as unknown as Parameters<typeof createDOMPurify>[0]);
      const clean = purify.sanitize(article.content, { ALLOWED_TAGS: KEPT_TAGS, ALLOWED_ATTR: [], RETURN_DOM: true }) as unknown as Element;
      paragraphs = blockTexts(clean);
      // Readability keeps the byline line ("Par X, le 19 novembre 2025"): it is metadata, not text.
      while (paragraphs.length > 1 && isByline(paragraphs[0]!)) paragraphs.shift();
    }
    if (paragraphs.join('').length < 40) {
      // No article found (a page that is all navigation, or a fragment): read its text like a capture.
      const text = document.body ? textWithBreaks(document.body) : '';
      if (text.trim() === '') throw importError({
          en: 'This page has no readable text (it may be empty, or made only of scripts and images). Save the article as text or PDF from your browser, and import that.',
          fr: 'Cette page n’a pas de texte lisible (elle est peut-être vide, ou faite seulement de scripts et d’images). Enregistrez l’article en texte ou en PDF depuis votre navigateur, et importez-le.',
        });
      const fallback = fromPlainText(text, input);
      fallback.original.extension = extensionOf(input.name) || 'html';
      Object.assign(fallback.metadata, citationFields(citation, saved.accessed));
      return fallback;
    }

    let publisher = citation.publisher ?? meta('meta[property="og:site_name"]') ?? article?.siteName ?? jsonLd.publisher;
    const last = paragraphs[paragraphs.length - 1] ?? '';
    const signature = findSignature(last);
    if (signature) {
      paragraphs[paragraphs.length - 1] = last.slice(0, signature.index).trimEnd();
      publisher ??= signature.publisher;
    }
    const body = tidyBody(paragraphs);
    const language = (document.documentElement.getAttribute('lang') ?? '').toLowerCase().split(/[-_]/)[0];
    const byline = article?.byline?.replace(/^(?:by|par)\s+/i, '').trim();
    const authorMeta = meta('meta[name="author"]') ?? meta('meta[property="article:author"]') ?? jsonLd.author;
    const dateText =
      (citation.published && parseDate(citation.published) ? citation.published : undefined) ??
      meta('meta[property="article:published_time"]') ??
      meta('meta[name="date"]') ??
      meta('meta[name="pubdate"]') ??
      meta('meta[name="dc.date"]') ??
      meta('time[datetime]', 'datetime') ??
      jsonLd.datePublished ??
      article?.publishedTime ??
      undefined;
    return {
      metadata: {
        // A fragment copied from a browser has no <title>: its first heading, then its first line, name it.
        title: citation.title || meta('meta[property="og:title"]') || article?.title?.trim() || document.title.trim() || document.querySelector('h1')?.textContent?.trim() || '',
        url,
        publisher,
        authors: citation.authors ?? splitAuthors(authorMeta ?? byline),
        // A scholarly page's date may be a year or a month alone: that, not the web page's posting date.
        published: partialDate(citation.published) ?? (dateText ? (parseDate(dateText) ?? undefined) : undefined),
        language: /^[a-z]{2,3}$/.test(language ?? '') ? language : (languageTag(citation.language) ?? detectLanguage(body)),
        ...citationFields(citation, saved.accessed),
      },
      body,
      original: { bytes: input.bytes, extension: extensionOf(input.name) || 'html' },
    };
  } finally {
    dom.window.close();
  }
}

/** Block elements become paragraphs; headings keep a `## ` mark, captions `_…_`, list items `• `. */
function blockTexts(root: Element): string[] {
  const out: string[] = [];
  let inline = '';
  const flush = () => {
    const text = inline.replace(/\s+/g, ' ').trim();
    if (text) out.push(text);
    inline = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      inline += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName;
    if (tag === 'BR') {
      inline += ' ';
      return;
    }
    if (!BLOCKS.has(tag)) {
      for (const child of Array.from(element.childNodes)) walk(child);
      return;
    }
    flush();
    if (/^H[1-6]$/.test(tag) || tag === 'FIGCAPTION' || tag === 'LI') {
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) out.push(tag === 'FIGCAPTION' ? `_${text.replace(/_/g, '\\_')}_` : tag === 'LI' ? `• ${text}` : `## ${text}`);
      return;
    }
    for (const child of Array.from(element.childNodes)) walk(child);
    flush();
  };
  walk(root);
  flush();
  return out;
}

/** The page's text with a line break after each block, for the capture reader. */
function textWithBreaks(root: Element): string {
  const clone = root.cloneNode(true) as Element;
  for (const element of Array.from(clone.querySelectorAll('script, style, noscript, template, svg'))) element.remove();
  for (const element of Array.from(clone.querySelectorAll('*'))) if (BLOCKS.has(element.tagName) || element.tagName === 'BR') element.append('\n\n');
  return clone.textContent ?? '';
}

function splitAuthors(text: string | undefined): string[] {
  if (!text) return [];
  return text.split(/\s*(?:,|;|\bet\b|\band\b|&)\s*/u).map((a) => a.trim()).filter((a) => a.length > 1 && a.length < 80);
}
