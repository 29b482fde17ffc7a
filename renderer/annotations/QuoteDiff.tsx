import { useMemo } from 'react';
import { diffWords } from 'diff';

/** The annotated words against those found now, word by word: what was taken out struck, what came in marked. */
export function QuoteDiff({ before, now }: { before: string; now: string }) {
  const parts = useMemo(() => diffWords(flat(before), flat(now)), [before, now]);
  return (
    <p className="quote-diff">
      {parts.map((part, index) =>
        part.removed ? <del key={index}>{part.value}</del> : part.added ? <ins key={index}>{part.value}</ins> : <span key={index}>{part.value}</span>,
      )}
    </p>
  );
}

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
