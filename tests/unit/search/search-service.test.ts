import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { SearchService } from '../../../electron/search/search-service.ts';
import { inlineHost, workerHost, type SearchHost } from '../../../electron/search/search-host.ts';
import { Vault } from '../../../electron/vault/vault.ts';
import type { SearchStatus } from '../../../electron/search/search-types.ts';
import { sampleVaultCopy } from '../../helpers/temp-dir.ts';
import { waitFor } from '../../helpers/wait-for.ts';

/** A host that counts how many shards each request rebuilt. */
function countingHost(inner: SearchHost = inlineHost()): SearchHost & { rebuilt: string[] } {
  const host = {
    rebuilt: [] as string[],
    call: (async (request, progress) => {
      const reply = await inner.call(request, progress);
      if (request.type === 'load' || request.type === 'update') host.rebuilt.push(...(reply as { rebuilt: string[] }).rebuilt);
      return reply;
    }) as SearchHost['call'],
    stop: () => inner.stop(),
  };
  return host;
}

async function start(dir: string, host: SearchHost = countingHost()) {
  const vault = await Vault.open(dir);
  const statuses: SearchStatus[] = [];
  const service = new SearchService(vault, host, (s) => statuses.push(s));
  await service.whenReady();
  return { vault, service, statuses, stop: async () => (await service.stop(), await vault.close()) };
}

const titles = async (service: SearchService, text: string) => (await service.search({ text })).hits.map((h) => h.title);

test('a start builds every shard with progress and stores them; the next start loads them and rebuilds none', async () => {
  const { dir, remove } = await sampleVaultCopy();
  try {
    const first = await start(dir);
    const host = (first.service as unknown as { host: { rebuilt: string[] } }).host;
    assert.ok(host.rebuilt.length > 0);
    assert.ok(first.statuses.some((s) => s.state === 'indexing' && s.total > 0 && s.done > 0), 'progress is reported');
    assert.equal(first.statuses.at(-1)?.state, 'ready');
    await first.stop();
    const stored = await fs.readdir(path.join(dir, '.carnet', 'index'));
    assert.equal(stored.length, host.rebuilt.length);

    const countingAgain = countingHost();
    const second = await start(dir, countingAgain);
    assert.deepEqual(countingAgain.rebuilt, [], 'nothing is rebuilt when nothing changed');
    try {
      const found = await titles(second.service, 'hanoi');
      assert.ok(found.includes('COMMIT: six countries against human trafficking since 2004'));
      assert.ok(found.includes('Hà Nội accueille la sixième conférence ministérielle du processus COMMIT'));
    } finally {
      await second.stop();
    }
  } finally {
    await remove();
  }
});

test('an edit rebuilds only the shard of the edited document, and is searchable at once', async () => {
  const { dir, remove } = await sampleVaultCopy();
  try {
    const host = countingHost();
    const { vault, service, stop } = await start(dir, host);
    host.rebuilt.length = 0;
    const note = vault.getNote('sample-welcome');
    await vault.saveNote(note.id, { title: note.title, body: `${note.body}\nLes gardes-frontières de Savannakhet.\n`, tags: note.tags }, note.revision);
    await waitFor(async () => (await titles(service, 'savannakhet')).length === 1, 'the edit to be searchable');
    assert.equal(host.rebuilt.length, 1, `one shard rebuilt, not ${host.rebuilt.length}`);
    await stop();
  } finally {
    await remove();
  }
});

test('deleting, hand edits and annotation changes reach the index', async () => {
  const { dir, remove } = await sampleVaultCopy();
  try {
    const { vault, service, stop } = await start(dir);
    try {
    assert.equal((await service.search({ text: 'fiche lecture' })).counts.source, 1);
    assert.equal((await service.search({ text: '"s\'est tenue a Phnom Penh"', kinds: ['annotation'] })).total, 1);
    await vault.deleteItem('source', 'sample-imm4-phnom-penh');
    await waitFor(async () => (await service.search({ text: 'fiche lecture' })).total === 0, 'the deleted source to leave the index');
    assert.equal((await service.search({ text: '"s\'est tenue a Phnom Penh"', kinds: ['annotation'] })).total, 0, 'its annotation leaves too');

    const file = path.join(dir, 'notes', 'commit-timeline.md');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('## To check', '## To check in Battambang'));
    await waitFor(async () => (await titles(service, 'battambang')).includes('COMMIT — a working timeline'), 'the hand edit to be searchable');

    const list = vault.listAnnotations('sample-commit-overview');
    const first = list.annotations[0];
    assert.ok(first);
    await vault.saveAnnotations(list.sourceId, [{ ...first, comment: 'Vérifier auprès du secrétariat de Vientiane' }, ...list.annotations.slice(1)], list.revision);
    await waitFor(async () => (await service.search({ text: 'vientiane', kinds: ['annotation'] })).total === 1, 'the annotation comment to be searchable');
    } finally {
      await stop();
    }
  } finally {
    await remove();
  }
});

test('deleting .carnet/ loses nothing but time; a damaged shard file is rebuilt', async () => {
  const { dir, remove } = await sampleVaultCopy();
  try {
    await (await start(dir)).stop();
    const files = await fs.readdir(path.join(dir, '.carnet', 'index'));
    await fs.writeFile(path.join(dir, '.carnet', 'index', files[0] as string), '{ damaged');
    const host = countingHost();
    const again = await start(dir, host);
    assert.equal(host.rebuilt.length, 1, 'only the damaged shard is rebuilt');
    await again.stop();

    await fs.rm(path.join(dir, '.carnet'), { recursive: true });
    const fresh = await start(dir);
    assert.equal((await fresh.service.search({ text: 'IMM6' })).counts.source, 2);
    await fresh.stop();
  } finally {
    await remove();
  }
});

test('in a worker thread: same answers, and reindex rebuilds everything', async () => {
  const { dir, remove } = await sampleVaultCopy();
  try {
    const host = countingHost(workerHost());
    const { service, stop } = await start(dir, host);
    assert.equal((await service.search({ text: 'etre humain' })).counts.source, 2);
    const before = host.rebuilt.length;
    await service.reindex();
    assert.equal(host.rebuilt.length - before, before, 'every shard rebuilt again');
    await stop();
  } finally {
    await remove();
  }
});
