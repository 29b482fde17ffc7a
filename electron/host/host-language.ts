import type { IncomingHttpHeaders } from 'node:http';
import type { UiLanguage } from '../core/carnet-error.ts';

/**
 * The language of the web host's own answers (refusals, malformed requests), read from the
 * browser's Accept-Language: French when the browser ranks French above English, English otherwise.
 */
export function requestLanguage(headers: IncomingHttpHeaders): UiLanguage {
  const header = headers['accept-language'];
  if (typeof header !== 'string') return 'en';
  const ranges = header
    .slice(0, 1000)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const weight = params.map((param) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param)).find((match) => match !== null);
      return { primary: tag.trim().toLowerCase().split('-')[0], q: weight ? Number(weight[1]) : 1, index };
    })
    .filter((range) => range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of ranges) {
    if (range.primary === 'fr') return 'fr';
    if (range.primary === 'en') return 'en';
  }
  return 'en';
}

