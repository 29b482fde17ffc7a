import type { JSONContent } from '@tiptap/core';

/**
 * Random note documents in the note editor's schema (ProseMirror JSON), for the round-trip property
 * test: paragraphs of text full of Markdown-significant characters and diacritics, combined marks,
 * headings, nested bullet / ordered / task lists, quotes, code blocks with backticks, rules, tables,
 * wikilinks, footnote references, hard breaks.
 *
 * The generator only makes documents Markdown can represent; what it cannot is normalised here, never
 * in the comparison:
 * - no text at the start or end of a paragraph, heading or cell is a space, nor next to a hard break
 *   (Markdown drops them), and a hard break is never first, last or doubled; no two spaces in a row
 *   and no inline code with spaces at its ends in a table cell (@tiptap/extension-table collapses them);
 * - no empty paragraph or heading (an empty paragraph is no Markdown at all);
 * - a mark covers no space at its ends and a marked run has a space (or a hard break) on both sides:
 *   `**a.**b` is not bold in Markdown, `**a** ` is;
 * - adjacent text nodes with the same marks are merged, as ProseMirror does;
 * - a list always has its marker, and two lists side by side never the same one (Markdown would make
 *   one list of them);
 * - a table cell holds one paragraph without hard breaks, a column has one alignment;
 * - inline code has no other mark (the schema's `code` excludes them all), highlighted text no `=`.
 */

/** A small seeded PRNG (mulberry32): the same seed gives the same documents. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'Nguyễn', 'Thị', 'Hương', 'Đà Nẵng', 'Hội An', 'Trần', 'Quốc', 'Vượng', 'Phạm', 'Quỳnh', 'Hồ Chí Minh',
  'สมชาย', 'เชียงใหม่', 'กรุงเทพ', 'ខ្មែរ', 'សុខ', 'Sok Chea', 'Battambang', 'enquête', 'façon', 'élève', 'où',
  'notes', 'field', 'report', 'archives', 'œuvre', 'naïve', 'Ayutthaya', 'Lê Lợi', 'Mekong', 'ngữ',
];
/** Words that mean something to Markdown (or to this editor) when they start a line or sit next to others. */
const SIGNIFICANT = [
  '#', '##', '###', '*', '**', '_', '__', '[', ']', '[a]', '(b)', '[x](y)', '!', '![', '`', '``', '~', '~~', '|', '>', '-', '--', '---',
  '+', '1.', '2)', '10.', '\\', '\\*', 'snake_case', '_lead', 'trail_', 'a*b*c', '~x~', '[[Note]]', '[^1]', '$x$', '$5', '&amp;',
  '<b>', '==hl==', '=', '===', '- [ ]', '[!note]', '```', '~~~', '{#id}', '1986.', ':--', '--:', '*x*', '**y**', '\\#', '1\\.',
];
const CODE_WORDS = ['x', 'a_b', '*p', '**', '[i]', '|', '<t>', '&lt;', '\\n', 'ễ', 'ไทย', '$x$', '# h', '~', '``', '` a `', '## ', ' - ', ' 1. ', '[ ] '];
const CODE_LINES = [
  'const x = `template ${y}`;', '```', '````js', '~~~', '    indented', '# not a heading', '- item', '| a | b |', 'if (a < b && c > d) {}',
  'print("Hội An")', '', '\\escaped', '<div>', '[[Note]]', 'lambda: x ** 2', '\tTab',
];
const HREFS = [
  'https://example.org/', 'https://example.org/path?q=1&r=2', 'carnet://source/abc#p12', 'https://fr.wikipedia.org/wiki/Hội_An',
  'https://example.org/a_(b)', 'mailto:sok.chea@example.org', 'attachments/scan.png', 'https://example.org/~user/',
];
const WIKI = ['[[Nguyễn Văn Thành]]', '[[Somsak|Somsak Chaiyaphum]]', '[[Chronologie#1975]]', '![[carte-mekong.png]]', '[[Ayutthaya#Chute|la chute]]', '[[Lê Lợi]]'];
const RAW_INLINE = ['[^1]', '[^note-pbc]', '$\\lambda$', '$x^2$'];
const MARKS = ['bold', 'italic', 'strike', 'link', 'highlight'] as const;

