import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Icon } from './icons.tsx';

interface SplitViewProps {
  /** The main pane's share of the width, 0.25 to 0.75. */
  ratio: number;
  onRatio: (ratio: number) => void;
  main: ReactNode;
  /** null: the main pane alone. It stays the same element either way, so opening the split never reloads it. */
  beside: ReactNode | null;
  besideTitle: string;
  onSwap: () => void;
  onChange: () => void;
  onClose: () => void;
}

const STEP = 0.05;

/**
 * Two things side by side, a reader and a note: one reads and writes at once. The divider is
 * dragged with the mouse or moved with the arrow keys (Home and End for the limits), as an ARIA
 * window splitter.
 */
export function SplitView({ ratio, onRatio, main, beside, besideTitle, onSwap, onChange, onClose }: SplitViewProps) {
  const { t } = useI18n();
  const split = useRef<HTMLDivElement>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const box = split.current?.getBoundingClientRect();
    if (!box) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent) => onRatio((e.clientX - box.left) / box.width);
    const target = event.currentTarget;
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = event.key === 'ArrowLeft' ? ratio - STEP : event.key === 'ArrowRight' ? ratio + STEP : event.key === 'Home' ? 0 : event.key === 'End' ? 1 : null;
    if (next === null) return;
    event.preventDefault();
    onRatio(next);
  };

  if (beside === null) {
    return (
      <div ref={split} className="split-view" style={{ gridTemplateColumns: 'minmax(0, 1fr)' }}>
        <section className="split-pane split-main">{main}</section>
      </div>
    );
  }
  return (
    <div ref={split} className="split-view" style={{ gridTemplateColumns: `minmax(0, ${ratio}fr) 7px minmax(0, ${1 - ratio}fr)` }}>
      <section className="split-pane split-main">{main}</section>
      <div
        className="split-divider"
        role="separator"
        aria-orientation="vertical"
        aria-label={t('split.divider')}
        aria-valuemin={25}
        aria-valuemax={75}
        aria-valuenow={Math.round(ratio * 100)}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
      <section className="split-pane split-beside" aria-label={t('split.besideLabel', { title: besideTitle })}>
        <header className="split-bar">
          <span className="split-title" title={besideTitle}>
            {besideTitle}
          </span>
          <button type="button" className="link-button" onClick={onChange} title={t('split.changeHint')}>
            {t('split.change')}
          </button>
          <button type="button" className="link-button" onClick={onSwap} title={t('split.swapHint')}>
            {t('split.swap')}
          </button>
          <button type="button" className="icon-button" onClick={onClose} title={`${t('split.close')} (Ctrl+Shift+\\)`} aria-label={t('split.close')}>
            <Icon name="close" />
          </button>
        </header>
        <div className="split-content">{beside}</div>
      </section>
    </div>
  );
}
