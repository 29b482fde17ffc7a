import { useEffect, useId, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { Editor } from '@tiptap/core';
import { useI18n } from '../i18n/i18n.tsx';
import { EditorIcon } from './editor-icons.tsx';
import type { SlashCommand } from './slash-menu.ts';

export interface SlashMenuHandle {
  onKeyDown: (event: KeyboardEvent) => boolean;
}

export interface SlashMenuProps {
  editor: Editor;
  items: SlashCommand[];
  command: (item: SlashCommand) => void;
}

/**
 * The `/` menu's list. Focus stays in the note: the editor's text box points at the highlighted
 * option (aria-activedescendant) and the suggestion plugin hands the arrow keys and Enter over here.
 */
export function SlashMenu({ editor, items, command, ref }: SlashMenuProps & { ref?: Ref<SlashMenuHandle> }) {
  const { t } = useI18n();
  const id = useId();
  const [selected, setSelected] = useState(0);
  const [shown, setShown] = useState(items);
  // A new list (more letters typed) starts again at its first command.
  if (shown !== items) {
    setShown(items);
    setSelected(0);
  }
  const list = useRef<HTMLUListElement>(null);
  const active = Math.min(selected, Math.max(0, items.length - 1));
  const optionId = (index: number) => `${id}-option-${index}`;

  useImperativeHandle(
    ref,
    () => ({
      onKeyDown: (event: KeyboardEvent) => {
        if (items.length === 0 || event.ctrlKey || event.metaKey || event.altKey) return false;
        if (event.key === 'ArrowDown') setSelected((active + 1) % items.length);
        else if (event.key === 'ArrowUp') setSelected((active - 1 + items.length) % items.length);
        else if (event.key === 'Enter' || (event.key === 'Tab' && !event.shiftKey)) {
          const item = items[active];
          if (item) command(item);
        } else return false;
        return true;
      },
    }),
    [items, active, command],
  );

  useEffect(() => {
    list.current?.querySelector<HTMLElement>(`[aria-selected="true"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active, items]);

  // The note's text box names the list it drives and the option a key press would pick.
  useEffect(() => {
    if (editor.isDestroyed || items.length === 0) return;
    const dom = editor.view.dom;
    dom.setAttribute('aria-controls', `${id}-list`);
    dom.setAttribute('aria-activedescendant', optionId(active));
    return () => {
      dom.removeAttribute('aria-controls');
      dom.removeAttribute('aria-activedescendant');
    };
  });

  if (items.length === 0) return null;
  return (
    <div className="slash-menu">
      <ul ref={list} id={`${id}-list`} role="listbox" aria-label={t('editor.slash.label')}>
        {items.map((item, index) => (
          <li
            key={item.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'slash-item is-active' : 'slash-item'}
            // The click picks it; the press must not take the focus (and the selection) from the note.
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => {
              if (index !== active) setSelected(index);
            }}
            onClick={() => command(item)}
          >
            <span className="slash-icon">
              <EditorIcon name={item.icon} />
            </span>
            <span className="slash-text">
              <span className="slash-name">{t(item.label)}</span>
              <span className="slash-hint">{t(item.hint)}</span>
            </span>
            {item.markdown && <kbd className="slash-markdown">{item.markdown}</kbd>}
          </li>
        ))}
      </ul>
    </div>
  );
}
