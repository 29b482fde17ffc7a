import { useCallback, useState, type MouseEvent, type ReactNode } from 'react';
import { CodeMenu, type MenuAnchor } from './CodeMenu.tsx';
import { useCodeEditing, type CodeEditing } from './use-code-editing.tsx';
import type { Place } from '../app/navigation.ts';
import type { CodeSummary } from '../../electron/api.ts';

export interface CodeMenus extends CodeEditing {
  /** Opens a code's menu at a right click, or under the element (a "⋯" button, the ContextMenu key). */
  openMenu: (code: CodeSummary, event: MouseEvent<HTMLElement>) => void;
  element: ReactNode;
}

/** The per-code menu of a list of codes, wired to the codebook's dialogs. */
export function useCodeMenu(codes: CodeSummary[], readOnly: boolean, onOpen: (place: Place) => void): CodeMenus {
  const editing = useCodeEditing(codes, { onCreated: (code) => onOpen({ kind: 'code', id: code.id }) });
  const [menu, setMenu] = useState<{ code: CodeSummary; anchor: MenuAnchor } | null>(null);

  const openMenu = useCallback((code: CodeSummary, event: MouseEvent<HTMLElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    // A click on a button, or the keyboard's context-menu key, has no pointer position worth using.
    const fromPointer = event.type === 'contextmenu' && (event.clientX !== 0 || event.clientY !== 0);
    const box = target.getBoundingClientRect();
    setMenu({ code, anchor: { x: fromPointer ? event.clientX : box.left, y: fromPointer ? event.clientY : box.bottom + 2, returnTo: target } });
  }, []);

  const close = useCallback(() => setMenu(null), []);

  const element = (
    <>
      {menu && (
        <CodeMenu
          anchor={menu.anchor}
          readOnly={readOnly}
          onClose={close}
          onChoose={(choice) => (choice === 'passages' ? onOpen({ kind: 'passages', all: [menu.code.id], any: [], none: [] }) : editing.run(choice, menu.code))}
        />
      )}
      {editing.element}
    </>
  );
  return { ...editing, openMenu, element };
}
