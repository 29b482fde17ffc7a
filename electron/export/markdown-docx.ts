import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type INumberingOptions,
  type ParagraphChild,
} from 'docx';
import { Lexer, type Token, type Tokens } from 'marked';

/**
 * Markdown (CommonMark + GFM, as Carnet's notes hold it) as a Word document, through marked's lexer
 * and the `docx` package: headings as Word's Heading 1–6 (so that Word's outline and a table of
 * contents find them), bold, italics, strikethrough, code and links in the text, bullet, numbered
 * and task lists at any depth, quotes in a "Quote" style (indented, a rule on the left), GFM tables,
 * code blocks in a monospace font, horizontal rules. Images are not fetched: their alt text stands
 * in. The references, when given, close the document under their heading: citeproc's entries with
 * the style's italics, each with a hanging indent, in a "Bibliography" style.
 */

export interface DocxOptions {
  /** The document's title, in its properties. */
  title: string;
  /** Its language, as Word names one: "en-US", "fr-FR", "vi-VN". */
  language: string;
  /** The bibliography: its heading and its entries as citeproc writes them in HTML (and as text, one a line, should the HTML hold none). */
  references?: { heading: string; html: string; text: string } | null;
}

interface Inline {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: boolean;
}

interface Place {
  /** How many quotes hold the block. */
  quote: number;
  /** How deep in lists, -1 outside any. */
  list: number;
}

const MONOSPACE = 'Consolas';
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;
const INDENT = 720;

export async function markdownDocx(markdown: string, options: DocxOptions): Promise<Buffer> {
  const writer = new DocxWriter();
  for (const token of new Lexer({ gfm: true }).lex(markdown)) writer.block(token, { quote: 0, list: -1 });
  if (options.references) writer.references(options.references);
  const document = new Document({
    title: options.title,
    creator: 'Carnet',
    lastModifiedBy: 'Carnet',
    styles: {
      default: { document: { run: { language: { value: options.language } } } },
      paragraphStyles: [
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true, color: '3F3A33' }, paragraph: { indent: { left: INDENT, right: INDENT }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'D6CFC2', space: 8 } } } },
        { id: 'Bibliography', name: 'Bibliography', basedOn: 'Normal', next: 'Normal', quickFormat: true, paragraph: { indent: { left: INDENT, hanging: INDENT }, spacing: { after: 120 } } },
        { id: 'CodeBlock', name: 'Code Block', basedOn: 'Normal', next: 'Normal', run: { font: MONOSPACE, size: 19 }, paragraph: { shading: { type: ShadingType.CLEAR, fill: 'F3F1EC', color: 'auto' }, spacing: { after: 120 } } },
      ],
    },
    numbering: writer.numbering(),
    sections: [{ children: writer.children }],
  });
  return Packer.toBuffer(document);
}

class DocxWriter {
  readonly children: (Paragraph | Table)[] = [];
  private readonly orderedLists: number[] = [];

