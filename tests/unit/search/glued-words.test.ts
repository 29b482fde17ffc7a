import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { splitGlued, WordList } from '../../../electron/search/glued-words.ts';
import { matchRanges } from '../../../electron/search/search-highlights.ts';
import { SearchService } from '../../../electron/search/search-service.ts';
import { inlineHost } from '../../../electron/search/search-host.ts';
import { importIntoVault } from '../../../electron/importers/import-into-vault.ts';
import type { Vault } from '../../../electron/vault/vault.ts';
import { inNewVault } from '../../helpers/test-vault.ts';
import { SEEDS, seedsMissing } from '../../helpers/seeds.ts';

const halves = (token: string, capitalised = false) => {
  const split = splitGlued(token, 'fr', capitalised);
  return split && [split.left, split.right];
};

test('words glued by a capture split where the dictionary knows both halves, the longest right half first', () => {
  assert.deepEqual(halves('leVietnam'), ['le', 'Vietnam']);
  assert.deepEqual(halves('asouligné'), ['a', 'souligné']);
  assert.deepEqual(halves('surla'), ['sur', 'la']);
  assert.deepEqual(halves('5.200trafiquants'), ['5.200', 'trafiquants']);
  assert.deepEqual(halves('2020trafiquants'), ['2020', 'trafiquants']);
  assert.deepEqual(halves('àrenforcer'), ['à', 'renforcer']);
  assert.deepEqual(halves('laprévention'), ['la', 'prévention']);
  assert.deepEqual(halves('lecommerce'), ['le', 'commerce']);
  assert.deepEqual(halves('latraite'), ['la', 'traite']);
  assert.equal(splitGlued('thegovernment', 'en')?.right, 'government');
});

test('real words, names and short or odd tokens are never split', () => {
  for (const word of ['surlendemain', 'Vietnam', 'souligné', 'trafiquants', 'internationale', 'renforcer', 'prévention', 'aujourd', 'Kandahar', 'Ouagadougou']) {
    assert.equal(splitGlued(word, 'fr', /^\p{Lu}/u.test(word)), null, word);
  }
  for (const word of ['trafficking', 'government', 'international']) assert.equal(splitGlued(word, 'en'), null, word);
  assert.equal(splitGlued('lela', 'fr'), null, 'shorter than five letters');
  assert.equal(splitGlued(`le${'a'.repeat(40)}`, 'fr'), null, 'longer than forty');
  assert.equal(splitGlued('le-Vietnam', 'fr'), null, 'letters and digits only');
  assert.equal(splitGlued('12.500', 'fr'), null, 'a number alone');
  assert.equal(splitGlued('Asouligné', 'fr', true), null, 'no one-letter left half in a capitalised word (a name)');
});

test('the word list answers by binary search over its sorted lines', () => {
  const list = new WordList(['a', 'abc', 'b', 'ba', 'zz'].join('\n'));
  assert.equal(list.size, 5);
  for (const word of ['a', 'abc', 'b', 'ba', 'zz']) assert.ok(list.has(word), word);
  for (const word of ['', 'ab', 'abcd', 'bb', 'z', 'zzz']) assert.ok(!list.has(word), word);
  assert.equal(new WordList('').has('a'), false);
});

test('a half is highlighted within its glued word, punctuation around it or not', () => {
  const text = 'Il a dit («leVietnam»), puis asouligné, encore.';
  const shown = (term: string) => matchRanges(text, 'fr', new Set([term])).map(([s, e]) => text.slice(s, e));
  assert.deepEqual(shown('vietnam'), ['Vietnam']);
  assert.deepEqual(shown('soulign'), ['souligné']);
  assert.deepEqual(shown('asoulign'), ['asouligné'], 'the glued word as written stays a term of its own');
});

/** A capture of our own: French, every searched word present only glued to its neighbour. */
const OWN_CAPTURE = [
  'Réunion régionale sur la traite des êtres humains',
  '',
  'Les délégués ont rappelé que la coopération entre les pays du bassin du Mékong reste indispensable. ',
  'Le rapport asouligné les progrès accomplis depuis dix ans, et les ministres se sont engagés àrenforcer leurs échanges.',
  'Selon la police, 5.200trafiquants ont été arrêtés dans la région, dont plusieurs auVietnam et au Cambodge.',
  'Les organisations ont plaidé pour laprévention et la protection des victimes, notamment des femmes et des enfants.',
  '',
].join('\n');

async function searchFor(service: SearchService, text: string) {
  return (await service.search({ text, limit: 50 })).hits;
}

test('the index holds the halves of glued words: souligné, Vietnam and trafiquants find the source, highlighted, its text unchanged', { timeout: 120_000 }, async () => {
  await inNewVault(async (vault: Vault) => {
    const own = await importIntoVault(vault, { name: 'reunion-regionale.txt', bytes: Buffer.from(OWN_CAPTURE) }, 'fr');
    assert.ok(own.status === 'imported', JSON.stringify(own));
    const ownId = own.sourceId;
    const sources: { id: string; glued: Record<string, string> }[] = [{ id: ownId, glued: { souligné: 'asouligné', Vietnam: 'auVietnam', trafiquants: '5.200trafiquants', renforcer: 'àrenforcer', prévention: 'laprévention' } }];
    if (!seedsMissing) {
      const seed = await importIntoVault(vault, { name: '002_8f33a0f1b4de59be.txt', bytes: await fs.readFile(path.join(SEEDS, '002_8f33a0f1b4de59be.txt')) }, 'fr');
      assert.ok(seed.status === 'imported', JSON.stringify(seed));
      sources.push({ id: seed.sourceId, glued: { souligné: 'asouligné', Vietnam: 'leVietnam', trafiquants: '5.200trafiquants' } });
    }
    const bodies = new Map(sources.map((s) => [s.id, vault.getSource(s.id).body]));
    assert.equal(vault.getSource(ownId).language, 'fr');
    for (const { id, glued } of sources) for (const written of Object.values(glued)) assert.ok(bodies.get(id)!.includes(written), `the capture keeps "${written}"`);

    const service = new SearchService(vault, inlineHost(), () => {});
    try {
      await service.whenReady();
      for (const { id, glued } of sources) {
        for (const [query, written] of Object.entries(glued)) {
          const hit = (await searchFor(service, query)).find((h) => h.kind === 'source' && h.id === id);
          assert.ok(hit, `"${query}" finds ${id} through "${written}"`);
          const body = bodies.get(id)!;
          const shown = hit.bodyMatches.map(([start, end]) => body.slice(start, end));
          // The half is highlighted within the glued word, not the word as a whole nor anything beside it.
          const at = body.indexOf(written) + written.length - query.length;
          assert.ok(hit.bodyMatches.some(([start, end]) => start === at && end === at + query.length), `"${query}" is highlighted within "${written}" (got ${JSON.stringify(shown)})`);
        }
      }
      // The glued word as captured is still a term of its own.
      assert.ok((await searchFor(service, 'asouligné')).some((h) => h.id === ownId), 'asouligné finds it as written');
      for (const { id } of sources) assert.equal(vault.getSource(id).body, bodies.get(id), 'the displayed text stays as captured');
    } finally {
      await service.stop();
    }
  });
});
