import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { defaultImportWorkerUrl, importInWorker, stopImportWorkers } from '../../../electron/importers/import-runner.ts';
import type { ImportReply } from '../../../electron/importers/import-messages.ts';
import { FIXTURES } from '../../helpers/seeds.ts';
import { PROJECT_ROOT, tempDir } from '../../helpers/temp-dir.ts';

after(() => stopImportWorkers());

const BUILT_WORKER = path.join(PROJECT_ROOT, 'dist', 'node', 'import-worker.js');

test('the worker is found beside the source in development, and unpacked beside app.asar when packaged', () => {
  assert.match(defaultImportWorkerUrl().href, /\/electron\/importers\/import-worker\.ts$/);
  assert.equal(defaultImportWorkerUrl('file:///opt/Carnet/resources/app.asar/dist/node/main.js').href, 'file:///opt/Carnet/resources/app.asar.unpacked/dist/node/import-worker.js');
  assert.equal(defaultImportWorkerUrl('file:///C:/Program%20Files/Carnet/resources/app.asar/dist/node/main.js').href, 'file:///C:/Program%20Files/Carnet/resources/app.asar.unpacked/dist/node/import-worker.js');
  assert.equal(defaultImportWorkerUrl('file:///home/me/carnet/dist/node/web.js').href, 'file:///home/me/carnet/dist/node/import-worker.js');
});

test('files read in the worker come back as the importers make them, with the caller’s bytes as the original', async () => {
  for (const name of ['article.html', 'rapport-deux-pages.pdf', 'capture-en.txt', 'note-exportee.md']) {
    const bytes = await fs.readFile(path.join(FIXTURES, name));
    const copy = Buffer.from(bytes);
    const document = await importInWorker({ name, bytes });
    assert.ok(document.body.length > 100, name);
    assert.ok(document.metadata.title, name);
    assert.equal(document.original.bytes, bytes, `${name}: the original is the caller's own bytes`);
    assert.ok(bytes.equals(copy), `${name}: left byte for byte as it was`);
  }
});

test('the built worker runs alone, with nothing beside it (as it does unpacked from the app archive)', { skip: !existsSync(BUILT_WORKER) && 'run node esbuild.config.mjs first' }, async () => {
  const { dir, remove } = await tempDir();
  try {
    await fs.copyFile(BUILT_WORKER, path.join(dir, 'import-worker.js'));
    const worker = new Worker(pathToFileURL(path.join(dir, 'import-worker.js')));
    try {
      const ask = (id: number, name: string) =>
        fs.readFile(path.join(FIXTURES, name)).then(
          (bytes) =>
            new Promise<ImportReply>((resolve, reject) => {
              const onMessage = (reply: ImportReply) => reply.id === id && (worker.off('message', onMessage), resolve(reply));
              worker.on('message', onMessage);
              worker.once('error', reject);
              worker.postMessage({ id, name, bytes: new Uint8Array(bytes) });
            }),
        );
      for (const [id, name, expected] of [
        [1, 'article.html', /processus COMMIT/],
        [2, 'rapport-deux-pages.pdf', /<!-- page 2 -->/],
        [3, 'chiffre.pdf', /encrypted with a password/],
      ] as const) {
        const reply = await ask(id, name);
        assert.match('error' in reply ? reply.error.en : reply.document.body, expected, name);
      }
    } finally {
      await worker.terminate();
    }
  } finally {
    await remove();
  }
});
