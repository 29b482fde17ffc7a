import { useEffect, useMemo, useState } from 'react';
import { api } from '../api-client.ts';
import { useI18n, type Translate } from '../i18n/i18n.tsx';
import type { HighlightColor } from '../../electron/api.ts';

/** Zotero's five highlight colours, so that a passage marked yellow there reads the same here; unnamed until the user names them. */
const DEFAULT_HIGHLIGHT_COLORS: HighlightColor[] = ['#ffd400', '#ff6666', '#5fb236', '#2ea8e5', '#a28ae5'].map((color) => ({ color, name: '' }));

/** A colour as shown: `name` is the user's name for it, else the colour's own in the interface's language. */
export interface ShownColor extends HighlightColor {
  /** What the vault stores: '' when the user gave no name. */
  stored: string;
}

const COLOR_KEYS = ['annotation.color.1', 'annotation.color.2', 'annotation.color.3', 'annotation.color.4', 'annotation.color.5'] as const;

export function shownColors(colors: HighlightColor[], t: Translate): ShownColor[] {
  return colors.map((c, index) => ({ color: c.color, stored: c.name, name: c.name || t(COLOR_KEYS[index] ?? 'annotation.color.1') }));
}

/** The vault's five highlight colours and their names, reloaded when the vault changes. */
export function useHighlightColors(revision: number): ShownColor[] {
  const { t } = useI18n();
  const [colors, setColors] = useState<HighlightColor[]>(DEFAULT_HIGHLIGHT_COLORS);
  useEffect(() => {
    let live = true;
    api.getVaultSettings({}).then(
      (settings) => live && setColors(settings.highlightColors.length === 5 ? settings.highlightColors : DEFAULT_HIGHLIGHT_COLORS),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [revision]);
  return useMemo(() => shownColors(colors, t), [colors, t]);
}

/** The colour an annotation shows in: its own, else its first known code's, else the first highlight colour. */
export function annotationColor(annotation: { color?: string; codes: string[] }, codeColors: Map<string, string>, colors: HighlightColor[]): string {
  if (annotation.color) return annotation.color;
  for (const id of annotation.codes) {
    const color = codeColors.get(id);
    if (color) return color;
  }
  return colors[0]?.color ?? '#ffd400';
}
