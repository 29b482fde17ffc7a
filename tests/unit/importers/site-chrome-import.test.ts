import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { importIntoVault, learnFromBatch } from '../../../electron/importers/import-into-vault.ts';
import { stopImportWorkers } from '../../../electron/importers/import-runner.ts';
import { inNewVault } from '../../helpers/test-vault.ts';
import type { Vault } from '../../../electron/vault/vault.ts';

const SITE = path.join(import.meta.dirname, '..', '..', 'fixtures', 'captures', 'site-veilleur-du-delta');
const FIRST = '1-crue-can-tho.txt';
const SECOND = '2-marche-flottant.txt';
const BLURB = 'Le Veilleur du Delta est un journal indépendant';
const CHROME = [BLURB, 'Abonnez-vous', 'Mentions légales', 'Tous droits réservés', 'Accueil | Société'];

const read = async (name: string, transform: (text: string) => string = (t) => t) => ({ name, bytes: Buffer.from(transform(await fs.readFile(path.join(SITE, name), 'utf8')), 'utf8') });

async function bodyOf(vault: Vault, input: { name: string; bytes: Uint8Array }, batch?: ReturnType<typeof learnFromBatch>[]) {
  const result = await importIntoVault(vault, input, 'en', { batch: batch?.filter((b) => b !== null) });
  assert.equal(result.status, 'imported', JSON.stringify(result));
  return result.status === 'imported' ? vault.getSource(result.sourceId) : assert.fail();
}

test.after(() => stopImportWorkers());

test('a capture imported after another of its site drops the chrome they share', async () => {
  await inNewVault(async (vault) => {
    const first = await bodyOf(vault, await read(FIRST));
    assert.match(first.body, new RegExp(BLURB), 'alone, the site’s blurb reads as the article’s last paragraph');
    const second = await bodyOf(vault, await read(SECOND));
    for (const line of CHROME) assert.doesNotMatch(second.body, new RegExp(line.replace(/\|/g, '\\|')), line);
    assert.match(second.body, /Pour les historiens de la région/);
    assert.equal(second.title, 'Le marché flottant de Cái Răng cherche un second souffle');
    assert.equal(second.extraction, undefined);
  });
});

test('without an address, the same header lines make the same site', async () => {
  await inNewVault(async (vault) => {
    const noSource = (text: string) => text.replace(/\nSource : .*\n?$/, '\n');
    await bodyOf(vault, await read(FIRST, noSource));
    const second = await bodyOf(vault, await read(SECOND, noSource));
    assert.doesNotMatch(second.body, new RegExp(BLURB));
  });
});

test('captures of one site imported together teach each other, the first one too', async () => {
  await inNewVault(async (vault) => {
    const inputs = [await read(FIRST), await read(SECOND)];
    const learnt = inputs.map(learnFromBatch);
    const first = await bodyOf(vault, inputs[0]!, [learnt[1]!]);
    assert.doesNotMatch(first.body, new RegExp(BLURB));
    assert.match(first.body, /calendrier des semis/);
  });
});
