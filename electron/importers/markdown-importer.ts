import { Lexer, type Token, type Tokens } from 'marked';
import { parseFrontMatter } from '../vault/front-matter.ts';
import { parseDate } from './metadata/dates.ts';
import { detectLanguage } from './metadata/language.ts';
import { decode } from './txt-importer.ts';
import { EMPTY_FILE, extensionOf, importError, tidyBody, titleFromFileName, type ImportInput, type ImportedDocument, type ImportedMetadata } from './imported-document.ts';

/**
 * Markdown files (notes exported from other tools, articles saved by clippers): front matter
 * fields where present, the first heading as title, and the text reduced to the source body's
 * plain form, so that what the reader shows is exactly what annotations point into.
 */
export async function importMarkdown(input: ImportInput): Promise<ImportedDocument> {
  let text = decode(input);
  if (text.trim() === '') throw importError(EMPTY_FILE);
  let fields: Record<string, unknown> = {};
  if (/^---\r?\n/.test(text)) {
    try {
      const parsed = parseFrontMatter(text);
      fields = parsed.data as Record<string, unknown>;
      text = parsed.body;
    } catch {
      // Not front matter after all (a horizontal rule at the top): keep the text as it is.
    }
  }
  const tokens = new Lexer().lex(text);
  const paragraphs: string[] = [];
  let title = stringField(fields, 'title');
  for (const token of tokens) {
    if (token.type === 'heading' && !title && (token as Tokens.Heading).depth === 1) {
      title = plain((token as Tokens.Heading).tokens);
      continue;
    }
    paragraphs.push(...blockText(token));
  }
  const body = tidyBody(paragraphs);
  if (body === '') throw importError({ en: 'This Markdown file has a title but no text: there is nothing to import.', fr: 'Ce fichier Markdown a un titre mais pas de texte : il n’y a rien à importer.' });
  const metadata: ImportedMetadata = {
    title: title || titleFromFileName(input.name),
    url: stringField(fields, 'url') ?? stringField(fields, 'source'),
    publisher: stringField(fields, 'publisher') ?? stringField(fields, 'site'),
    authors: listField(fields, 'authors') ?? listField(fields, 'author') ?? [],
    published: parseDate(String(fields.published ?? fields.date ?? '')) ?? undefined,
    language: stringField(fields, 'language') ?? stringField(fields, 'lang') ?? detectLanguage(body),
  };
  return { metadata, body, original: { bytes: input.bytes, extension: extensionOf(input.name) || 'md' } };
}

function blockText(token: Token): string[] {
  switch (token.type) {
    case 'heading': {
      const heading = token as Tokens.Heading;
      return [`${'#'.repeat(Math.min(Math.max(heading.depth, 2), 6))} ${plain(heading.tokens)}`];
    }
    case 'paragraph':
      return [plain((token as Tokens.Paragraph).tokens)];
    case 'blockquote':
      return (token as Tokens.Blockquote).tokens.flatMap(blockText);
    case 'list':
      return (token as Tokens.List).items.map((item) => `• ${item.tokens.flatMap(blockText).join(' ')}`);
    case 'code':
      return [(token as Tokens.Code).text];
    case 'table': {
      const table = token as Tokens.Table;
      return [table.header, ...table.rows].map((row) => row.map((cell) => plain(cell.tokens)).join(' | '));
    }
    case 'text':
      return [('tokens' in token && token.tokens ? plain(token.tokens) : (token as Tokens.Text).text)];
    case 'html':
      return [(token as Tokens.HTML).text.replace(/<[^>]*>/g, ' ')];
    default:
      return [];
  }
}

/** Inline Markdown to its visible text: emphasis and links keep their words, images their alt text. */
function plain(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((token) => {
      if ('tokens' in token && Array.isArray(token.tokens) && token.type !== 'codespan') return plain(token.tokens);
      if (token.type === 'image') return (token as Tokens.Image).text;
      if (token.type === 'br') return ' ';
      if (token.type === 'html') return '';
      return 'text' in token ? String(token.text) : '';
    })
    .join('')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

function stringField(fields: Record<string, unknown>, key: string): string | undefined {
  const value = fields[key];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function listField(fields: Record<string, unknown>, key: string): string[] | undefined {
  const value = fields[key];
  if (typeof value === 'string' && value.trim()) return [value.trim()];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return undefined;
}
