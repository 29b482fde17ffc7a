import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Bilingual } from '../core/carnet-error.ts';

/**
 * The web host's gate. It listens on 127.0.0.1 only, and still every request must show:
 *  - the per-run random token as the first path segment (other local users and pages cannot guess it),
 *  - a Host header naming this loopback port (defeats DNS rebinding),
 *  - no foreign Origin (defeats cross-site requests from pages open in the same browser).
 */

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export type GateVerdict = { ok: true; rest: string } | { ok: false; status: 400 | 401 | 403 | 421; message: Bilingual };

const fromOtherSite: Bilingual = {
  en: 'Refused: requests from other sites are not allowed. Open Carnet from the address it printed at start.',
  fr: 'Refusé : les requêtes venant d’autres sites ne sont pas permises. Ouvrez Carnet à l’adresse qu’il a affichée au démarrage.',
};

export function checkRequest(request: IncomingMessage, token: string, port: number): GateVerdict {
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const host = request.headers.host ?? '';
  if (!allowedHosts.has(host.toLowerCase())) {
    return {
      ok: false,
      status: 421,
      message: {
        en: `Refused: this Carnet host answers only to 127.0.0.1:${port}. Open the address Carnet printed at start.`,
        fr: `Refusé : cet hôte Carnet ne répond qu’à 127.0.0.1:${port}. Ouvrez l’adresse que Carnet a affichée au démarrage.`,
      },
    };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== 'null' && !allowedHosts.has(origin.replace(/^http:\/\//, '').toLowerCase())) {
    return { ok: false, status: 403, message: fromOtherSite };
  }
  if (origin === 'null') {
    return {
      ok: false,
      status: 403,
      message: {
        en: 'Refused: requests from sandboxed or local-file pages are not allowed. Open Carnet from the address it printed at start.',
        fr: 'Refusé : les requêtes venant de pages isolées ou de fichiers locaux ne sont pas permises. Ouvrez Carnet à l’adresse qu’il a affichée au démarrage.',
      },
    };
  }
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site') return { ok: false, status: 403, message: fromOtherSite };

  let url: URL;
  try {
    url = new URL(request.url ?? '/', 'http://placeholder');
  } catch {
    return {
      ok: false,
      status: 400,
      message: {
        en: 'The address of this request cannot be read. Use the address Carnet printed at start.',
        fr: 'L’adresse de cette requête est illisible. Utilisez l’adresse que Carnet a affichée au démarrage.',
      },
    };
  }
  const [, first = '', ...rest] = url.pathname.split('/');
  if (first === '') {
    return {
      ok: false,
      status: 401,
      message: {
        en: 'This Carnet host needs the address it printed at start, with its token.',
        fr: 'Cet hôte Carnet demande l’adresse qu’il a affichée au démarrage, avec son jeton.',
      },
    };
  }
  if (!sameSecret(first, token)) {
    return {
      ok: false,
      status: 403,
      message: { en: 'Wrong token: use the address Carnet printed at start.', fr: 'Jeton incorrect : utilisez l’adresse que Carnet a affichée au démarrage.' },
    };
  }
  // The path stays percent-encoded here: whoever reads a part of it decodes it, and answers a bad escape itself.
  return { ok: true, rest: `/${rest.join('/')}` };
}

function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
