import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { registerHooks } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { methodSchemas } from '../../../electron/api.ts';
import { PROJECT_ROOT, tempDir } from '../../helpers/temp-dir.ts';
import { waitFor } from '../../helpers/wait-for.ts';
import type * as FakeElectron from '../../helpers/fake-electron.ts';

/**
 * main.ts run in plain Node against a stand-in `electron` module: checks the window's security
 * settings, the IPC wiring and its sender check, and the navigation and permission rules.
 */

const fakeUrl = pathToFileURL(path.join(PROJECT_ROOT, 'tests', 'helpers', 'fake-electron.ts')).href;
let fake: typeof FakeElectron;
let cleanup: () => Promise<void>;
const rendererUrl = pathToFileURL(path.join(PROJECT_ROOT, 'dist', 'renderer', 'index.html')).href;

before(async () => {
  registerHooks({
    resolve: (specifier, context, nextResolve) => (specifier === 'electron' ? { url: fakeUrl, shortCircuit: true } : nextResolve(specifier, context)),
  });
  const temp = await tempDir();
  process.env.FAKE_ELECTRON_USERDATA = path.join(temp.dir, 'config');
  process.env.FAKE_ELECTRON_DOCUMENTS = path.join(temp.dir, 'Documents');
  await fs.mkdir(process.env.FAKE_ELECTRON_DOCUMENTS);
  cleanup = temp.remove;
  fake = (await import(fakeUrl)) as typeof FakeElectron;
  await import('../../../electron/main.ts');
  await waitFor(() => fake.recorded.windows.length === 1, 'the main window');
});

after(async () => {
  await cleanup();
});

test('the window is sandboxed: context isolation, sandbox, no Node integration, the bundled preload', () => {
  const [window] = fake.recorded.windows;
  assert.ok(window);
  const prefs = window.options.webPreferences;
  assert.equal(prefs.contextIsolation, true);
  assert.equal(prefs.sandbox, true);
  assert.equal(prefs.nodeIntegration, false);
  assert.equal(prefs.webSecurity, true);
  assert.equal(prefs.preload, path.join(PROJECT_ROOT, 'dist', 'node', 'preload.cjs'));
  assert.equal(window.loadedFile, path.join(PROJECT_ROOT, 'dist', 'renderer', 'index.html'));
  const methods = (prefs.additionalArguments as string[]).find((a) => a.startsWith('--carnet-methods='));
  assert.equal(methods, `--carnet-methods=${Object.keys(methodSchemas).join(',')}`);
});

test('the renderer page carries a Content-Security-Policy that allows nothing from outside', { skip: !existsSync(path.join(PROJECT_ROOT, 'dist', 'renderer', 'index.html')) && 'not built' }, async () => {
  const html = await fs.readFile(path.join(PROJECT_ROOT, 'dist', 'renderer', 'index.html'), 'utf8');
  assert.match(html, /<meta\s+http-equiv="Content-Security-Policy"\s+content="default-src 'self'; script-src 'self';[^"]*object-src 'none'/);
  assert.doesNotMatch(html, /https?:\/\//);
});

test('every contract method has an IPC handler, which answers only Carnet’s own page', async () => {
  const channels = [...fake.recorded.ipcHandlers.keys()].sort();
  assert.deepEqual(channels, Object.keys(methodSchemas).map((m) => `carnet:${m}`).sort());
  const listNotes = fake.recorded.ipcHandlers.get('carnet:listNotes');
  assert.ok(listNotes);
  const fromApp = (await listNotes({ senderFrame: { url: rendererUrl } }, {})) as { ok: boolean; value: unknown[] };
  assert.equal(fromApp.ok, true);
  assert.equal(fromApp.value.length, 2, 'the first start opened the sample vault');
  for (const url of ['https://evil.example/', 'file:///tmp/other.html', `${rendererUrl}?x`]) {
    const reply = (await listNotes({ senderFrame: { url } }, {})) as { ok: boolean; error: { code: string } };
    assert.deepEqual([reply.ok, reply.error.code], [false, 'forbidden'], url);
  }
  const bad = (await fake.recorded.ipcHandlers.get('carnet:getNote')?.({ senderFrame: { url: rendererUrl } }, { id: '../../etc/passwd' })) as { ok: boolean; error: { code: string } };
  assert.equal(bad.error.code, 'invalid-input');
});

test('permissions are denied; navigation, redirects, webviews and new windows are blocked', () => {
  let granted: boolean | null = null;
  fake.recorded.permissionRequestHandler?.(null, 'geolocation', (answer: boolean) => (granted = answer));
  assert.equal(granted, false);
  assert.equal(fake.recorded.permissionCheckHandler?.(), false);

  const contents = fake.makeWebContents();
  for (const listener of fake.recorded.appListeners.get('web-contents-created') ?? []) listener({}, contents);
  const prevented: string[] = [];
  const event = (name: string) => ({ preventDefault: () => prevented.push(name) });
  for (const listener of contents.listeners.get('will-navigate') ?? []) listener(event('navigate'), 'https://evil.example/');
  for (const listener of contents.listeners.get('will-redirect') ?? []) listener(event('redirect'), 'https://evil.example/');
  for (const listener of contents.listeners.get('will-attach-webview') ?? []) listener(event('webview'));
  assert.deepEqual(prevented, ['navigate', 'redirect', 'webview']);
  assert.deepEqual(contents.windowOpenHandler?.({ url: 'https://example.org/' }), { action: 'deny' });
  assert.deepEqual(fake.recorded.opened, [], 'nothing opens without the user confirming');
});

test('quitting stops the session first: the vault lock is released', async () => {
  const documents = process.env.FAKE_ELECTRON_DOCUMENTS as string;
  const lock = path.join(documents, 'Carnet Sample Vault', '.carnet', 'lock');
  assert.ok(existsSync(lock));
  let prevented = false;
  for (const listener of fake.recorded.appListeners.get('before-quit') ?? []) listener({ preventDefault: () => (prevented = true) });
  assert.equal(prevented, true);
  await waitFor(() => fake.recorded.quitCalls > 0, 'app.quit after the session stopped');
  assert.equal(existsSync(lock), false);
});
