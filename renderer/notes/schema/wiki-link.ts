import { InputRule, Node } from '@tiptap/core';

/**
 * `[[Note title]]`, `[[Note title|shown text]]`, `[[Note title#Heading]]` and the embed `![[file]]`
 * (Obsidian's syntax): an inline atom that keeps its source exactly, so a link is never escaped
 * into `\[\[…\]\]` and reads the same in any other Markdown editor.
 */

const WIKI_LINK = /^(!?)\[\[([^[\]\n|#]*)(#[^[\]\n|]*)?(?:\|([^[\]\n]*))?\]\]/;

export interface WikiLinkParts {
  embed: boolean;
  target: string;
  heading: string;
  alias: string;
}

export function wikiLinkParts(raw: string): WikiLinkParts | null {
  const match = WIKI_LINK.exec(raw);
  if (!match || match[0] !== raw) return null;
  return { embed: match[1] === '!', target: (match[2] ?? '').trim(), heading: (match[3] ?? '').slice(1).trim(), alias: (match[4] ?? '').trim() };
}

export function wikiLinkMarkdown(target: string, alias = ''): string {
  return alias && alias !== target ? `[[${target}|${alias}]]` : `[[${target}]]`;
}

export const WikiLink = Node.create({
  name: 'wikiLink',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return { raw: { default: '[[]]' } };
  },
  parseHTML() {
    return [{ tag: 'a[data-wiki-link]', getAttrs: (element) => ({ raw: element.getAttribute('data-wiki-link') ?? '[[]]' }) }];
  },
  renderHTML({ node }) {
    const raw = String(node.attrs.raw);
    const parts = wikiLinkParts(raw);
    const shown = parts ? parts.alias || (parts.heading ? `${parts.target} › ${parts.heading}` : parts.target) : raw;
    return ['a', { 'data-wiki-link': raw, class: parts?.embed ? 'wiki-link wiki-embed' : 'wiki-link', href: '#', title: parts?.target ?? raw }, shown];
  },
  renderText({ node }) {
    return String(node.attrs.raw);
  },
  addInputRules() {
    // `[[Title]]` typed in full (without picking from the menu) becomes the link as the `]]` is typed.
    return [
      new InputRule({
        find: /!?\[\[[^[\]\n]+\]\]$/,
        handler: ({ state, range, match }) => {
          state.tr.replaceWith(range.from, range.to, this.type.create({ raw: match[0] }));
        },
      }),
    ];
  },
  markdownTokenName: 'wikiLink',
  parseMarkdown: (token, helpers) => helpers.createNode('wikiLink', { raw: token.raw }),
  renderMarkdown: (node) => String(node.attrs?.raw ?? ''),
  markdownTokenizer: {
    name: 'wikiLink',
    level: 'inline',
    start: (src: string) => {
      const at = src.indexOf('[[');
      return at > 0 && src[at - 1] === '!' ? at - 1 : at;
    },
    tokenize: (src: string) => {
      const match = WIKI_LINK.exec(src);
      return match ? { type: 'wikiLink', raw: match[0] } : undefined;
    },
  },
});
