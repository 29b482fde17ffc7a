import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SearchService } from '../../../electron/search/search-service.ts';
import { inlineHost } from '../../../electron/search/search-host.ts';
import { documentOfNote } from '../../../electron/search/search-documents.ts';
import { Vault } from '../../../electron/vault/vault.ts';
import type { SearchHit } from '../../../electron/search/search-types.ts';
import { sampleVaultCopy } from '../../helpers/temp-dir.ts';
import { waitFor } from '../../helpers/wait-for.ts';

/** A vault with a source whose title's words are nowhere else, and notes citing it that do not use them. */
async function citingVault() {
  const { dir, remove } = await sampleVaultCopy();
  const vault = await Vault.open(dir);
  const source = await vault.addSource({ title: 'Zanzibar cartography handbook', authors: [], language: 'en' }, 'Coastlines drawn from surveys.\n');
  const citing = await vault.createNote('Reading list', `Worth reading: [« Coastlines drawn »](carnet://source/${source.id}).\n`);
  const twice = await vault.createNote('Second thoughts', `See [the whole source](carnet://source/${source.id}) and again [it](carnet://source/${source.id}).\n`);
  return { dir, vault, source, citing, twice, remove: async () => (await vault.close(), await remove()) };
}

async function startSearch(vault: Vault): Promise<SearchService> {
  const service = new SearchService(vault, inlineHost());
  await service.whenReady();
  return service;
}

const hitsFor = async (service: SearchService, text: string): Promise<SearchHit[]> => (await service.search({ text })).hits;
const noteIds = async (service: SearchService, text: string) => (await hitsFor(service, text)).filter((h) => h.kind === 'note').map((h) => h.id);

function metaOf(vault: Vault, id: string, title: string) {
  const { url, publisher, authors, published, language } = vault.getSource(id);
  return { title, url, publisher, authors, published, language };
}

test("a note's document holds the titles of the sources it cites, each once", async () => {
  const { vault, source, twice, remove } = await citingVault();
  try {
    const doc = documentOfNote(vault, twice.id);
    assert.deepEqual(doc.cites, ['Zanzibar cartography handbook']);
    assert.deepEqual(doc.citedSources, [source.id]);
    const before = doc.fingerprint;
    assert.notEqual(documentOfNote(vault, twice.id, () => 'Another title').fingerprint, before, 'the fingerprint follows the cited title');
  } finally {
    await remove();
  }
});

test("a note citing a source is found by the source's title words, below the source itself", async () => {
  const { vault, source, citing, twice, remove } = await citingVault();
  const service = await startSearch(vault);
  try {
    const hits = await hitsFor(service, 'zanzibar cartography');
    assert.equal(hits[0]?.ref, `source:${source.id}`, 'the source comes first');
    assert.deepEqual(hits.filter((h) => h.kind === 'note').map((h) => h.id).sort(), [citing.id, twice.id].sort());
    assert.deepEqual(await noteIds(service, '"cartography handbook"'), (await noteIds(service, 'cartography handbook')), 'a quoted title finds them too');
    assert.deepEqual(await noteIds(service, 'cites:zanzibar'), (await noteIds(service, 'zanzibar')));
  } finally {
    await service.stop();
    await remove();
  }
});

test('after a source is retitled, the notes citing it are found by the new title and not the old', async () => {
  const { vault, source, citing, twice, remove } = await citingVault();
  const service = await startSearch(vault);
  try {
    await vault.updateSourceMeta(source.id, metaOf(vault, source.id, 'Timbuktu manuscripts survey'), vault.getSource(source.id).revision);
    await waitFor(async () => (await noteIds(service, 'timbuktu')).length === 2, 'the citing notes to be found by the new title');
    assert.deepEqual((await noteIds(service, 'timbuktu')).sort(), [citing.id, twice.id].sort());
    assert.deepEqual(await hitsFor(service, 'zanzibar'), [], 'the old title finds nothing');

    // Deleting the source takes its title out of the notes citing it.
    await vault.deleteItem('source', source.id);
    await waitFor(async () => (await hitsFor(service, 'timbuktu')).length === 0, 'the deleted source’s title to leave its citing notes');
  } finally {
    await service.stop();
    await remove();
  }
});

test('a source retitled while search was not running: the stored shard of the citing note is rebuilt at the next start', async () => {
  const { vault, source, citing, remove } = await citingVault();
  try {
    await (await startSearch(vault)).stop();
    await vault.updateSourceMeta(source.id, metaOf(vault, source.id, 'Timbuktu manuscripts survey'), vault.getSource(source.id).revision);
    const again = await startSearch(vault);
    try {
      assert.ok((await noteIds(again, 'timbuktu')).includes(citing.id));
      assert.deepEqual(await noteIds(again, 'zanzibar'), []);
    } finally {
      await again.stop();
    }
  } finally {
    await remove();
  }
});

test('a source hit says how many notes cite it, and follows citations added and removed', async () => {
  const { vault, source, citing, remove } = await citingVault();
  const service = await startSearch(vault);
  const citedBy = async () => (await hitsFor(service, 'zanzibar')).find((h) => h.ref === `source:${source.id}`)?.citedBy;
  try {
    assert.equal(await citedBy(), 2, 'two notes, one citing twice');
    assert.equal(await citedBy(), vault.citedIn(source.id).notes.length, 'the count the citation panel shows');
    assert.equal((await hitsFor(service, 'zanzibar')).find((h) => h.kind === 'note')?.citedBy, undefined, 'notes carry no count');
    const uncited = (await hitsFor(service, 'fiche lecture')).find((h) => h.ref === 'source:sample-imm4-phnom-penh');
    assert.equal(uncited?.citedBy, 1, 'a sample source cited by one note');

    await vault.createNote('Third', `[Again](carnet://source/${source.id})\n`);
    await waitFor(async () => (await citedBy()) === 3, 'a new citing note to be counted');
    const note = vault.getNote(citing.id);
    await vault.saveNote(citing.id, { title: note.title, body: 'No citation any more.\n', tags: note.tags }, note.revision);
    await waitFor(async () => (await citedBy()) === 2, 'a note no longer citing to leave the count');
    await vault.deleteItem('note', vault.listNotes().find((n) => n.title === 'Third')!.id);
    await waitFor(async () => (await citedBy()) === 1, 'a deleted note to leave the count');
  } finally {
    await service.stop();
    await remove();
  }
});
