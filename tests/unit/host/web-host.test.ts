import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import fs from 'node:fs/promises';
import path from 'node:path';
import { CarnetSession } from '../../../electron/core/carnet-session.ts';
import { createDispatcher } from '../../../electron/core/dispatcher.ts';
import { createHandlers } from '../../../electron/core/handlers.ts';
import { startWebHost, type WebHost } from '../../../electron/host/web-host.ts';
import { requestLanguage } from '../../../electron/host/host-language.ts';
import { PROJECT_ROOT, sampleVaultCopy, tempDir } from '../../helpers/temp-dir.ts';
import { PNG, SVG } from '../../helpers/images.ts';

let host: WebHost;
let session: CarnetSession;
let vaultDir: string;
const cleanups: (() => Promise<void>)[] = [];

before(async () => {
  const vault = await sampleVaultCopy();
  const temp = await tempDir();
  vaultDir = vault.dir;
  const rendererDir = path.join(temp.dir, 'renderer');
  await fs.mkdir(rendererDir);
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Carnet</title>');
  await fs.writeFile(path.join(temp.dir, 'secret.txt'), 'outside the renderer');
  session = new CarnetSession({ configDir: temp.dir, documentsDir: temp.dir, resourcesDir: path.join(PROJECT_ROOT, 'resources') });
  await session.start(vault.dir);
  const dispatch = createDispatcher(createHandlers(session, { front: 'web', openExternal: async () => false }), undefined, () => session.language());
  host = await startWebHost({ dispatch, subscribe: (listener) => session.onEvent(listener), rendererDir, vaultRoot: () => session.vaultOrNull?.root ?? null });
  cleanups.push(() => host.close(), () => session.stop(), vault.remove, temp.remove);
});

