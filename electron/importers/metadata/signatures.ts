/**
 * News agency signatures that close an article: `(TTXVN/Vietnam+)`, `-NDEL/VNA`, `(AFP)`, `– Reuters`.
 * The last name in the signature is the outlet that published the text; TTXVN is VNA's Vietnamese name.
 */

const OUTLET_NAMES: Record<string, string> = { 'vietnam+': 'VietnamPlus', ttxvn: 'VNA', vna: 'VNA' };
/** Wires whose name is a word, not an acronym. */
const WIRES = new Set(['reuters', 'xinhua', 'kyodo', 'bernama', 'antara', 'yonhap', 'belga', 'dpa', 'efe', 'ansa', 'agerpres', 'interfax', 'tass', 'prensa latina', 'vietnamplus', 'vietnam+']);

const IN_PARENS = /\(((?:[A-Z][\w.+&'-]*\s?\/\s?)*[A-Z][\w.+&'-]*)\)\s*$/u;
// The lookbehind keeps the full stop before "-NDEL/VNA" in the article's last sentence.
const DASHED = /(?<=^|[\s.])[-–—]\s?((?:[A-Z][\w.+&'-]*\/)+[A-Z][\w.+&'-]*)\s*$/u;

export interface Signature {
  /** Where the signature starts in the text it was found in. */
  index: number;
  publisher: string;
}

/** A signature at the very end of `text` (a line or a paragraph), or null. */
export function findSignature(text: string): Signature | null {
  const trimmed = text.replace(/\s+$/, '');
  const match = IN_PARENS.exec(trimmed) ?? DASHED.exec(trimmed);
  if (!match) return null;
  const names = match[1]!.split('/').map((n) => n.trim()).filter(Boolean);
  const last = names[names.length - 1]!;
  // One name in parentheses is a signature only on its own line or after the last sentence:
  // "… du Mékong (COMMIT)" names an acronym, "… humaine. (AFP)" signs the article.
  const before = trimmed.slice(0, trimmed.length - match[0].length);
  const standalone = before.trim() === '' || /[.!?»"”]\s*$/.test(before);
  // A lone word in parentheses signs only as an agency does: in capitals (AFP, VNA, TTXVN) or a wire's own name; "(More)" is a link.
  if (names.length === 1 && (!standalone || !isWire(last))) return null;
  return { index: trimmed.length - match[0].trimStart().length, publisher: outletName(last) };
}

/** A news agency's name: an acronym in capitals (AFP, VNA) or a wire known by a word (Reuters). */
export function isWire(name: string): boolean {
  return /^[A-Z][A-Z+]{1,9}$/.test(name) || WIRES.has(name.toLowerCase());
}

export function outletName(name: string): string {
  return OUTLET_NAMES[name.toLowerCase()] ?? name;
}
