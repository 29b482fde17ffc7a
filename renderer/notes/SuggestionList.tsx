import { forwardRef, useEffect, useImperativeHandle, useState, type ReactNode } from 'react';
import { ReactRenderer } from '@tiptap/react';
import type { SuggestionKeyDownProps, SuggestionOptions, SuggestionProps } from '@tiptap/suggestion';

/**
 * The popup list of a TipTap suggestion (`[[` links): ↑/↓ move, Enter or Tab picks, Esc closes,
 * a click picks. It is placed by the suggestion plugin (floating-ui, flipping to stay on screen).
 */

export interface SuggestionListProps<I> {
  items: I[];
  command: (item: I) => void;
  renderItem: (item: I) => ReactNode;
  label: string;
  empty: string;
}

export interface SuggestionListHandle {
  onKeyDown: (event: KeyboardEvent) => boolean;
}

function SuggestionListInner<I>({ items, command, renderItem, label, empty }: SuggestionListProps<I>, ref: React.ForwardedRef<SuggestionListHandle>) {
  const [selected, setSelected] = useState(0);
  useEffect(() => setSelected(0), [items]);
  useImperativeHandle(ref, () => ({
    onKeyDown: (event) => {
      if (items.length === 0) return false;
      if (event.key === 'ArrowDown') setSelected((index) => (index + 1) % items.length);
      else if (event.key === 'ArrowUp') setSelected((index) => (index + items.length - 1) % items.length);
      else if (event.key === 'Enter' || event.key === 'Tab') {
        const item = items[selected];
        if (item !== undefined) command(item);
      } else return false;
      return true;
    },
  }));
  return (
    <div className="suggestion-list" role="listbox" aria-label={label}>
      {items.length === 0 && <div className="suggestion-empty">{empty}</div>}
      {items.map((item, index) => (
        <button
          type="button"
          role="option"
          aria-selected={index === selected}
          key={index}
          className={index === selected ? 'suggestion-item is-selected' : 'suggestion-item'}
          onMouseDown={(event) => event.preventDefault()}
          onMouseEnter={() => setSelected(index)}
          onClick={() => command(item)}
        >
          {renderItem(item)}
        </button>
      ))}
    </div>
  );
}

const SuggestionList = forwardRef(SuggestionListInner) as <I>(props: SuggestionListProps<I> & { ref?: React.Ref<SuggestionListHandle> }) => ReactNode;

/** `render` for a suggestion: the list in a React portal, mounted where the plugin places it. */
export function renderSuggestionList<I>(view: Omit<SuggestionListProps<I>, 'items' | 'command'>): NonNullable<SuggestionOptions<I, I>['render']> {
  return () => {
    let renderer: ReactRenderer<SuggestionListHandle, SuggestionListProps<I>> | null = null;
    let unmount: (() => void) | null = null;
    const propsOf = (props: SuggestionProps<I, I>): SuggestionListProps<I> => ({ ...view, items: props.items, command: props.command });
    return {
      onStart: (props) => {
        renderer = new ReactRenderer(SuggestionList as React.ComponentType<SuggestionListProps<I>>, { editor: props.editor, props: propsOf(props), className: 'suggestion-popup' });
        unmount = props.mount(renderer.element);
      },
      onUpdate: (props) => renderer?.updateProps(propsOf(props)),
      onKeyDown: (props: SuggestionKeyDownProps) => {
        if (props.event.key === 'Escape') return false;
        return renderer?.ref?.onKeyDown(props.event) ?? false;
      },
      onExit: () => {
        unmount?.();
        renderer?.destroy();
        renderer = null;
      },
    };
  };
}
