import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PNG, SVG } from '../../helpers/images.ts';
import { waitFor } from '../../helpers/wait-for.ts';
import type * as FakeElectron from '../../helpers/fake-electron.ts';
import { RENDERER_URL, startFakeMain } from '../../helpers/fake-main.ts';

/**
 * The `carnet-vault:` scheme of main.ts, run in plain Node against the stand-in `electron` module:
 * declared before ready, served on the windows' session from the open vault, images only.
 */

let fake: typeof FakeElectron;
let cleanup: () => Promise<void>;
let vaultRoot: string;
const rendererUrl = RENDERER_URL;

before(async () => {
  const started = await startFakeMain();
  fake = started.fake;
  cleanup = started.cleanup;
  vaultRoot = path.join(started.documents, 'Carnet Sample Vault');
});

after(async () => {
  for (const listener of fake.recorded.appListeners.get('before-quit') ?? []) listener({ preventDefault: () => undefined });
  await waitFor(() => fake.recorded.quitCalls > 0, 'the session stopped');
  await cleanup();
});

function handler(): (request: Request) => Response | Promise<Response> {
  const found = fake.session.defaultSession.protocolHandlers.get('carnet-vault');
  assert.ok(found, 'main.ts handles carnet-vault: on the default session');
  return found;
}

test('the scheme is declared privileged before the app is ready: standard and secure, nothing more', () => {
  assert.deepEqual(fake.recorded.privilegedSchemes, [{ scheme: 'carnet-vault', privileges: { standard: true, secure: true } }]);
});

test('an image saved through IPC is served at carnet-vault://vault/<path>, with its type from the bytes and a CSP that allows nothing', async () => {
  const save = fake.recorded.ipcHandlers.get('carnet:saveAttachment');
  const reply = (await save?.({ senderFrame: { url: rendererUrl } }, { name: 'Mekong map.png', data: PNG.toString('base64') })) as { ok: boolean; value: { path: string } };
  assert.deepEqual(reply, { ok: true, value: { path: 'attachments/mekong-map.png' } });
  const response = await handler()(new Request(`carnet-vault://vault/${reply.value.path}`));
  assert.equal(response.status, 200);
  assert.deepEqual(Buffer.from(await response.arrayBuffer()), PNG);
  assert.equal(response.headers.get('content-type'), 'image/png');
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.match(response.headers.get('content-security-policy') ?? '', /^default-src 'none'/);
});

test('the rest of the vault, other hosts and other methods get nothing', async () => {
  await fs.mkdir(path.join(vaultRoot, 'attachments'), { recursive: true });
  await fs.writeFile(path.join(vaultRoot, 'attachments', 'drawing.png'), SVG);
  await fs.copyFile(path.join(vaultRoot, 'attachments', 'mekong-map.png'), path.join(vaultRoot, '..', 'outside.png'));
  await fs.symlink(path.join(vaultRoot, '..', 'outside.png'), path.join(vaultRoot, 'attachments', 'escape.png'));
  const cases: [string, number, string?][] = [
    ['carnet-vault://vault/notes/welcome-to-carnet.md', 403],
    ['carnet-vault://vault/attachments/../notes/welcome-to-carnet.md', 403],
    ['carnet-vault://vault/%2e%2e/carnet.json', 403],
    ['carnet-vault://vault/attachments/..%2f..%2foutside.png', 403],
    [`carnet-vault://vault/${encodeURIComponent(path.join(vaultRoot, 'attachments', 'mekong-map.png'))}`, 403],
    ['carnet-vault://vault/attachments/drawing.png', 403],
    ['carnet-vault://vault/attachments/escape.png', 403],
    ['carnet-vault://vault/attachments/missing.png', 404],
    ['carnet-vault://elsewhere/attachments/mekong-map.png', 404],
    ['carnet-vault://vault/attachments/mekong-map.png', 404, 'POST'],
  ];
  for (const [url, status, method] of cases) {
    const response = await handler()(new Request(url, { method: method ?? 'GET' }));
    assert.equal(response.status, status, `${method ?? 'GET'} ${url}`);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal((await response.arrayBuffer()).byteLength, 0, url);
  }
});
