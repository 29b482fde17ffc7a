import type { Translate } from '../i18n/i18n.tsx';

/**
 * Keyboard shortcuts as the editor's tooltips show them: `Ctrl+Shift+S` (`Ctrl+Maj+S` in French)
 * on Linux and Windows, `⇧⌘S` on a Mac. A shortcut is written as ProseMirror's keymaps write it:
 * `Mod-Shift-s`, where Mod is ⌘ on a Mac and Ctrl elsewhere.
 */

export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}

function parts(shortcut: string): { mods: Set<string>; key: string } {
  const pieces = shortcut.split('-');
  const key = pieces.pop() ?? '';
  return { mods: new Set(pieces.map((piece) => piece.toLowerCase())), key: key.length === 1 ? key.toUpperCase() : key };
}

/** The shortcut as a person reads it, for a tooltip. */
export function shortcutLabel(shortcut: string, t: Translate, mac = isMac()): string {
  const { mods, key } = parts(shortcut);
  if (mac) {
    return `${mods.has('ctrl') ? '⌃' : ''}${mods.has('alt') ? '⌥' : ''}${mods.has('shift') ? '⇧' : ''}${mods.has('mod') ? '⌘' : ''}${key}`;
  }
  const names: string[] = [];
  if (mods.has('mod') || mods.has('ctrl')) names.push('Ctrl');
  if (mods.has('alt')) names.push(t('editor.key.alt'));
  if (mods.has('shift')) names.push(t('editor.key.shift'));
  return [...names, key].join('+');
}

/** The same shortcut for `aria-keyshortcuts` (key names of the UI Events spec). */
export function ariaShortcut(shortcut: string, mac = isMac()): string {
  const { mods, key } = parts(shortcut);
  const names: string[] = [];
  if (mods.has('ctrl') || (mods.has('mod') && !mac)) names.push('Control');
  if (mods.has('alt')) names.push('Alt');
  if (mods.has('shift')) names.push('Shift');
  if (mods.has('mod') && mac) names.push('Meta');
  return [...names, key].join('+');
}

/** `Bold (Ctrl+B)`: a button's tooltip, with its shortcut when it has one. */
export function withShortcut(label: string, shortcut: string | undefined, t: Translate): string {
  return shortcut ? `${label} (${shortcutLabel(shortcut, t)})` : label;
}
