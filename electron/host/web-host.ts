import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkRequest, newToken, SECURITY_HEADERS } from './host-security.ts';
import { requestLanguage } from './host-language.ts';
import { readStatic } from './static-files.ts';
import { readAttachment } from '../vault/attachment-read.ts';
import type { Dispatch } from '../core/dispatcher.ts';
import type { EventName, EventPayloads } from '../api.ts';
import type { Bilingual, UiLanguage } from '../core/carnet-error.ts';

/**
 * The web front: the built renderer and the contract over HTTP on 127.0.0.1, events over
 * Server-Sent Events. It adapts the shared dispatcher to HTTP and does nothing else.
 */

export interface WebHostOptions {
  dispatch: Dispatch;
  /** Subscribes to the session's events; returns the unsubscribe function. */
  subscribe: (listener: <E extends EventName>(event: E, payload: EventPayloads[E]) => void) => () => void;
  rendererDir: string;
  /** The open vault's folder, for its images (`/<token>/vault/attachments/…`); null when none is open. */
  vaultRoot?: () => string | null;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Large enough for a long note, small enough that a runaway paste cannot exhaust memory. */
const MAX_BODY_BYTES = 120 * 1024 * 1024;

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newToken();
  const streams = new Set<ServerResponse>();
  let port = 0;

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('[carnet] web host error:', error);
      if (!response.headersSent) say(response, requestLanguage(request.headers), 500, MESSAGES.internal);
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const language = requestLanguage(request.headers);
    const verdict = checkRequest(request, token, port);
    if (!verdict.ok) return say(response, language, verdict.status, verdict.message);
    const route = verdict.rest;
    if (route === '/' && !request.url?.split('?')[0]?.endsWith('/')) {
      // Relative asset URLs need the trailing slash.
      response.writeHead(308, { ...SECURITY_HEADERS, Location: `/${token}/` });
      return void response.end();
    }
    if (route.startsWith('/api/')) return handleApi(request, response, language, route.slice('/api/'.length));
    if (route === '/events') return openStream(request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD') return say(response, language, 405, MESSAGES.pagesTakeGet);
    if (route.startsWith('/vault/')) return serveVaultFile(response, language, route.slice('/vault/'.length));
    const file = await readStatic(options.rendererDir, route);
    if (!file) return say(response, language, 404, MESSAGES.notFound);
    send(response, 200, file.type, file.body, { 'Cache-Control': 'no-cache' });
  }

  /** An image of the vault for the page; its own headers (nosniff, a CSP that allows nothing) override the page's. */
  async function serveVaultFile(response: ServerResponse, language: UiLanguage, requested: string): Promise<void> {
    const root = options.vaultRoot?.() ?? null;
    const file = root === null ? null : await readAttachment(root, requested);
    if (file?.status !== 200) return say(response, language, file?.status ?? 404, file?.status === 403 ? MESSAGES.notServed : MESSAGES.notFound);
    response.writeHead(200, { ...SECURITY_HEADERS, ...file.headers });
    response.end(file.bytes);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, language: UiLanguage, method: string): Promise<void> {
    if (request.method !== 'POST') return say(response, language, 405, MESSAGES.apiTakesPost);
    // A JSON content type cannot be sent by a plain cross-site form: one more wall against CSRF.
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return say(response, language, 415, MESSAGES.apiTakesJson);
    const text = await readBody(request);
    if (text === null) return sayJson(response, language, 413, 'too-large', MESSAGES.tooLarge);
    let name: string;
    try {
      name = decodeURIComponent(method);
    } catch {
      // A broken % escape is the caller's mistake, not the host's: a 400 with the reason, nothing in the log.
      return sayJson(response, language, 400, 'invalid-input', MESSAGES.badEscape(method));
    }
    let input: unknown;
    try {
      input = text.length ? JSON.parse(text) : {};
    } catch {
      return sayJson(response, language, 400, 'invalid-input', MESSAGES.invalidJson);
    }
    sendJson(response, 200, await options.dispatch(name, input));
  }

  function openStream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    streams.add(response);
    request.on('close', () => streams.delete(response));
  }

  const unsubscribe = options.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });
  const keepAlive = setInterval(() => {
    for (const stream of streams) stream.write(': keep-alive\n\n');
  }, 20_000);
  keepAlive.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/${token}/`,
    port,
    token,
    async close() {
      clearInterval(keepAlive);
      unsubscribe();
      for (const stream of streams) stream.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...extra });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value), { 'Cache-Control': 'no-store', ...extra });
}

/** One of the host's own messages, as plain text in the request's language. */
function say(response: ServerResponse, language: UiLanguage, status: number, text: Bilingual): void {
  send(response, status, 'text/plain; charset=utf-8', text[language], { 'Content-Language': language, 'Cache-Control': 'no-store' });
}

/** One of the host's own messages, as the contract's `{ ok: false, error }` in the request's language. */
function sayJson(response: ServerResponse, language: UiLanguage, status: number, code: string, text: Bilingual): void {
  sendJson(response, status, { ok: false, error: { code, message: text[language] } }, { 'Content-Language': language });
}

const MESSAGES = {
  internal: {
    en: 'Internal error: Carnet could not answer this request. Nothing was lost; try again, and report it if it repeats.',
    fr: 'Erreur interne : Carnet n’a pas pu répondre à cette requête. Rien n’a été perdu ; réessayez, et signalez-le si cela se répète.',
  },
  pagesTakeGet: {
    en: 'Method not allowed: the pages of this host are read with GET.',
    fr: 'Méthode non permise : les pages de cet hôte se lisent avec GET.',
  },
  notFound: {
    en: 'Not found: this Carnet host has no such page. Open the address Carnet printed at start.',
    fr: 'Introuvable : cet hôte Carnet n’a pas cette page. Ouvrez l’adresse que Carnet a affichée au démarrage.',
  },
  notServed: {
    en: 'Refused: this host shows only the images in the vault’s attachments folder.',
    fr: 'Refusé : cet hôte ne montre que les images du dossier attachments du coffre.',
  },
  apiTakesPost: { en: 'The API takes POST requests only.', fr: 'L’API n’accepte que des requêtes POST.' },
  apiTakesJson: { en: 'The API takes application/json only.', fr: 'L’API n’accepte que des corps application/json.' },
  tooLarge: {
    en: `The request is larger than ${MAX_BODY_BYTES / 1048576} MB; nothing was saved. Make the note or the file smaller, then try again.`,
    fr: `La requête dépasse ${MAX_BODY_BYTES / 1048576} Mo ; rien n’a été enregistré. Réduisez la note ou le fichier, puis réessayez.`,
  },
  invalidJson: {
    en: 'The request is not valid JSON; nothing was done. Reload the page and try again.',
    fr: 'La requête n’est pas du JSON valide ; rien n’a été fait. Rechargez la page et réessayez.',
  },
  badEscape: (method: string): Bilingual => ({
    en: `The operation name in this request has a broken % escape ("${method.slice(0, 80)}"); nothing was done. Reload the page and try again.`,
    fr: `Le nom d’opération de cette requête contient un échappement % invalide (« ${method.slice(0, 80)} ») ; rien n’a été fait. Rechargez la page et réessayez.`,
  }),
} satisfies Record<string, Bilingual | ((method: string) => Bilingual)>;
