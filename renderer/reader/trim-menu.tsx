import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/en.ts';
import type { ParagraphTrim, TrimKind } from './trim-actions.ts';
import { moveMenuFocus } from '../app/menu-keys.ts';

const ITEMS: { kind: TrimKind; label: MessageKey }[] = [
  { kind: 'this', label: 'trim.removeThis' },
  { kind: 'toStart', label: 'trim.removeToStart' },
  { kind: 'toEnd', label: 'trim.removeToEnd' },
];

/**
 * The ⋯ in a paragraph's margin while a capture is trimmed: a button (reached with Tab) opening a
 * small menu (arrow keys, Enter, Escape). Its text carries no `data-start`, so a selection in the
 * body never counts it (annotations/reader-selection.ts).
 */
export function TrimMenu({ index, trim }: { index: number; trim: ParagraphTrim }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = ITEMS.filter((item) => (item.kind !== 'toStart' || index > 0) && (item.kind !== 'toEnd' || index < trim.count - 1));

  useEffect(() => {
    if (!open) return;
    box.current?.querySelector('.trim-menu')?.scrollIntoView({ block: 'nearest' });
    box.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus({ preventScroll: true });
    const outside = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    // The reader's own keys (J/K, 1–5, Shift+arrows) are not for this menu.
    event.stopPropagation();
    if (!open) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
      return;
    }
    if (moveMenuFocus(box.current, event.key)) event.preventDefault();
  };

  if (trim.count < 2) return null;
  return (
    <span className="trim-control" ref={box} onKeyDown={onKeyDown} onMouseUp={(event) => event.stopPropagation()}>
      <button
        ref={button}
        type="button"
        className="trim-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('trim.menu', { n: index + 1 })}
        title={t('trim.menu', { n: index + 1 })}
        disabled={trim.disabled}
        onClick={() => setOpen((shown) => !shown)}
      >
        ⋯
      </button>
      {open && (
        <span className="trim-menu" role="menu" aria-label={t('trim.menu', { n: index + 1 })}>
          {items.map((item) => (
            <button
              key={item.kind}
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false);
                trim.onRemove(item.kind, index);
              }}
            >
              {t(item.label)}
            </button>
          ))}
        </span>
      )}
    </span>
  );
}
