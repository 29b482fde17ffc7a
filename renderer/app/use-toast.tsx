import { useCallback, useEffect, useState, type ReactNode } from 'react';

/** How long a confirmation stays: long enough to read a line, short enough not to sit over the text. */
const SHOWN_MS = 4000;

/**
 * A line at the foot of the window saying what was just done ("Citation copied"), gone after a few
 * seconds. Errors are not toasts: they stay in the notice banner until dismissed.
 */
export function useToast(): { toast: ReactNode; say: (text: string) => void } {
  const [shown, setShown] = useState<{ text: string; n: number } | null>(null);
  useEffect(() => {
    if (!shown) return;
    const timer = window.setTimeout(() => setShown(null), SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [shown]);
  const say = useCallback((text: string) => setShown((previous) => ({ text, n: (previous?.n ?? 0) + 1 })), []);
  const toast = (
    <div className="toast-region" role="status">
      {shown && (
        <div key={shown.n} className="toast">
          {shown.text}
        </div>
      )}
    </div>
  );
  return { toast, say };
}