export class NoteGenerator {
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = prng(seed);
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }

  /** One to four words, no space at either end. */
  private words(pool: readonly string[] = []): string {
    const count = this.int(1, 4);
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push(pool.length && this.chance(0.5) ? this.pick(pool) : this.chance(0.6) ? this.pick(WORDS) : this.pick(SIGNIFICANT));
    return out.join(' ');
  }

  private marks(): JSONContent['marks'] {
    if (!this.chance(0.45)) return undefined;
    // Inline code excludes every other mark in the schema (`excludes: '_'`): the editor never makes `**`x`**`.
    if (this.chance(0.15)) return [{ type: 'code' }];
    const marks: NonNullable<JSONContent['marks']> = [];
    for (const name of MARKS) {
      if (!this.chance(0.3)) continue;
      if (name === 'link') marks.push({ type: 'link', attrs: { href: this.pick(HREFS), title: this.chance(0.2) ? 'Titre « cité »' : null } });
      else marks.push({ type: name });
    }
    return marks.length ? marks : undefined;
  }

  /** A run of inline content: marked or plain words, wikilinks, footnote references, separated by spaces or hard breaks. */
  inline(options: { breaks: boolean; min?: number; cell?: boolean }): JSONContent[] {
    const count = this.int(options.min ?? 1, 5);
    const nodes: JSONContent[] = [];
    for (let i = 0; i < count; i++) {
      if (i > 0) nodes.push(options.breaks && this.chance(0.15) ? { type: 'hardBreak' } : { type: 'text', text: ' ' });
      const roll = this.random();
      if (roll < 0.1) nodes.push({ type: 'wikiLink', attrs: { raw: this.pick(WIKI) } });
      else if (roll < 0.14) nodes.push({ type: 'rawInline', attrs: { markdown: this.pick(RAW_INLINE) } });
      else {
        const marks = this.marks();
        const code = marks?.some((mark) => mark.type === 'code');
        // A table cell's spaces are collapsed and trimmed by @tiptap/extension-table, inline code's too.
        let text = code ? (options.cell ? this.codeText().trim() || 'x' : this.codeText()) : this.words();
        // @tiptap/extension-highlight reads `==…==` up to the first `=`, escaped or not: highlighted text has none.
        if (marks?.some((mark) => mark.type === 'highlight')) text = text.replace(/=/g, '').replace(/ {2,}/g, ' ').trim() || 'hl';
        nodes.push(marks ? { type: 'text', text, marks } : { type: 'text', text });
      }
    }
    return mergeText(nodes);
  }

  private codeText(): string {
    const count = this.int(1, 3);
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push(this.pick(CODE_WORDS));
    // Spaces at the ends stay (`` `## ` ``): in code they are content. Never only spaces, nor two in a row.
    return out.join(' ').replace(/ {2,}/g, ' ').replace(/^ $/, 'x') || 'x';
  }

  paragraph(breaks = true, cell = false): JSONContent {
    return { type: 'paragraph', content: this.inline({ breaks, cell }) };
  }

  private heading(): JSONContent {
    return { type: 'heading', attrs: { level: this.int(1, 6) }, content: this.inline({ breaks: false }) };
  }

  private codeBlock(): JSONContent {
    const lines: string[] = [];
    const count = this.int(1, 4);
    for (let i = 0; i < count; i++) lines.push(this.pick(CODE_LINES));
    // A code block's text never ends with an empty line here: its last line ending is the fence's.
    const text = lines.join('\n').replace(/\n+$/, '') || 'x';
    return { type: 'codeBlock', attrs: { language: this.chance(0.5) ? this.pick(['js', 'python', 'text']) : null }, content: [{ type: 'text', text }] };
  }

  private list(depth: number): JSONContent {
    const kind = this.pick(['bulletList', 'orderedList', 'taskList'] as const);
    const items: JSONContent[] = [];
    const count = this.int(1, 3);
    for (let i = 0; i < count; i++) {
      const content: JSONContent[] = [this.paragraph()];
      if (depth < 3 && this.chance(0.35)) content.push(this.list(depth + 1));
      else if (this.chance(0.1)) content.push(this.chance(0.5) ? this.codeBlock() : this.paragraph());
      items.push(kind === 'taskList' ? { type: 'taskItem', attrs: { checked: this.chance(0.5) }, content } : { type: 'listItem', content });
    }
    if (kind === 'orderedList') return { type: kind, attrs: { start: this.chance(0.8) ? 1 : this.int(0, 30), marker: this.pick(['.', ')']) }, content: items };
    return { type: kind, attrs: { marker: this.pick(['-', '*', '+']) }, content: items };
  }

  private table(): JSONContent {
    const columns = this.int(1, 4);
    const aligns = Array.from({ length: columns }, () => this.pick([null, 'left', 'center', 'right']));
    const rows: JSONContent[] = [];
    const count = this.int(2, 4);
    for (let r = 0; r < count; r++) {
      const cells = aligns.map((align) => ({
        type: r === 0 ? 'tableHeader' : 'tableCell',
        attrs: { colspan: 1, rowspan: 1, colwidth: null, align },
        content: [r > 0 && this.chance(0.1) ? { type: 'paragraph' } : this.paragraph(false, true)],
      }));
      rows.push({ type: 'tableRow', content: cells });
    }
    return { type: 'table', content: rows };
  }

  private blockquote(depth: number): JSONContent {
    const content: JSONContent[] = [];
    const count = this.int(1, 3);
    for (let i = 0; i < count; i++) content.push(this.block(depth + 1, true));
    return { type: 'blockquote', content: separateLists(content) };
  }

  block(depth = 0, inQuote = false): JSONContent {
    const roll = this.random();
    if (roll < 0.3) return this.paragraph();
    if (roll < 0.42) return this.heading();
    if (roll < 0.6) return this.list(1);
    if (roll < 0.68 && depth < 2) return this.blockquote(depth);
    if (roll < 0.78) return this.codeBlock();
    if (roll < 0.84 && !inQuote) return { type: 'horizontalRule' };
    if (roll < 0.94 && !inQuote) return this.table();
    return this.paragraph();
  }

  document(): JSONContent {
    const count = this.int(1, 8);
    const content: JSONContent[] = [];
    for (let i = 0; i < count; i++) content.push(this.block());
    return { type: 'doc', content: separateLists(content) };
  }
}

