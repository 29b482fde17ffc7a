import { createContext, useContext, type ReactNode } from 'react';
import { en, type MessageKey } from './en.ts';
import { fr } from './fr.ts';
import type { LanguagePreference } from '../../electron/api.ts';

/** One small layer for the UI's words: English and French dictionaries, `{name}` placeholders. */

export type Language = 'en' | 'fr';
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const dictionaries: Record<Language, Record<MessageKey, string>> = { en, fr };

export function resolveLanguage(preference: LanguagePreference): Language {
  if (preference !== 'system') return preference;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function makeTranslate(language: Language): Translate {
  const dictionary = dictionaries[language];
  return (key, params) => {
    // A count of one reads in the singular where the dictionary has it: `<key>One` ("1 file read").
    const singular = params?.count === 1 ? (dictionary as Record<string, string>)[`${key}One`] : undefined;
    const text = singular ?? dictionary[key] ?? en[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

interface I18n {
  language: Language;
  t: Translate;
}

const I18nContext = createContext<I18n>({ language: 'en', t: makeTranslate('en') });

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  return <I18nContext.Provider value={{ language, t: makeTranslate(language) }}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Dates as a researcher reads them: `19 Nov 2025` / `19 nov. 2025`; a bare `YYYY-MM-DD` is not shifted by the time zone. */
export function formatDate(value: string | undefined, language: Language, withTime = false): string {
  if (!value) return '';
  // A year, or a month, is all some sources say: shown as such, not as the 1st of January.
  if (/^\d{4}$/.test(value)) return value;
  if (/^\d{4}-\d{2}$/.test(value)) {
    const month = new Date(`${value}-15T12:00:00`);
    return Number.isNaN(month.getTime()) ? value : new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { month: 'short', year: 'numeric' }).format(month);
  }
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T12:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(withTime && !dateOnly ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(date);
}

export { foldForMatch } from './fold-for-match.ts';
