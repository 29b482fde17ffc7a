import type { LineFeatures } from './line-features.ts';

/**
 * Which line of a capture is the article's headline. The lines before the article's first prose are
 * the candidates; bylines, photo credits, share buttons, labels ("Reading time: 2 min") and menu
 * lines are never one; among the rest the likeliest headline wins: a phrase of a few words to a
 * few dozen, written as a headline, close to the article, and named by the file when it is.
 */

export type Repeat = 'none' | 'alone' | 'inside';

export interface TitleCandidate {
  text: string;
  features: LineFeatures;
  /** Lines between this one and the article's first prose line. */
  distance: number;
  /** How many lines down a byline or a date follows (as under most headlines), or 0 for none within four. */
  bylineAfter: number;
  /** Whether the line comes again in the capture: inside another ("34 responses to “…”", a breadcrumb), or alone. */
  repeated?: Repeat;
  /** The next line reads as a standfirst: longer, and neither a byline nor a label. */
  standfirstAfter?: boolean;
}

const BYLINE = /^(?:by|par|por|de|von|door|bởi|written by|posted by|publié par)\s+\S/iu;
const CREDIT = /^(?:photo|photos|photograph|image|images|crédit|credit|ảnh|foto|illustration|source|text|texte|texto|текст|фото|автор)(?![\p{L}])|\b(?:getty|reuters|afp|ap photo|shutterstock|istock|epa|vna|ttxvn)\b|\/\s*(?:the\s+)?\p{Lu}/iu;
const LABEL = /^[^:]{1,25}:\s*\S[^:]{0,15}$/u;
/** "5 Min Read", "Lecture : 3 min", "Reading time 4 minutes". */
const READING_TIME = /^(?:\d+\s*(?:min(?:ute)?s?|mn)\.?\s*(?:read|de lecture|lecture|leitura|lectura|lesezeit)|(?:temps de )?lecture\s*:?\s*\d+\s*min.*|reading time\s*:?\s*\d+.*)$/iu;
/** What kind of text it is, not what it says: "Communiqué de presse", "Breaking news", "Opinion". */
const GENRE = /^(?:communiqué(?: de presse)?|press release|breaking(?: news)?|opinion|editorial|éditorial|tribune|analyse|analysis|interview|entretien|dépêche|live|en direct|exclusive?|exclusif|news|actualités?|reportage|feature)$/iu;
const STAMP = /\b\d{1,2}[:h]\d{2}\b|\b\d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?)\s+ago\b|(?:^|\s)(?:il y a|há|hace|vor)\s+\d+\s*\p{L}+|(?<![\p{L}])(?:updated|posted|published|publié|publiée|publicado|publicada|pubblicato|veröffentlicht|mis à jour|modifié|cập nhật)(?![\p{L}])/iu;
/** "Analysis by Chris Cillizza, CNN", "Photos par Minh Đức": a credit inside a short line. */
const BY_INSIDE = /(?:^|\s)(?:by|par|por|von|di|door)\s+\p{Lu}/u;
/** Two or more names joined: "Kevin Johnson and Kevin McCoy USA TODAY", "Meg Kinnard, Errin Haines". */
const NAME = "\\p{Lu}[\\p{L}.'’-]+(?:\\s+\\p{Lu}[\\p{L}.'’-]+){1,3}";
const NAMES = new RegExp(`^${NAME}(?:\\s*,\\s*${NAME})*\\s+(?:and|et|&)\\s+${NAME}`, 'u');

export function isGenre(text: string): boolean {
  return GENRE.test(text.trim());
}

/** A line that says when: "Updated Nov 19, 9:41 AM", "Publié le … à 17h40". */
export function stampLike(text: string): boolean {
  return text.length < 160 && STAMP.test(text);
}

/** A byline, a date line or a time stamp: what follows a headline on most sites. */
export function bylineLike(text: string): boolean {
  return text.length < 160 && (BYLINE.test(text) || STAMP.test(text) || (text.length < 90 && (BY_INSIDE.test(text) || NAMES.test(text))));
}

/**
 * `fullStop`: a final full stop is allowed, as in "Why You Shouldn’t Worry.": the caller has other
 * evidence, such as a byline right under the line.
 */
export function isTitleShaped(text: string, f: LineFeatures, fullStop = false): boolean {
  if (f.words < 3 || text.length > 250 || f.chromePhrase || f.dataLike || f.separators > 0) return false;
  if ((fullStop ? /[,;:]$/u : /[.,;:]$/u).test(text) && !/\.\.\.$|…$/u.test(text)) return false;
  if (isGenre(text) || bylineLike(text) || (CREDIT.test(text) && f.words <= 12) || LABEL.test(text) || READING_TIME.test(text.trim()) || /https?:\/\/|www\./iu.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  // "VICTOR TANGERMANN, FUTURISM", "TECH PERSONAL TECHNOLOGY": names and section labels in capitals.
  if (letters.length > 0 && upper / letters.length > 0.8 && f.words <= 6) return false;
  return true;
}

export function titleScore(candidate: TitleCandidate, fileWords: Set<string>): number {
  const { text, features: f, distance } = candidate;
  let score = 1 - 0.04 * distance;
  if (candidate.bylineAfter > 0) score += candidate.bylineAfter <= 2 ? 2 : 1;
  if (f.words >= 5 && f.words <= 25) score += 1;
  // A headline is shorter than the standfirst under it.
  score -= 0.03 * Math.max(0, f.words - 12);
  if (f.stopShare > 0.05 && f.stopShare < 0.6) score += 0.4;
  // Menus repeat their items whole; a headline comes back inside other lines more than whole.
  if (candidate.repeated === 'inside') score += 1.5;
  else if (candidate.repeated === 'alone') score += 0.5;
  if (candidate.standfirstAfter) score += 1;
  // A name and a role ("Bryan DeArdo, CBS Sports") has no verb to speak of: few words, all capitalised.
  if (f.words <= 5 && f.capitalisedShort > 0.75) score -= 0.8;
  if (fileWords.size >= 3) {
    const words = text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').match(/[\p{L}\p{N}]+/gu) ?? [];
    const shared = words.filter((w) => fileWords.has(w)).length;
    if (words.length && shared / words.length >= 0.6) score += 3;
  }
  return score;
}

/** The file name's words, when it names the article (`2025-11-19_imm6-hanoi.txt`); a hash or a number names nothing. */
export function fileNameWords(name: string): Set<string> {
  const base = name.replace(/\.[^.]+$/u, '').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  if (/[0-9a-f]{12,}/u.test(base)) return new Set();
  return new Set(base.match(/\p{L}{3,}/gu) ?? []);
}
