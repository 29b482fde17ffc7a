import type { UiLanguage } from './bilingual.ts';

/** The language Carnet speaks on a system with this locale (`fr-CA`, `fr_FR.UTF-8` → French; anything else → English). */
export function languageOfLocale(locale: string): UiLanguage {
  return /^fr(?:\b|_)/i.test(locale) ? 'fr' : 'en';
}

/** The language of the system Carnet runs on, for users who left the preference on "system". */
export function systemLanguage(env: NodeJS.ProcessEnv = process.env): UiLanguage {
  return languageOfLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale || '');
}
