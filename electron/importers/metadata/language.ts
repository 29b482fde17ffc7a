import { franc } from 'franc-min';

/** franc answers ISO 639-3; the vault stores the two-letter code where one exists. */
const TWO_LETTER: Record<string, string> = {
  fra: 'fr', eng: 'en', vie: 'vi', tha: 'th', khm: 'km', lao: 'lo', mya: 'my', cmn: 'zh', spa: 'es', deu: 'de', por: 'pt', ita: 'it', rus: 'ru', arb: 'ar', ind: 'id', jpn: 'ja', kor: 'ko', nld: 'nl',
};

/** The language of a text as an ISO code, or undefined when too short or unclear to tell. */
export function detectLanguage(text: string): string | undefined {
  const sample = text.slice(0, 20_000);
  if (sample.replace(/\s+/g, '').length < 40) return undefined;
  const code = franc(sample, { minLength: 40 });
  if (code === 'und') return undefined;
  return TWO_LETTER[code] ?? (/^[a-z]{3}$/.test(code) ? code : undefined);
}
