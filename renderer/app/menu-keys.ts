/**
 * Arrow keys, Home and End move the focus among a menu's items (`role="menuitem"`), wrapping
 * round, as in a native menu. True when the key was one of them, so the caller stops it there.
 */
export function moveMenuFocus(menu: HTMLElement | null, key: string): boolean {
  if (key !== 'ArrowDown' && key !== 'ArrowUp' && key !== 'Home' && key !== 'End') return false;
  const items = [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  if (items.length === 0) return true;
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next = key === 'Home' ? 0 : key === 'End' ? items.length - 1 : (at + (key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
  items[next]?.focus();
  return true;
}