after(async () => {
  for (const cleanup of cleanups) await cleanup();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  bytes: Buffer;
}

function request(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: pathname, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${host.port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), bytes: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  request(`/${host.token}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(input) });

test('the host listens on the loopback interface only', () => {
  assert.match(host.url, /^http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{32}\/$/);
});

test('without the token: 401; with a wrong token: 403; nothing is served or run', async () => {
  assert.equal((await request('/')).status, 401);
  assert.equal((await request('/index.html')).status, 403);
  assert.equal((await request(`/${'x'.repeat(32)}/`)).status, 403);
  const noToken = await request('/api/listNotes', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  assert.equal(noToken.status, 403);
  assert.doesNotMatch(noToken.body, /Welcome/);
});

test('with the token, the page is served with a strict Content-Security-Policy', async () => {
  const page = await request(`/${host.token}/`);
  assert.equal(page.status, 200);
  assert.match(page.body, /<title>Carnet<\/title>/);
  assert.match(String(page.headers['content-security-policy']), /default-src 'self'; script-src 'self'/);
  assert.equal(page.headers['x-content-type-options'], 'nosniff');
  assert.equal((await request(`/${host.token}`)).status, 308, 'the bare token path redirects to the folder');
  for (const escape of [`/${host.token}/../secret.txt`, `/${host.token}/%2e%2e/secret.txt`, `/${host.token}/..%2fsecret.txt`]) {
    const answer = await request(escape);
    assert.ok(answer.status === 403 || answer.status === 404, `${escape} answered ${answer.status}`);
    assert.doesNotMatch(answer.body, /outside the renderer/);
  }
});

test('a wrong Host header is refused (DNS rebinding)', async () => {
  for (const hostHeader of ['evil.example:80', `attacker.test:${host.port}`, '127.0.0.1']) {
    const answer = await request(`/${host.token}/`, { headers: { Host: hostHeader } });
    assert.equal(answer.status, 421, hostHeader);
  }
  assert.equal((await request(`/${host.token}/`, { headers: { Host: `localhost:${host.port}` } })).status, 200);
});

test('cross-origin calls are refused (CSRF from a page open in the same browser)', async () => {
  assert.equal((await api('listNotes', {}, { Origin: 'https://evil.example' })).status, 403);
  assert.equal((await api('listNotes', {}, { Origin: 'null' })).status, 403);
  assert.equal((await api('listNotes', {}, { 'Sec-Fetch-Site': 'cross-site' })).status, 403);
  const form = await request(`/${host.token}/api/createNote`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"title":"csrf"}' });
  assert.equal(form.status, 415);
  assert.ok(!session.vault.listNotes().some((n) => n.title === 'csrf'));
  const sameOrigin = await api('listNotes', {}, { Origin: `http://127.0.0.1:${host.port}` });
  assert.equal(sameOrigin.status, 200);
});

test('the API answers the contract: values, and errors as code and message', async () => {
  const notes = JSON.parse((await api('listNotes', {})).body) as { ok: boolean; value: { title: string }[] };
  assert.equal(notes.ok, true);
  assert.deepEqual(notes.value.map((n) => n.title).sort(), ['COMMIT — a working timeline', 'Welcome to Carnet']);
  const bad = JSON.parse((await api('getNote', { id: '../../etc/passwd' })).body) as { ok: boolean; error: { code: string } };
  assert.deepEqual([bad.ok, bad.error.code], [false, 'invalid-input']);
  const garbled = await request(`/${host.token}/api/listNotes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{nope' });
  assert.equal(garbled.status, 400);
});

test('events reach the page over Server-Sent Events: a hand edit is pushed', async () => {
  const received = new Promise<string>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: host.port, path: `/${host.token}/events`, headers: { Host: `127.0.0.1:${host.port}` } }, (res) => {
      assert.equal(res.headers['content-type'], 'text/event-stream');
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        if (text.includes('event: vaultChanged')) {
          req.destroy();
          resolve(text);
        }
      });
    });
    req.on('error', (error) => (error.message.includes('aborted') ? undefined : reject(error)));
    setTimeout(async () => {
      const file = path.join(vaultDir, 'notes', 'commit-timeline.md');
      await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('## To check', '## Still to check'));
    }, 200);
  });
  const text = await received;
  assert.match(text, /"kind":"note","id":"sample-timeline","change":"updated"/);
});

/** The raw answer to a request line written by hand: what a browser would never send, but a local script may. */
function rawRequest(requestLine: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(host.port, '127.0.0.1', () => {
      socket.write(`${requestLine}\r\nHost: 127.0.0.1:${host.port}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
    });
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

test('a broken % escape answers 400 (API) or 404 (page), never 500, and logs no stack trace', async (t) => {
  const logged: unknown[][] = [];
  t.mock.method(console, 'error', (...args: unknown[]) => void logged.push(args));
  for (const escape of ['%E0%A4%A', '%', 'list%ZZNotes', '%C0%AF']) {
    const answer = await request(`/${host.token}/api/${escape}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    assert.equal(answer.status, 400, `${escape} answered ${answer.status}`);
    assert.match(String(answer.headers['content-type']), /^application\/json/);
    const reply = JSON.parse(answer.body) as { ok: boolean; error: { code: string; message: string } };
    assert.deepEqual([reply.ok, reply.error.code], [false, 'invalid-input'], escape);
    assert.match(reply.error.message, /broken % escape .*nothing was done\. Reload the page and try again\./);
    assert.doesNotMatch(reply.error.message, /URIError|\n\s+at /);
  }
  for (const escape of ['%E0%A4%A', '%E0%A4%A.js', 'assets/%', '%ZZ/index.html']) {
    const answer = await request(`/${host.token}/${escape}`);
    assert.ok(answer.status === 400 || answer.status === 404, `${escape} answered ${answer.status}`);
    assert.doesNotMatch(answer.body, /URIError|\n\s+at /);
  }
  const unparsable = await rawRequest('POST http://[/api/listNotes HTTP/1.1');
  assert.match(unparsable, /^HTTP\/1\.1 400 /, unparsable.split('\r\n')[0]);
  assert.deepEqual(logged, [], 'nothing was logged: these are the caller’s mistakes, not the host’s');
  // The host still answers well-formed calls.
  assert.equal((await api('listNotes', {})).status, 200);
});

test('the host’s own messages follow Accept-Language: French for a French browser, English otherwise', async () => {
  const fr = { 'Accept-Language': 'fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7' };
  const escape = await request(`/${host.token}/api/%E0%A4%A`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...fr }, body: '{}' });
  assert.equal(escape.status, 400);
  assert.equal(escape.headers['content-language'], 'fr');
  assert.match((JSON.parse(escape.body) as { error: { message: string } }).error.message, /^Le nom d’opération de cette requête contient un échappement % invalide .* ; rien n’a été fait\./);

  const garbled = await request(`/${host.token}/api/listNotes`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...fr }, body: '{nope' });
  assert.equal(garbled.status, 400);
  assert.deepEqual(JSON.parse(garbled.body), {
    ok: false,
    error: { code: 'invalid-input', message: 'La requête n’est pas du JSON valide ; rien n’a été fait. Rechargez la page et réessayez.' },
  });

  const plain = [
    [await request('/', { headers: fr }), 401, /^Cet hôte Carnet demande l’adresse/],
    [await request(`/${'x'.repeat(32)}/`, { headers: fr }), 403, /^Jeton incorrect/],
    [await request(`/${host.token}/`, { headers: { ...fr, Host: 'evil.example:80' } }), 421, /^Refusé : cet hôte Carnet ne répond qu’à 127\.0\.0\.1:/],
    [await api('listNotes', {}, { ...fr, Origin: 'https://evil.example' }), 403, /^Refusé : les requêtes venant d’autres sites/],
    [await request(`/${host.token}/api/listNotes`, { method: 'POST', headers: { ...fr, 'Content-Type': 'text/plain' }, body: '{}' }), 415, /^L’API n’accepte que/],
    [await request(`/${host.token}/api/listNotes`, { headers: fr }), 405, /^L’API n’accepte que des requêtes POST/],
    [await request(`/${host.token}/nothing-here.js`, { headers: fr }), 404, /^Introuvable/],
  ] as const;
  for (const [answer, status, message] of plain) {
    assert.equal(answer.status, status);
    assert.match(answer.body, message);
    assert.equal(answer.headers['content-language'], 'fr');
  }

  const en = await request(`/${host.token}/api/listNotes`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en-GB,fr;q=0.5' }, body: '{nope' });
  assert.equal((JSON.parse(en.body) as { error: { message: string } }).error.message, 'The request is not valid JSON; nothing was done. Reload the page and try again.');
  const none = await request('/');
  assert.match(none.body, /^This Carnet host needs the address it printed at start/);
  assert.equal(none.headers['content-language'], 'en');
});

test('requestLanguage: French when the browser ranks French above English', () => {
  const pick = (value?: string) => requestLanguage(value === undefined ? {} : { 'accept-language': value });
  assert.equal(pick(), 'en');
  assert.equal(pick(''), 'en');
  assert.equal(pick('fr'), 'fr');
  assert.equal(pick('fr-CA'), 'fr');
  assert.equal(pick('FR-fr'), 'fr');
  assert.equal(pick('en-US,fr;q=0.9'), 'en');
  assert.equal(pick('de-DE,fr;q=0.8,en;q=0.5'), 'fr');
  assert.equal(pick('en;q=0.4, fr;q=0.6'), 'fr');
  assert.equal(pick('fr;q=0, en'), 'en');
  assert.equal(pick('de, ja'), 'en');
  assert.equal(pick('*'), 'en');
  assert.equal(pick('french'), 'en');
});

test('an image saved through the API is shown at /<token>/vault/<path>, as an image only; nothing else of the vault is', async () => {
  const saved = JSON.parse((await api('saveAttachment', { name: 'Mekong map.png', data: PNG.toString('base64') })).body) as { ok: boolean; value: { path: string } };
  assert.deepEqual(saved, { ok: true, value: { path: 'attachments/mekong-map.png' } });
  const image = await request(`/${host.token}/vault/attachments/mekong-map.png`);
  assert.equal(image.status, 200);
  assert.deepEqual(image.bytes, PNG);
  assert.equal(image.headers['content-type'], 'image/png');
  assert.equal(image.headers['x-content-type-options'], 'nosniff');
  assert.match(String(image.headers['content-security-policy']), /^default-src 'none'/);
  await fs.writeFile(path.join(vaultDir, 'attachments', 'drawing.png'), SVG);

  for (const [pathname, status] of [
    ['vault/notes/welcome-to-carnet.md', 403],
    ['vault/attachments/..%2fnotes%2fwelcome-to-carnet.md', 403],
    ['vault/attachments/%2e%2e%2f..%2f..%2fsecret.txt', 403],
    ['vault/carnet.json', 403],
    ['vault/.carnet/lock', 403],
    ['vault/attachments/drawing.png', 403],
    ['vault/attachments/missing.png', 404],
  ] as const) {
    const answer = await request(`/${host.token}/${pathname}`);
    assert.equal(answer.status, status, pathname);
    assert.doesNotMatch(answer.body, /Welcome|<svg|"id"/, pathname);
    assert.equal(answer.headers['x-content-type-options'], 'nosniff');
  }
  // Without the token, as everywhere: nothing.
  for (const pathname of ['/vault/attachments/mekong-map.png', `/${'x'.repeat(32)}/vault/attachments/mekong-map.png`]) {
    const answer = await request(pathname);
    assert.ok(answer.status === 401 || answer.status === 403, `${pathname} answered ${answer.status}`);
    assert.notDeepEqual(answer.bytes, PNG);
  }
  assert.equal((await request(`/${host.token}/vault/attachments/mekong-map.png`, { method: 'POST', body: '' })).status, 405);
  const fr = await request(`/${host.token}/vault/notes/welcome-to-carnet.md`, { headers: { 'Accept-Language': 'fr' } });
  assert.match(fr.body, /^Refusé : cet hôte ne montre que les images/);
});

test('with no vault open, the vault route finds nothing', async () => {
  const bare = await startWebHost({ dispatch: async () => ({ ok: true, value: null }), subscribe: () => () => undefined, rendererDir: path.join(PROJECT_ROOT, 'no-renderer'), vaultRoot: () => null });
  try {
    const answer = await new Promise<number>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: bare.port, path: `/${bare.token}/vault/attachments/mekong-map.png`, headers: { Host: `127.0.0.1:${bare.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });
    assert.equal(answer, 404);
  } finally {
    await bare.close();
  }
});