const FAMILY: Record<string, string> = { bulletList: 'bullet', taskList: 'bullet', orderedList: 'ordered' };
const OTHER: Record<string, string> = { '-': '*', '*': '+', '+': '-', '.': ')', ')': '.' };

/** Two lists side by side of one family get different markers (else Markdown joins them). */
function separateLists(nodes: JSONContent[]): JSONContent[] {
  let previous: JSONContent | null = null;
  for (const node of nodes) {
    const family = FAMILY[node.type ?? ''];
    if (family && previous && FAMILY[previous.type ?? ''] === family && previous.attrs?.marker === node.attrs?.marker) {
      node.attrs = { ...node.attrs, marker: OTHER[String(node.attrs?.marker)] };
    }
    previous = node;
  }
  return nodes;
}

function sameMarks(a: JSONContent, b: JSONContent): boolean {
  return JSON.stringify(a.marks ?? []) === JSON.stringify(b.marks ?? []);
}

/** Adjacent text nodes with the same marks are one text node. */
function mergeText(nodes: JSONContent[]): JSONContent[] {
  const out: JSONContent[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (last && last.type === 'text' && node.type === 'text' && sameMarks(last, node)) last.text = `${last.text ?? ''}${node.text ?? ''}`;
    else out.push({ ...node });
  }
  return out;
}
