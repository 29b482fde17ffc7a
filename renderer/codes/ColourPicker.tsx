import { useI18n } from '../i18n/i18n.tsx';
import { CODE_PALETTE } from './code-tree.ts';

/** A code's colour: ten swatches (a radio group: arrows move, the chosen one is the tab stop) and any colour besides. */
export function ColourPicker({ value, onChange, autoFocus }: { value: string; onChange: (colour: string) => void; autoFocus?: boolean }) {
  const { t } = useI18n();
  const current = value.toLowerCase();
  const inPalette = (CODE_PALETTE as readonly string[]).includes(current);
  const move = (step: number) => {
    const index = Math.max(0, CODE_PALETTE.indexOf(current as (typeof CODE_PALETTE)[number]));
    const next = CODE_PALETTE[(index + step + CODE_PALETTE.length) % CODE_PALETTE.length] ?? CODE_PALETTE[0];
    onChange(next);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`.colour-swatch[data-colour="${next}"]`)?.focus());
  };
  return (
    <div className="colour-picker">
      <div
        role="radiogroup"
        aria-label={t('codes.colour.palette')}
        className="colour-swatches"
        onKeyDown={(event) => {
          const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
          if (step) {
            event.preventDefault();
            move(step);
          }
        }}
      >
        {CODE_PALETTE.map((colour, index) => (
          <button
            key={colour}
            type="button"
            role="radio"
            aria-checked={colour === current}
            aria-label={t(`codes.colour.${index}` as 'codes.colour.0')}
            title={t(`codes.colour.${index}` as 'codes.colour.0')}
            data-colour={colour}
            tabIndex={colour === current || (!inPalette && index === 0) ? 0 : -1}
            data-autofocus={autoFocus === true && (colour === current || (!inPalette && index === 0))}
            className={`colour-swatch ${colour === current ? 'chosen' : ''}`}
            style={{ background: colour }}
            onClick={() => onChange(colour)}
          />
        ))}
      </div>
      <label className="colour-custom">
        <input type="color" value={/^#[0-9a-f]{6}$/.test(current) ? current : '#2563eb'} onChange={(event) => onChange(event.target.value)} />
        <span>{inPalette ? t('codes.colour.custom') : t('codes.colour.customValue', { value: current })}</span>
      </label>
    </div>
  );
}
