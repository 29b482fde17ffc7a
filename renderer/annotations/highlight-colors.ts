import { useEffect, useState } from 'react';
import { api } from '../api-client.ts';
import type { HighlightColor } from '../../electron/api.ts';

/** Zotero's five highlight colours, so that a passage marked yellow there reads the same here. */
export const DEFAULT_HIGHLIGHT_COLORS: HighlightColor[] = [
  { color: '#ffd400', name: 'Yellow' },
  { color: '#ff6666', name: 'Red' },
  { color: '#5fb236', name: 'Green' },
  { color: '#2ea8e5', name: 'Blue' },
  { color: '#a28ae5', name: 'Purple' },
];

/** The vault's five highlight colours and the names the user gave them, reloaded when the vault changes. */
export function useHighlightColors(revision: number): HighlightColor[] {
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
  return colors;
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
