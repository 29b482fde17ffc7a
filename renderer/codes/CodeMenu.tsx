import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '../i18n/i18n.tsx';
import type { CodeAction } from './use-code-editing.tsx';
import { moveMenuFocus } from '../app/menu-keys.ts';

export type CodeMenuChoice = CodeAction | 'passages';

export interface MenuAnchor {
  x: number;
  y: number;
  /** Where focus goes back when the menu closes without a choice. */
  returnTo: HTMLElement | null;
}

const EDITS: CodeAction[] = ['newChild', 'rename', 'recolour', 'describe', 'move', 'merge'];

/** A code's actions as a menu (the "⋯" button or a right click): arrows, Home/End and the first letter move; Escape closes. */
export function CodeMenu({ anchor, readOnly, onChoose, onClose }: { anchor: MenuAnchor; readOnly: boolean; onChoose: (choice: CodeMenuChoice) => void; onClose: () => void }) {
  const { t } = useI18n();
  const menu = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: anchor.x, top: anchor.y });
  const choices: CodeMenuChoice[] = readOnly ? ['passages'] : ['passages', ...EDITS, 'delete'];

  useLayoutEffect(() => {
    const box = menu.current?.getBoundingClientRect();
    if (!box) return;
    setPosition({ left: Math.max(4, Math.min(anchor.x, window.innerWidth - box.width - 8)), top: Math.max(4, Math.min(anchor.y, window.innerHeight - box.height - 8)) });
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [anchor]);

  useEffect(() => {
    const onDown = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('mousedown', onDown);
    window.addEventListener('blur', onClose);
    return () => {
      document.removeEventListener('mousedown', onDown);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);

  const close = () => {
    onClose();
    anchor.returnTo?.focus();
  };

  /** The next item whose label starts with the letter typed, as a native menu does. */
  const focusByLetter = (key: string) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const letter = key.toLowerCase();
    const starts = (item: HTMLElement) => item.textContent?.trim().toLowerCase().startsWith(letter) ?? false;
    const found = items.findIndex((item, i) => i > index && starts(item));
    const next = found >= 0 ? found : items.findIndex(starts);
    items[(next + items.length) % items.length]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' || event.key === 'Tab') close();
    else if (event.key.length === 1) focusByLetter(event.key);
    else if (!moveMenuFocus(menu.current, event.key)) return;
    event.preventDefault();
    event.stopPropagation();
  };

  return createPortal(
    <div ref={menu} role="menu" className="code-menu" style={position} onKeyDown={onKeyDown} aria-label={t('codes.menu.label')}>
      {choices.map((choice) => (
        <button
          key={choice}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className={`code-menu-item ${choice === 'delete' ? 'danger-text' : ''} ${choice === 'delete' ? 'group-start' : ''} ${choice === 'passages' && !readOnly ? 'group-end' : ''}`}
          onClick={() => {
            onClose();
            anchor.returnTo?.focus();
            onChoose(choice);
          }}
        >
          <span>{t(`codes.menu.${choice}`)}</span>
          {choice === 'rename' && <kbd>F2</kbd>}
          {choice === 'delete' && <kbd>{t('codes.menu.deleteKey')}</kbd>}
        </button>
      ))}
    </div>,
    document.body,
  );
}
