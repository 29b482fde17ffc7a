/**
 * Publication dates written the ways news sites write them, in French, English and numbers:
 * `19/11/2025`, `19.11.2025`, `le 19 novembre 2025`, `1er novembre`, `Nov. 19, 2025`,
 * `November 19, 2025`, `19 November 2025`, `2025-11-19`. Returns `YYYY-MM-DD`, or null when the
 * text gives no date or an ambiguous one: an empty date is honest, a guessed one is not.
 */

const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, fevrier: 2, fevr: 2, fev: 2, mars: 3, avril: 4, avr: 4, mai: 5, juin: 6, juillet: 7, juil: 7, aout: 8,
  septembre: 9, sept: 9, octobre: 10, oct: 10, novembre: 11, nov: 11, decembre: 12, dec: 12,
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, october: 10, november: 11, december: 12,
};

const MONTH_NAME = '([A-Za-zÀ-ÿ]{3,9})\\.?';
const DAY = '(\\d{1,2})(?:er|st|nd|rd|th)?';
const YEAR = '(\\d{4})';

export interface FoundDate {
  /** `YYYY-MM-DD`, or `--MM-DD` when the text gives no year. */
  date: string;
  index: number;
  length: number;
}

export interface DateOptions {
  /** The document's language: `03/04/2025` is 3 April in French, ambiguous in English. */
  language?: string;
}

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function iso(year: number | null, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (year !== null) {
    if (year < 1800 || year > 2200) return null;
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() !== month - 1) return null;
  }
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  return year === null ? `--${mm}-${dd}` : `${year}-${mm}-${dd}`;
}

/** Every date the text holds, in order, full or without a year. */
export function findDates(text: string, options: DateOptions = {}): FoundDate[] {
  const found: FoundDate[] = [];
  const push = (match: RegExpExecArray, date: string | null) => {
    if (!date) return;
    if (found.some((f) => match.index < f.index + f.length && f.index < match.index + match[0].length)) return;
    found.push({ date, index: match.index, length: match[0].length });
  };
  for (const match of text.matchAll(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g)) push(match, iso(+match[1]!, +match[2]!, +match[3]!));
  for (const match of text.matchAll(/(?<![\d/.])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/.])/g)) {
    const [a, b, year] = [+match[1]!, +match[2]!, +match[3]!];
    let date: string | null = null;
    if (a > 12) date = iso(year, b, a);
    else if (b > 12) date = iso(year, a, b);
    else if (a === b || options.language !== 'en') date = iso(year, b, a); // day first, as everywhere but the US
    push(match, date);
  }
  for (const match of text.matchAll(new RegExp(`(?<![\\w])${DAY}\\s+${MONTH_NAME}(?:\\s+${YEAR})?(?![\\w])`, 'giu'))) {
    const month = MONTHS[fold(match[2]!)];
    if (month) push(match, iso(match[3] ? +match[3] : null, month, +match[1]!));
  }
  for (const match of text.matchAll(new RegExp(`(?<![\\w])${MONTH_NAME}\\s+${DAY},?\\s+${YEAR}(?![\\w])`, 'giu'))) {
    const month = MONTHS[fold(match[1]!)];
    if (month) push(match, iso(+match[3]!, month, +match[2]!));
  }
  return found.sort((x, y) => x.index - y.index);
}

/** The first full date in the text, or null. */
export function parseDate(text: string, options: DateOptions = {}): string | null {
  return findDates(text, options).find((f) => !f.date.startsWith('--'))?.date ?? null;
}
