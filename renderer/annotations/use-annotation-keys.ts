import { useEffect } from 'react';

/**
 * J / ] and K / [ move to the next and previous annotation shown in the pane, as in a mail reader.
 * Not while typing anywhere, nor while the selection toolbar has a field open.
 */
export function useAnnotationKeys(order: string[], current: string | undefined, select: (id: string) => void, busy: boolean): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (busy || event.ctrlKey || event.metaKey || event.altKey || order.length === 0) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const step = event.key === 'j' || event.key === 'J' || event.key === ']' ? 1 : event.key === 'k' || event.key === 'K' || event.key === '[' ? -1 : 0;
      if (step === 0) return;
      event.preventDefault();
      const at = current ? order.indexOf(current) : -1;
      const next = at === -1 ? (step === 1 ? 0 : order.length - 1) : Math.max(0, Math.min(order.length - 1, at + step));
      const id = order[next];
      if (id && id !== current) select(id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [order, current, select, busy]);
}
