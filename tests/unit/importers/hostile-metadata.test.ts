import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { importIntoVault } from '../../../electron/importers/import-into-vault.ts';
import { languageTag } from '../../../electron/importers/metadata/normalise.ts';
import { Vault } from '../../../electron/vault/vault.ts';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

async function emptyVault() {
  const temp = await tempDir();
  const vault = await Vault.create(path.join(temp.dir, 'v'), 'Import');
  return { vault, close: async () => (await vault.close(), await temp.remove()) };
}

async function vaultFiles(vault: Vault): Promise<string[]> {
  const entries = await fs.readdir(vault.root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(vault.root, path.join(e.parentPath, e.name)))
    .filter((p) => !p.startsWith('.carnet'))
    .sort();
}

const paragraph = 'La coopération entre les six pays du Mékong contre la traite des êtres humains se poursuit à Hà Nội, avec de nouveaux engagements des ministres.';

// What a browser puts on the clipboard: a fragment, no <title>, often no og: tags.
const fragments: [string, string, string][] = [
  ['with an <h1>', `<meta charset="utf-8"><h1>Réunion ministérielle à Hà Nội</h1><p>${paragraph}</p><p>${paragraph}</p>`, 'Réunion ministérielle à Hà Nội'],
  ['with no heading', `<meta charset="utf-8"><div><p>${paragraph}</p><p>${paragraph} Deuxième paragraphe.</p></div>`, paragraph.slice(0, 60)],
  ['of one short block', `<span>Trafficking in the Mekong: six countries meet again in Hanoi this week to agree on a new plan.</span>`, 'Trafficking in the Mekong'],
];

for (const [what, html, title] of fragments) {
  test(`pasting a browser fragment ${what} imports it under a title, leaving no file behind on the way`, async () => {
    const { vault, close } = await emptyVault();
    try {
      const result = await importIntoVault(vault, { name: 'pasted.html', bytes: Buffer.from(html) });
      assert.equal(result.status, 'imported', result.status === 'failed' ? result.reason : '');
      if (result.status !== 'imported') return;
      assert.ok(result.title.startsWith(title.slice(0, 25)), `title "${result.title}"`);
      const files = await vaultFiles(vault);
      assert.equal(files.filter((f) => f.startsWith('sources/') && f.endsWith('.md')).length, 1, files.join(', '));
      assert.ok(!files.some((f) => f.includes('untitled')), files.join(', '));
    } finally {
      await close();
    }
  });
}

test('a record that would not read back is refused before anything is written, however often it is retried', async () => {
  const { vault, close } = await emptyVault();
  try {
    const before = await vaultFiles(vault);
    for (let attempt = 0; attempt < 3; attempt++) {
      await assert.rejects(
        vault.addSource({ title: '', authors: [] }, 'Body.\n', { bytes: Buffer.from('raw'), extension: 'html' }),
        (error: unknown) => error instanceof CarnetError && error.code === 'invalid-input' && /Nothing was written/.test(error.text.en) && /Rien n’a été écrit/.test(error.text.fr),
      );
      await assert.rejects(vault.addSource({ title: 'Dated', authors: [], published: 'yesterday' }, 'Body.\n', { bytes: Buffer.from('raw'), extension: 'html' }), CarnetError);
    }
    assert.deepEqual(await vaultFiles(vault), before);
  } finally {
    await close();
  }
});

test('Markdown metadata is normalised: odd language tags read back as codes, only web addresses are kept', async () => {
  const { vault, close } = await emptyVault();
  try {
    const variants: [string, string | undefined][] = [
      ['en-US', 'en'],
      ['fr_FR', 'fr'],
      ['FR', 'fr'],
      ['English', 'en'],
      ['Français', 'fr'],
      ['vi-VN', 'vi'],
    ];
    for (const [i, [lang, expected]] of variants.entries()) {
      const text = `---\ntitle: Article ${i}\nlang: ${lang}\nurl: ${i % 2 ? 'javascript:alert(1)' : `https://example.org/a/${i}`}\n---\n\n${paragraph} (${i})\n`;
      const result = await importIntoVault(vault, { name: `a${i}.md`, bytes: Buffer.from(text) });
      assert.equal(result.status, 'imported', `${lang}: ${result.status === 'failed' ? result.reason : result.status}`);
      if (result.status !== 'imported') continue;
      const source = vault.getSource(result.sourceId);
      assert.equal(source.language, expected, lang);
      assert.equal(source.url, i % 2 ? undefined : `https://example.org/a/${i}`);
    }
    assert.deepEqual(vault.problems(), [], 'every source reads back');
    await vault.close();
    const reopened = await Vault.open(vault.root, { watch: false });
    assert.equal(reopened.listSources().length, variants.length);
    assert.deepEqual(reopened.problems(), []);
    await reopened.close();
  } finally {
    await close();
  }
});

test('language tags: BCP 47 primary subtags and language names', () => {
  assert.equal(languageTag('en-GB'), 'en');
  assert.equal(languageTag('zh-Hant-TW'), 'zh');
  assert.equal(languageTag('tiếng Việt'), 'vi');
  assert.equal(languageTag('Klingon'), undefined);
  assert.equal(languageTag('12'), undefined);
  assert.equal(languageTag('fra'), 'fr');
  assert.equal(languageTag('eng'), 'en');
  assert.equal(languageTag('und'), undefined);
  assert.equal(languageTag('zxx'), undefined);
});
