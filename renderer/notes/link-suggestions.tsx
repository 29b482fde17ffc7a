import { Extension } from '@tiptap/core';
import { PluginKey } from '@tiptap/pm/state';
import Suggestion from '@tiptap/suggestion';
import { Icon } from '../app/icons.tsx';
import { renderSuggestionList } from './SuggestionList.tsx';
import { rankTargets, type LinkTarget } from './note-targets.ts';
import { wikiLinkMarkdown } from './schema/wiki-link.ts';

interface LinkSuggestionWords {
  label: string;
  empty: string;
  newNote: (title: string) => string;
}

/** An item of the `[[` menu: a note or source to link, or "create a note with this title". */
type LinkChoice = LinkTarget | { kind: 'new'; title: string };

/**
 * Typing `[[` offers the vault's notes and sources by title (accent- and case-insensitive, fuzzy).
 * A note becomes `[[Note title]]` (Obsidian's link); a source becomes a `carnet://source/…` link,
 * since sources are not notes; a title nothing matches still makes `[[…]]`, which creates the note on click.
 */
export function linkSuggestions(targets: () => LinkTarget[], words: LinkSuggestionWords) {
  return Extension.create({
    name: 'linkSuggestions',
    addProseMirrorPlugins() {
      return [
        Suggestion<LinkChoice, LinkChoice>({
          editor: this.editor,
          pluginKey: new PluginKey('linkSuggestions'),
          char: '[[',
          allowSpaces: true,
          allowedPrefixes: null,
          items: ({ query }) => {
            const found: LinkChoice[] = rankTargets(query.replace(/\]+$/, ''), targets());
            const typed = query.replace(/\]+$/, '').trim();
            return typed && !found.some((target) => target.title.toLowerCase() === typed.toLowerCase()) ? [...found, { kind: 'new', title: typed }] : found;
          },
          command: ({ editor, range, props }) => {
            const content =
              props.kind === 'source'
                ? { type: 'text', text: props.title, marks: [{ type: 'link', attrs: { href: `carnet://source/${props.id}` } }] }
                : { type: 'wikiLink', attrs: { raw: wikiLinkMarkdown(props.title) } };
            editor.chain().focus().insertContentAt(range, [content, { type: 'text', text: ' ' }]).run();
          },
          render: renderSuggestionList<LinkChoice>({
            label: words.label,
            empty: words.empty,
            renderItem: (item) => (
              <>
                <Icon name={item.kind === 'source' ? 'source' : item.kind === 'note' ? 'note' : 'plus'} />
                <span className="suggestion-title">{item.kind === 'new' ? words.newNote(item.title) : item.title}</span>
              </>
            ),
          }),
        }),
      ];
    },
  });
}
