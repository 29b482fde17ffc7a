import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkRequest, newToken, SECURITY_HEADERS } from './host-security.ts';
import { readStatic } from './static-files.ts';
import type { Dispatch } from '../core/dispatcher.ts';
import type { EventName, EventPayloads } from '../api.ts';

/**
 * The web front: the built renderer and the contract over HTTP on 127.0.0.1, events over
 * Server-Sent Events. It adapts the shared dispatcher to HTTP and does nothing else.
 */

export interface WebHostOptions {
  dispatch: Dispatch;
  /** Subscribes to the session's events; returns the unsubscribe function. */
  subscribe: (listener: <E extends EventName>(event: E, payload: EventPayloads[E]) => void) => () => void;
  rendererDir: string;
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
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error.');
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const verdict = checkRequest(request, token, port);
    if (!verdict.ok) return send(response, verdict.status, 'text/plain; charset=utf-8', verdict.message);
    const route = verdict.rest;
    if (route === '/' && !request.url?.split('?')[0]?.endsWith('/')) {
      // Relative asset URLs need the trailing slash.
      response.writeHead(308, { ...SECURITY_HEADERS, Location: `/${token}/` });
      return void response.end();
    }
    if (route.startsWith('/api/')) return handleApi(request, response, route.slice('/api/'.length));
    if (route === '/events') return openStream(request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
    const file = await readStatic(options.rendererDir, route);
    if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'Not found.');
    send(response, 200, file.type, file.body, { 'Cache-Control': 'no-cache' });
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    if (request.method !== 'POST') return send(response, 405, 'text/plain; charset=utf-8', 'The API takes POST.');
    // A JSON content type cannot be sent by a plain cross-site form: one more wall against CSRF.
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(response, 415, 'text/plain; charset=utf-8', 'The API takes application/json.');
    }
    const text = await readBody(request);
    if (text === null) {
      return sendJson(response, 413, { ok: false, error: { code: 'too-large', message: `The request is larger than ${MAX_BODY_BYTES / 1048576} MB; nothing was saved.` } });
    }
    let input: unknown;
    try {
      input = text.length ? JSON.parse(text) : {};
    } catch {
      return sendJson(response, 400, { ok: false, error: { code: 'invalid-input', message: 'The request is not valid JSON.' } });
    }
    sendJson(response, 200, await options.dispatch(decodeURIComponent(method), input));
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

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value), { 'Cache-Control': 'no-store' });
}
