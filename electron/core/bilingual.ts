/** The languages Carnet speaks, on both sides of the contract. */
export type UiLanguage = 'en' | 'fr';

/** A message in every language the UI speaks, written side by side where it arises. */
export interface Bilingual {
  en: string;
  fr: string;
}
