import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registerHooks } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../helpers/temp-dir.ts';
import type * as FakeElectron from '../../helpers/fake-electron.ts';

const fakeUrl = pathToFileURL(path.join(PROJECT_ROOT, 'tests', 'helpers', 'fake-electron.ts')).href;

test('the preload exposes one function per contract method it was given, and the contract’s events — nothing else', async () => {
  registerHooks({
    resolve: (specifier, context, nextResolve) => (specifier === 'electron' ? { url: fakeUrl, shortCircuit: true } : nextResolve(specifier, context)),
  });
  process.argv.push('--carnet-methods=listNotes,getNote,evil-name,__proto__');
  const fake = (await import(fakeUrl)) as typeof FakeElectron;
  await import('../../../electron/preload.ts');

  assert.deepEqual([...fake.recorded.exposed.keys()], ['carnetBridge']);
  const bridge = fake.recorded.exposed.get('carnetBridge') as { methods: Record<string, (input: unknown) => Promise<unknown>>; on: (event: string, listener: (payload: unknown) => void) => () => void };
  assert.deepEqual(Object.keys(bridge.methods).sort(), ['getNote', 'listNotes'], 'names that are not plain method names are dropped');
  await bridge.methods.getNote?.({ id: 'n1' });
  assert.deepEqual(fake.recorded.invoked, [['carnet:getNote', { id: 'n1' }]]);

  const received: unknown[] = [];
  const off = bridge.on('vaultChanged', (payload) => received.push(payload));
  const [listener] = fake.recorded.rendererListeners.get('carnet:event') ?? [];
  listener?.({}, 'vaultChanged', { changes: [] });
  listener?.({}, 'vaultOpened', { name: 'other event' });
  assert.deepEqual(received, [{ changes: [] }]);
  off();
  assert.deepEqual(fake.recorded.rendererListeners.get('carnet:event'), []);
});
