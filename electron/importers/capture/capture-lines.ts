import { findDates } from '../metadata/dates.ts';

/**
 * A capture as lines, and the kinds of line every part of the reading needs: prose, a byline with
 * its date.
 */

export interface Line {
  text: string;
  /** Index of the blank-line-separated block the line belongs to. */
  block: number;
}

export const SENTENCE_END = /[.!?…»"”)\]:;]$/u;

export function isProse(line: string): boolean {
  return line.length >= 80 && SENTENCE_END.test(line);
}

export function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let block = 0;
  let blank = true;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+$/u, '').replace(/^\s+/u, '');
    if (line === '') {
      if (!blank) block++;
      blank = true;
      continue;
    }
    blank = false;
    lines.push({ text: line, block });
  }
  return lines;
}

/** A short line carrying a full date: `VietnamPlus 19/11/2025`, `Par Jane Doe — Nov. 19, 2025`. */
export function isByline(line: string): boolean {
  if (line.length > 90) return false;
  const dates = findDates(line).filter((d) => !d.date.startsWith('--'));
  if (dates.length === 0) return false;
  const rest = removeDates(line);
  return rest.split(/\s+/).filter(Boolean).length <= 8 && !SENTENCE_END.test(rest.trim());
}

export function removeDates(line: string): string {
  let rest = line;
  for (const d of findDates(line).reverse()) rest = rest.slice(0, d.index) + ' ' + rest.slice(d.index + d.length);
  // Lookarounds, not \b: JavaScript's \b knows only ASCII letters, and "Publié" or "à" would stay.
  return rest
    .replace(/(?<![\p{L}\p{N}])(?:publié|publiée|published|posted|written|mis à jour|mis en ligne|modifié|updated|le|on|à|at|\d{1,2}[:h]\d{2})(?![\p{L}\p{N}])/giu, ' ')
    .replace(/[|·•,:–—-]/g, ' ');
}