  block(token: Token, place: Place): void {
    switch (token.type) {
      case 'heading': {
        const heading = token as Tokens.Heading;
        this.children.push(new Paragraph({ heading: HEADINGS[Math.min(heading.depth, 6) - 1], children: inline(heading.tokens, {}) }));
        break;
      }
      case 'paragraph':
        this.paragraph((token as Tokens.Paragraph).tokens, place);
        break;
      case 'text': {
        const text = token as Tokens.Text;
        this.paragraph(text.tokens ?? [{ type: 'text', raw: text.raw, text: text.text }], place);
        break;
      }
      case 'blockquote':
        for (const child of (token as Tokens.Blockquote).tokens) this.block(child, { ...place, quote: place.quote + 1 });
        break;
      case 'list':
        this.list(token as Tokens.List, place);
        break;
      case 'table':
        this.children.push(table(token as Tokens.Table));
        break;
      case 'code':
        this.children.push(codeBlock((token as Tokens.Code).text, place));
        break;
      case 'hr':
        this.children.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'B8B0A2', space: 1 } }, children: [] }));
        break;
      case 'html': {
        const text = htmlText((token as Tokens.HTML).text).trim();
        if (text) this.paragraph([{ type: 'text', raw: text, text, escaped: true } as Tokens.Text], place);
        break;
      }
      default:
        // 'space', 'def' (a link's definition, already applied to its links): nothing to write.
        break;
    }
  }

  /** A paragraph of text where it stands: in a quote, in a list item (after its first line), or a reference. */
  private paragraph(tokens: Token[], place: Place, bullet?: Paragraph['options']['numbering']): void {
    const indent = place.list >= 0 && !bullet ? { left: INDENT * (place.list + 1) + (place.quote > 0 ? INDENT * place.quote : 0) } : place.quote > 1 ? { left: INDENT * place.quote } : undefined;
    this.children.push(new Paragraph({ ...(place.quote > 0 ? { style: 'Quote' } : {}), ...(bullet ? { numbering: bullet } : {}), ...(indent ? { indent } : {}), children: inline(tokens, {}) }));
  }

  references({ heading, html, text }: { heading: string; html: string; text: string }): void {
    this.children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(heading)] }));
    const entries = [...html.matchAll(/<div\b[^>]*\bclass="csl-entry"[^>]*>([\s\S]*?)<\/div>/g)].map((match) => match[1]!.trim());
    const lines = entries.length > 0 ? entries.map(cslRuns) : text.split('\n').filter((line) => line.trim()).map((line) => linkedRuns(line.trim(), {}));
    for (const children of lines) this.children.push(new Paragraph({ style: 'Bibliography', children }));
  }

  private list(list: Tokens.List, place: Place): void {
    const level = Math.min(place.list + 1, 8);
    let reference = 'carnet-bullets';
    if (list.ordered) {
      // Each numbered list is its own numbering, counting from its own start (a sub-list counts from 1 under each item).
      this.orderedLists.push(typeof list.start === 'number' ? list.start : 1);
      reference = `carnet-numbers-${this.orderedLists.length - 1}`;
    }
    for (const item of list.items) {
      let first = true;
      const inner: Place = { ...place, list: level };
      for (const child of item.tokens) {
        if (first && (child.type === 'text' || child.type === 'paragraph')) {
          const tokens = (child as Tokens.Text | Tokens.Paragraph).tokens ?? [{ type: 'text', raw: child.raw, text: (child as Tokens.Text).text }];
          const box: Token[] = item.task ? [{ type: 'text', raw: '', text: item.checked ? '☑ ' : '☐ ', escaped: true } as Tokens.Text] : [];
          this.paragraph([...box, ...tokens], inner, { reference, level });
          first = false;
        } else if (child.type !== 'checkbox') {
          if (first && child.type !== 'list') {
            this.paragraph([], inner, { reference, level });
            first = false;
          }
          this.block(child, inner);
        }
      }
      if (first) this.paragraph([], inner, { reference, level });
    }
  }

  numbering(): INumberingOptions {
    const levels = (format: 'bullet' | 'number', start = 1): ILevelsOptions[] =>
      Array.from({ length: 9 }, (_, level) => ({
        level,
        format: format === 'bullet' ? LevelFormat.BULLET : [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level % 3]!,
        text: format === 'bullet' ? ['•', '◦', '▪'][level % 3]! : `%${level + 1}.`,
        alignment: AlignmentType.LEFT,
        ...(format === 'number' && level === 0 ? { start } : {}),
        style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: 360 } } },
      }));
    return {
      config: [{ reference: 'carnet-bullets', levels: levels('bullet') }, ...this.orderedLists.map((start, i) => ({ reference: `carnet-numbers-${i}`, levels: levels('number', start) }))],
    };
  }
}

function table(token: Tokens.Table): Table {
  const alignment = (align: Tokens.TableCell['align']) => (align === 'center' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT);
  const row = (cells: Tokens.TableCell[], header: boolean) =>
    new TableRow({
      ...(header ? { tableHeader: true } : {}),
      children: cells.map((cell) => new TableCell({ children: [new Paragraph({ alignment: alignment(cell.align), children: inline(cell.tokens, { bold: header }) })] })),
    });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(token.header, true), ...token.rows.map((cells) => row(cells, false))] });
}

function codeBlock(text: string, place: Place): Paragraph {
  const indent = place.list >= 0 || place.quote > 0 ? { left: INDENT * (place.list + 1 + place.quote) } : undefined;
  return new Paragraph({ style: 'CodeBlock', ...(indent ? { indent } : {}), children: text.split('\n').map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) })) });
}

