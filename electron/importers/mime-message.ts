import PostalMime, { type Email } from 'postal-mime';
import { CarnetError, type Bilingual } from '../core/carnet-error.ts';
import { parseDate } from './metadata/dates.ts';

/**
 * MIME through postal-mime (pure JS, no dependencies, limits of its own), for e-mails (.eml) and
 * web archives (.mhtml). Its limits are tightened: real mail nests parts five or six deep, and a
 * message nested a hundred deep is built to be hard to read.
 */

export type { Email };

const MAX_NESTING = 24;
const MAX_HEADERS = 256 * 1024;

export async function parseMime(bytes: Uint8Array, kind: Bilingual): Promise<Email> {
  try {
    return await PostalMime.parse(bytes, { maxNestingDepth: MAX_NESTING, maxHeadersSize: MAX_HEADERS, maxRfc822NestingDepth: 3, attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (/nesting|header size|call stack/i.test(detail)) {
      throw new CarnetError('too-heavy', {
        en: `${kind.en} is built in a way no real one is (${detail}): it is probably made to be hard to read, and was not imported. If you need its text, open it in its program and save it as text or PDF.`,
        fr: `${kind.fr} est construit comme aucun vrai ne l’est (${detail}) : il est sans doute fait pour être difficile à lire, et n’a pas été importé. Si vous avez besoin de son texte, ouvrez-le dans son programme et enregistrez-le en texte ou en PDF.`,
      });
    }
    throw new CarnetError('unreadable', {
      en: `${kind.en} could not be read (${detail}). Nothing was imported. Open it in its program, save a fresh copy, and import that.`,
      fr: `${kind.fr} n’a pas pu être lu (${detail}). Rien n’a été importé. Ouvrez-le dans son programme, enregistrez-en une nouvelle copie et importez-la.`,
    });
  }
}

/** The raw value of a header (the first of its name), unfolded. */
export function header(email: Email, name: string): string | undefined {
  return email.headers.find((h) => h.key === name)?.value.trim() || undefined;
}

/**
 * A `Date:` header (`Wed, 19 Nov 2025 08:30:00 +0700`) as `YYYY-MM-DD`, the day as the sender wrote
 * it: postal-mime's own ISO date is in UTC, which can be the day before or after.
 */
export function mailDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  return parseDate(raw.replace(/^[A-Za-z]{3},\s*/, '').replace(/\s+\d{1,2}:\d{2}.*$/, '')) ?? undefined;
}
