import { test } from 'node:test';
import path from 'node:path';
import type { Handlers } from '../../../electron/api.ts';
import assert from 'node:assert/strict';
import { createDispatcher } from '../../../electron/core/dispatcher.ts';
import { createHandlers } from '../../../electron/core/handlers.ts';
import { CarnetSession } from '../../../electron/core/carnet-session.ts';
import { PROJECT_ROOT, sampleVaultCopy, tempDir } from '../../helpers/temp-dir.ts';

async function sessionOnSample() {
  const vault = await sampleVaultCopy();
  const config = await tempDir();
  const session = new CarnetSession({ configDir: config.dir, documentsDir: config.dir, resourcesDir: path.join(PROJECT_ROOT, 'resources') });
  await session.start(vault.dir);
  const logged: string[] = [];
  const dispatch = createDispatcher(createHandlers(session, { front: 'web', openExternal: async () => true }), (line) => logged.push(line));
  return { dispatch, session, logged, close: async () => (await session.stop(), await vault.remove(), await config.remove()) };
}

test('every argument is checked against the contract: path traversal in ids is refused before any handler runs', async () => {
  const { dispatch, close } = await sessionOnSample();
  try {
    for (const [method, input] of [
      ['getNote', { id: '../../etc/passwd' }],
      ['getSource', { id: '/etc/passwd' }],
      ['deleteItem', { kind: 'note', id: '..' }],
      ['restoreFromTrash', { id: '../../../home' }],
      ['listAnnotations', { sourceId: 'a/b' }],
      ['openVault', { path: 'bad\0path' }],
      ['getNote', { id: 'sample-welcome', extra: true }],
      ['openExternal', { url: 'file:///etc/passwd' }],
      ['openExternal', { url: 'javascript:alert(1)' }],
    ] as const) {
      const reply = await dispatch(method, input);
      assert.equal(reply.ok, false, `${method} ${JSON.stringify(input)} should be refused`);
      if (!reply.ok) assert.equal(reply.error.code, 'invalid-input', method);
    }
  } finally {
    await close();
  }
});

test('unknown methods, including inherited names, are refused', async () => {
  const { dispatch, close } = await sessionOnSample();
  try {
    for (const name of ['constructor', '__proto__', 'toString', 'deleteEverything']) {
      const reply = await dispatch(name, {});
      assert.deepEqual(reply.ok ? null : reply.error.code, 'unknown-method', name);
    }
  } finally {
    await close();
  }
});

test('a failure comes back as a code and a message, never a stack trace; unexpected ones are logged', async () => {
  const { dispatch, logged, close } = await sessionOnSample();
  try {
    const missing = await dispatch('getNote', { id: 'no-such-note' });
    assert.deepEqual(missing, { ok: false, error: { code: 'not-found', message: 'No note with id "no-such-note" in this vault: it may have been deleted or renamed outside Carnet.' } });
    const ok = await dispatch('listNotes', {});
    assert.ok(ok.ok && Array.isArray(ok.value) && ok.value.length === 2);
    const failing = { listNotes: () => { throw new TypeError('boom'); } } as unknown as Handlers;
    const throwing = createDispatcher(failing, (line) => logged.push(line));
    const reply = await throwing('listNotes', {});
    assert.equal(reply.ok, false);
    if (!reply.ok) {
      assert.equal(reply.error.code, 'internal');
      assert.doesNotMatch(reply.error.message, /at .*\.ts:\d+/);
    }
    assert.match(logged.join('\n'), /listNotes failed: TypeError: boom/);
  } finally {
    await close();
  }
});

test('errors reach the user in the language they chose: French after switching, English by default', async () => {
  const vault = await sampleVaultCopy();
  const config = await tempDir();
  const session = new CarnetSession({ configDir: config.dir, documentsDir: config.dir, resourcesDir: path.join(PROJECT_ROOT, 'resources'), systemLanguage: () => 'en' });
  await session.start(vault.dir);
  const dispatch = createDispatcher(createHandlers(session, { front: 'web', openExternal: async () => true }), () => undefined, () => session.language());
  try {
    const english = await dispatch('getNote', { id: 'no-such-note' });
    assert.equal(english.ok, false);
    if (!english.ok) assert.match(english.error.message, /^No note with id "no-such-note" in this vault/);
    await dispatch('updateSettings', { language: 'fr' });
    const french = await dispatch('getNote', { id: 'no-such-note' });
    if (!french.ok) assert.match(french.error.message, /^Aucune note d’identifiant « no-such-note » dans ce coffre/);
    const paste = await dispatch('importPaste', { text: 'trop court' });
    assert.ok(paste.ok);
    if (paste.ok) assert.equal((paste.value as { status: string }).status, 'failed');
    const created = await dispatch('createVault', { path: '/proc/carnet-test-vault' });
    if (!created.ok && process.platform === 'linux') assert.match(created.error.message, /dossier du système/);
  } finally {
    await session.stop();
    await vault.remove();
    await config.remove();
  }
});
