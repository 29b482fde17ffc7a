import { createHash } from 'node:crypto';

/**
 * What makes two imports "the same article": the body's words, whatever the spacing, case,
 * Unicode form or page markers; and the URL, whatever its tracking parameters or fragment.
 */
export function bodyFingerprint(body: string): string {
  const normalised = body
    .normalize('NFC')
    .replace(/<!-- page \d+ -->/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  return createHash('sha256').update(normalised).digest('hex');
}

export function normaliseUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.hash = '';
  for (const key of [...parsed.searchParams.keys()]) if (/^(utm_|fbclid$|gclid$|mc_)/i.test(key)) parsed.searchParams.delete(key);
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const pathname = parsed.pathname.replace(/\/+$/, '');
  return `${host}${pathname}${parsed.search}`;
}