/** The runs of a paragraph's inline tokens, formatting carried down into nested ones. */
function inline(tokens: Token[], format: Inline): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'strong':
        out.push(...inline((token as Tokens.Strong).tokens, { ...format, bold: true }));
        break;
      case 'em':
        out.push(...inline((token as Tokens.Em).tokens, { ...format, italics: true }));
        break;
      case 'del':
        out.push(...inline((token as Tokens.Del).tokens, { ...format, strike: true }));
        break;
      case 'codespan':
        out.push(run(decodeEntities((token as Tokens.Codespan).text), { ...format, code: true }));
        break;
      case 'br':
        out.push(new TextRun({ text: '', break: 1 }));
        break;
      case 'link': {
        const link = token as Tokens.Link;
        const children = inline(link.tokens, { ...format, link: /^(https?:|mailto:)/i.test(link.href) });
        // Only a web or mail address leads somewhere outside Carnet; a vault path or a note's link keeps its words.
        if (/^(https?:|mailto:)/i.test(link.href)) out.push(new ExternalHyperlink({ link: link.href, children: children.filter((child): child is TextRun => child instanceof TextRun) }));
        else out.push(...children);
        break;
      }
      case 'image': {
        // Never fetched (the export stays offline): the image's alt text stands in for it.
        const alt = (token as Tokens.Image).text.trim();
        out.push(run(alt ? `[${alt}]` : '[image]', { ...format, italics: true }));
        break;
      }
      case 'html':
        out.push(run(htmlText((token as Tokens.HTML).text), format));
        break;
      case 'text':
      case 'escape': {
        const text = token as Tokens.Text;
        if (text.tokens?.length) out.push(...inline(text.tokens, format));
        else out.push(run(decodeEntities(text.text).replace(/\s*\n\s*/g, ' '), format));
        break;
      }
      default:
        if ('text' in token && typeof token.text === 'string') out.push(run(token.text, format));
    }
  }
  return out;
}

function run(text: string, format: Inline): TextRun {
  return new TextRun({
    text,
    ...(format.bold ? { bold: true } : {}),
    ...(format.italics ? { italics: true } : {}),
    ...(format.strike ? { strike: true } : {}),
    ...(format.code ? { font: MONOSPACE } : {}),
    ...(format.link ? { style: 'Hyperlink' } : {}),
  });
}

/** One entry of citeproc's HTML as runs: its italics, bold, small capitals, superscripts; its addresses as links. */
function cslRuns(html: string): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const open: string[] = [];
  for (const part of html.split(/(<[^>]+>)/)) {
    const tag = /^<(\/?)([a-z]+)([^>]*)>$/i.exec(part);
    if (tag) {
      const name = /small-caps/.test(tag[3]!) ? 'smallcaps' : tag[2]!.toLowerCase();
      if (tag[1]) open.pop();
      else if (!part.endsWith('/>')) open.push(name);
    } else if (part) {
      const format: Inline & { smallCaps?: boolean; superScript?: boolean } = { italics: open.includes('i') || open.includes('em'), bold: open.includes('b') || open.includes('strong'), smallCaps: open.includes('smallcaps'), superScript: open.includes('sup') };
      out.push(...linkedRuns(decodeEntities(part), format));
    }
  }
  return out;
}

/** Text whose web addresses become links. */
function linkedRuns(text: string, format: Inline & { smallCaps?: boolean; superScript?: boolean }): ParagraphChild[] {
  return text.split(/(https?:\/\/[^\s<>"]+[^\s<>".,;:)])/).filter(Boolean).map((piece) =>
    /^https?:\/\//.test(piece) ? new ExternalHyperlink({ link: piece, children: [run(piece, { ...format, link: true })] }) : new TextRun({ text: piece, ...(format.italics ? { italics: true } : {}), ...(format.bold ? { bold: true } : {}), ...(format.smallCaps ? { smallCaps: true } : {}), ...(format.superScript ? { superScript: true } : {}) }),
  );
}

/** What raw HTML in a note shows as text: tags and scripts gone, entities read. */
function htmlText(html: string): string {
  return decodeEntities(html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '').replace(/<[^>]*>/g, ''));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}
