import * as lists from 'stopword';
import { franc } from 'franc-min';

/**
 * Stop words of a capture's language, from the `stopword` package (ISO 639-3 lists, the same
 * codes franc answers). A capture franc cannot place is read with the English and French lists
 * together: our users' captures are mostly one or the other.
 */

const BY_CODE = lists as unknown as Record<string, readonly string[] | undefined>;
/** franc names some languages by an individual code where `stopword` has the macrolanguage's list. */
const ALIASES: Record<string, string[]> = { zlm: ['msa', 'ind'], cmn: ['zho'], pes: ['fas'], nno: ['nob'], arb: ['ara'], swh: ['swa'] };

export function stopWordsFor(text: string): Set<string> {
  const code = franc(text.slice(0, 20_000), { minLength: 40 });
  const list = (ALIASES[code] ?? [code]).flatMap((name) => BY_CODE[name] ?? []);
  if (list.length >= 40) return new Set(list.map((w) => w.toLowerCase()));
  return new Set([...(BY_CODE.eng ?? []), ...(BY_CODE.fra ?? [])].map((w) => w.toLowerCase()));
}
