import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { methodSchemas } from '../../../electron/api.ts';
import { PROJECT_ROOT } from '../../helpers/temp-dir.ts';
import { waitFor } from '../../helpers/wait-for.ts';
import type * as FakeElectron from '../../helpers/fake-electron.ts';
import { RENDERER_URL, startFakeMain } from '../../helpers/fake-main.ts';

/**
 * main.ts run in plain Node against a stand-in `electron` module: checks the window's security
 * settings, the IPC wiring and its sender check, and the navigation and permission rules.
 */

let fake: typeof FakeElectron;
let cleanup: () => Promise<void>;
const rendererUrl = RENDERER_URL;

before(async () => {
  const started = await startFakeMain();
  fake = started.fake;
  cleanup = started.cleanup;
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
  assert.equal(prefs.disableBlinkFeatures, 'Auxclick', 'a middle click opens no window');
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
  fake.session.defaultSession.permissionRequestHandler?.(null, 'geolocation', (answer: boolean) => (granted = answer));
  assert.equal(granted, false);
  assert.equal(fake.session.defaultSession.permissionCheckHandler?.(), false);

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

test('offline, truly: spell-check dictionaries are never downloaded, and no session reaches the network', () => {
  const local = pathToFileURL(path.join(PROJECT_ROOT, 'resources', 'dictionaries') + path.sep).href;
  const other = fake.session.fromPartition('persist:another');
  for (const ses of [fake.session.defaultSession, other]) {
    assert.equal(ses.dictionaryDownloadUrl, local, `${ses.partition || 'default'}: dictionaries come from a local folder, not Google's CDN`);
    assert.match(ses.dictionaryDownloadUrl ?? '', /^file:\/\/.*\/$/);
    let granted: boolean | null = null;
    ses.permissionRequestHandler?.(null, 'media', (answer: boolean) => (granted = answer));
    assert.equal(granted, false);
    const verdicts = new Map<string, boolean>();
    for (const url of ['https://example.org/x.png', 'http://127.0.0.1:8080/', 'wss://example.org/socket', 'HTTPS://EXAMPLE.ORG/', rendererUrl, 'devtools://devtools/bundled/index.html']) {
      ses.beforeRequest?.({ url }, (response: { cancel?: boolean }) => verdicts.set(url, response.cancel === true));
    }
    assert.deepEqual(
      [...verdicts.entries()],
      [
        ['https://example.org/x.png', true],
        ['http://127.0.0.1:8080/', true],
        ['wss://example.org/socket', true],
        ['HTTPS://EXAMPLE.ORG/', true],
        [rendererUrl, false],
        ['devtools://devtools/bundled/index.html', false],
      ],
    );
  }
});

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

test('openExternal from the page asks again in the main process: Cancel opens nothing, Open opens the address', async () => {
  const openExternal = fake.recorded.ipcHandlers.get('carnet:openExternal');
  assert.ok(openExternal);
  const trusted = { senderFrame: { url: rendererUrl } };
  fake.recorded.opened.length = 0;
  fake.recorded.messageBoxes.length = 0;

  fake.recorded.messageBoxResponse = 1;
  assert.deepEqual(await openExternal(trusted, { url: 'https://example.org/a?b=c' }), { ok: true, value: { opened: false } });
  assert.deepEqual(fake.recorded.opened, [], 'cancelled: nothing opens');
  const [asked] = fake.recorded.messageBoxes;
  assert.ok(asked);
  assert.equal(asked.owner, fake.recorded.windows[0], 'the dialog belongs to the main window');
  assert.deepEqual(asked.options.buttons, ['Open in browser', 'Cancel']);
  assert.equal(asked.options.type, 'question');
  assert.deepEqual([asked.options.defaultId, asked.options.cancelId], [1, 1], 'Cancel is the default and the Escape answer');
  assert.equal(asked.options.message, 'Open this address in your web browser?');
  assert.equal(asked.options.detail, 'https://example.org/a?b=c');

  fake.recorded.messageBoxResponse = 0;
  assert.deepEqual(await openExternal(trusted, { url: 'https://example.org/a?b=c' }), { ok: true, value: { opened: true } });
  assert.deepEqual(fake.recorded.opened, ['https://example.org/a?b=c']);
  fake.recorded.messageBoxResponse = 1;
});

test('the confirmation speaks the user’s language: the setting, else the system’s locale', async () => {
  const call = (method: string, input: unknown) => fake.recorded.ipcHandlers.get(`carnet:${method}`)?.({ senderFrame: { url: rendererUrl } }, input);
  const buttons = async () => {
    fake.recorded.messageBoxes.length = 0;
    await call('openExternal', { url: 'https://example.org/' });
    return fake.recorded.messageBoxes[0]?.options;
  };
  await call('updateSettings', { language: 'fr' });
  fake.recorded.locale = 'en-US';
  const french = await buttons();
  assert.deepEqual(french?.buttons, ['Ouvrir dans le navigateur', 'Annuler']);
  assert.equal(french?.message, 'Ouvrir cette adresse dans votre navigateur ?');
  await call('updateSettings', { language: 'system' });
  fake.recorded.locale = 'fr-CA';
  assert.deepEqual((await buttons())?.buttons, ['Ouvrir dans le navigateur', 'Annuler']);
  fake.recorded.locale = 'en-GB';
  assert.deepEqual((await buttons())?.buttons, ['Open in browser', 'Cancel']);
  assert.deepEqual(fake.recorded.opened.filter((url) => url === 'https://example.org/'), [], 'all cancelled');
});

test('file:, javascript: and carnet: addresses never open, even if the user would say yes', async () => {
  const openExternal = fake.recorded.ipcHandlers.get('carnet:openExternal');
  const contents = fake.makeWebContents();
  for (const listener of fake.recorded.appListeners.get('web-contents-created') ?? []) listener({}, contents);
  fake.recorded.opened.length = 0;
  fake.recorded.messageBoxes.length = 0;
  fake.recorded.messageBoxResponse = 0;
  const refused = ['file:///etc/passwd', 'javascript:alert(1)', 'carnet://source/s1#a1', 'FILE:///C:/Windows/System32/calc.exe', 'smb://server/share', 'not a url'];
  for (const url of refused) {
    const reply = (await openExternal?.({ senderFrame: { url: rendererUrl } }, { url })) as { ok: boolean; error: { code: string } };
    assert.deepEqual([reply.ok, reply.error.code], [false, 'invalid-input'], url);
    for (const listener of contents.listeners.get('will-navigate') ?? []) listener({ preventDefault: () => undefined }, url);
    assert.deepEqual(contents.windowOpenHandler?.({ url }), { action: 'deny' });
  }
  await settle();
  assert.equal(fake.recorded.messageBoxes.length, 0, 'not even asked');
  assert.deepEqual(fake.recorded.opened, []);

  // A web link the page navigates to, or opens in a new window, goes through the same confirmation.
  for (const listener of contents.listeners.get('will-navigate') ?? []) listener({ preventDefault: () => undefined }, 'https://example.org/nav');
  contents.windowOpenHandler?.({ url: 'http://example.org/popup' });
  await waitFor(() => fake.recorded.opened.length === 2, 'both links opened after the confirmation');
  assert.deepEqual(fake.recorded.messageBoxes.map((box) => box.options.detail), ['https://example.org/nav', 'http://example.org/popup']);
  assert.deepEqual(fake.recorded.opened, ['https://example.org/nav', 'http://example.org/popup']);
  fake.recorded.messageBoxResponse = 1;
});

test('a note printed to PDF by Chromium: a hidden window with JavaScript off prints the exported HTML to the file chosen; Cancel writes nothing', async () => {
  const printToPdf = fake.recorded.ipcHandlers.get('carnet:printToPdf');
  assert.ok(printToPdf);
  const trusted = { senderFrame: { url: rendererUrl } };
  const folder = await fs.mkdtemp(path.join((await import('node:os')).tmpdir(), 'carnet-pdf-'));
  try {
    fake.recorded.saveDialogPath = null;
    assert.deepEqual(await printToPdf(trusted, { noteIds: ['sample-timeline'] }), { ok: true, value: { path: null, count: 1 } });
    assert.equal(fake.recorded.printed.length, 0, 'cancelled: nothing printed');

    const target = path.join(folder, 'timeline.pdf');
    fake.recorded.saveDialogPath = target;
    const windowsBefore = fake.recorded.windows.length;
    const reply = (await printToPdf(trusted, { noteIds: ['sample-timeline'], style: 'chicago' })) as { ok: boolean; value: { path: string } };
    assert.deepEqual(reply, { ok: true, value: { path: target, count: 1 } });
    assert.match(await fs.readFile(target, 'utf8'), /^%PDF-1\.7/);
    const printer = fake.recorded.windows[windowsBefore];
    assert.ok(printer);
    assert.equal(printer.options.show, false);
    assert.equal(printer.options.webPreferences.javascript, false);
    assert.equal(printer.options.webPreferences.sandbox, true);
    assert.equal(printer.destroyed, true, 'the hidden window is closed after printing');
    const [printed] = fake.recorded.printed;
    assert.ok(printed);
    assert.match(printed.html, /<h1>COMMIT — a working timeline<\/h1>/);
    assert.ok(!/<script/i.test(printed.html));
    assert.equal(existsSync(path.dirname(printer.loadedFile ?? '/nowhere/x')), false, 'the temporary page is removed');
  } finally {
    fake.recorded.saveDialogPath = null;
    await fs.rm(folder, { recursive: true, force: true });
  }
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
