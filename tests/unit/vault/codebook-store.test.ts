import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe } from '../../../electron/annotations/anchoring.ts';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { Vault } from '../../../electron/vault/vault.ts';
import type { VaultChange } from '../../../electron/vault/vault-records.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { inNewVault } from '../../helpers/test-vault.ts';

/** Codes and coded passages in real temporary vaults: every change read back from the files. */

const ALPHA = 'Ministers met in Hanoi in 2025. They spoke of victims and of borders. Hue hosted a later meeting.';
const BETA = 'A report from Hanoi on online recruitment. Victims were returned home.';

function passage(body: string, exact: string, id: string, codes: string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const start = body.indexOf(exact);
  assert.notEqual(start, -1, exact);
  const { quote, position } = describe(body, start, start + exact.length);
  return { id, created: '2026-01-01T00:00:00.000Z', updated: '2026-01-01T00:00:00.000Z', quote: { type: 'TextQuoteSelector', ...quote }, position: { type: 'TextPositionSelector', ...position }, comment: '', codes, ...extra };
}

async function writeJson(vault: Vault, relative: string, data: unknown): Promise<void> {
  await fs.writeFile(path.join(vault.root, relative), `${JSON.stringify(data, null, 2)}\n`);
  await vault.reload([relative]);
}

const read = (vault: Vault, relative: string) => fs.readFile(path.join(vault.root, relative), 'utf8');

/** Places > Hanoi, Places > Hue, People; two sources coded by hand. */
async function seed(vault: Vault) {
  const places = await vault.createCode({ name: 'Places' });
  const hanoi = await vault.createCode({ name: 'Hanoi', parent: places.id });
  const hue = await vault.createCode({ name: 'Hue', parent: places.id });
  const people = await vault.createCode({ name: 'People' });
  const alpha = await vault.addSource({ title: 'Alpha report', authors: [], published: '2025-11-19' }, ALPHA);
  const beta = await vault.addSource({ title: 'Beta notes', authors: [] }, BETA);
  await writeJson(vault, `annotations/${alpha.slug}.json`, {
    source: alpha.id,
    annotations: [
      passage(ALPHA, 'Ministers met in Hanoi', 'a1', [hanoi.id, people.id]),
      passage(ALPHA, 'Hanoi in 2025', 'a2', [places.id]),
      passage(ALPHA, 'victims', 'a3', [people.id]),
      passage(ALPHA, 'Hue hosted', 'a4', [hue.id, hanoi.id]),
    ],
  });
  await writeJson(vault, `annotations/${beta.slug}.json`, { source: beta.id, annotations: [passage(BETA, 'Hanoi on online', 'b1', [hanoi.id]), passage(BETA, 'Victims', 'b2', [])] });
  return { places, hanoi, hue, people, alpha, beta, alphaFile: `annotations/${alpha.slug}.json`, betaFile: `annotations/${beta.slug}.json` };
}

const ids = (passages: { annotation: { id: string } }[]) => passages.map((p) => p.annotation.id);

test('codes are created with readable unique ids, any name, and refused twice at the same level', async () => {
  await inNewVault(async (vault) => {
    const names = ['Places/Cities', 'The "quoted" one', 'Café ☕ 🎉', '🎉'];
    const made = [];
    for (const name of names) made.push(await vault.createCode({ name }));
    assert.deepEqual(made.map((c) => c.name), names);
    for (const code of made) assert.match(code.id, /^[A-Za-z0-9_-]{1,64}$/);
    assert.equal(new Set(made.map((c) => c.id)).size, 4);
    assert.equal(made[0]?.id, 'code-places-cities');
    assert.notEqual(made[0]?.color, made[1]?.color, 'a new code takes a colour not used yet');
    await assert.rejects(vault.createCode({ name: 'cafe ☕ 🎉' }), (e: CarnetError) => e.code === 'conflict' && /already exists/.test(e.text.en) && /existe déjà/.test(e.text.fr));
    const under = await vault.createCode({ name: 'CAFÉ ☕ 🎉', parent: made[0]?.id });
    assert.equal(under.parent, made[0]?.id, 'the same name is allowed under another parent');
    await assert.rejects(vault.createCode({ name: 'X', parent: 'no-such-code' }), (e: CarnetError) => e.code === 'not-found');
    const book = JSON.parse(await read(vault, 'codebook.json'));
    assert.deepEqual(book.codes.map((c: { name: string }) => c.name), [...names, 'CAFÉ ☕ 🎉']);
  });
});

test('a code is renamed, recoloured, described and moved; a move into itself is refused', async () => {
  await inNewVault(async (vault) => {
    const { places, hanoi, people } = await seed(vault);
    const changes: VaultChange[] = [];
    vault.onChange((batch) => changes.push(...batch));
    const renamed = await vault.updateCode(hanoi.id, { name: 'Hà Nội', color: '#ABCDEF', description: 'The capital.' });
    assert.deepEqual([renamed.name, renamed.color, renamed.description, renamed.parent], ['Hà Nội', '#abcdef', 'The capital.', places.id]);
    assert.ok(changes.some((c) => c.kind === 'codebook'), 'the search index hears of the new name');
    const moved = await vault.updateCode(hanoi.id, { parent: people.id });
    assert.equal(moved.parent, people.id);
    assert.equal((await vault.updateCode(hanoi.id, { parent: null })).parent, undefined);
    await vault.updateCode(hanoi.id, { parent: places.id });
    const before = await read(vault, 'codebook.json');
    await assert.rejects(vault.updateCode(places.id, { parent: hanoi.id }), (e: CarnetError) => e.code === 'invalid-input' && /its own sub-code "Hà Nội"/.test(e.text.en) && /sous-code/.test(e.text.fr));
    await assert.rejects(vault.updateCode(places.id, { parent: places.id }), (e: CarnetError) => /under itself/.test(e.text.en));
    await assert.rejects(vault.updateCode(hanoi.id, { name: 'hue' }), (e: CarnetError) => e.code === 'conflict');
    assert.equal(await read(vault, 'codebook.json'), before, 'a refused change writes nothing');
  });
});

test('codes count their sub-codes’ passages, each passage once', async () => {
  await inNewVault(async (vault) => {
    const { places, hanoi, hue, people } = await seed(vault);
    const counts = new Map(vault.listCodes().map((c) => [c.id, c.annotationCount]));
    // Places: a1 (hanoi), a2 (places), a4 (hue + hanoi, once), b1 (hanoi).
    assert.deepEqual([counts.get(places.id), counts.get(hanoi.id), counts.get(hue.id), counts.get(people.id)], [4, 3, 1, 2]);
    assert.deepEqual(ids(vault.passagesWithCode(places.id)), ['a1', 'a2', 'a4', 'b1']);
  });
});

test('passages are found by AND, OR and NOT over codes and their sub-codes, in reading order, with their state', async () => {
  await inNewVault(async (vault) => {
    const { places, hanoi, hue, people, alpha } = await seed(vault);
    const q = (all: string[], any: string[] = [], none: string[] = [], sourceId?: string) => vault.queryPassages({ all, any, none, ...(sourceId ? { sourceId } : {}) });
    assert.deepEqual(ids(q([places.id, people.id])), ['a1']);
    assert.deepEqual(ids(q([], [hue.id, people.id])), ['a1', 'a3', 'a4']);
    assert.deepEqual(ids(q([places.id], [], [hue.id])), ['a1', 'a2', 'b1']);
    assert.deepEqual(ids(q([hanoi.id], [], [], alpha.id)), ['a1', 'a4']);
    assert.deepEqual(ids(q([])), ['a1', 'a2', 'a3', 'a4', 'b1', 'b2'], 'no constraint: every passage');
    const [first] = q([places.id, people.id]);
    assert.deepEqual([first?.sourceTitle, first?.sourcePublished, first?.state], ['Alpha report', '2025-11-19', 'anchored']);
  });
});

test('the matrix counts passages per code and source, sub-codes rolled up; co-occurrence counts overlaps per code', async () => {
  await inNewVault(async (vault) => {
    const { places, hanoi, hue, people, alpha, beta } = await seed(vault);
    const matrix = vault.codeMatrix();
    assert.deepEqual(matrix.sources, [{ id: alpha.id, title: 'Alpha report', published: '2025-11-19' }, { id: beta.id, title: 'Beta notes' }]);
    const row = (id: string) => matrix.rows.find((r) => r.codeId === id);
    assert.deepEqual(row(places.id), { codeId: places.id, counts: { [alpha.id]: 3, [beta.id]: 1 }, total: 4 });
    assert.deepEqual(row(people.id), { codeId: people.id, counts: { [alpha.id]: 2 }, total: 2 });
    const pairs = vault.codeCooccurrence().pairs;
    const count = (a: string, b: string) => pairs.find((p) => p.a === [a, b].sort()[0] && p.b === [a, b].sort()[1])?.count;
    // a1 (hanoi, people) overlaps a2 (places); a4 has hue and hanoi.
    assert.equal(count(hanoi.id, people.id), 1);
    assert.equal(count(hanoi.id, hue.id), 1);
    assert.equal(count(hanoi.id, places.id), 1, 'a1 overlaps a2');
    assert.equal(count(people.id, places.id), 1);
    assert.equal(count(hue.id, people.id), undefined, 'no overlap, no pair');
    assert.deepEqual(ids(vault.cooccurringPassages(places.id, people.id)), ['a1', 'a2']);
    assert.deepEqual(ids(vault.cooccurringPassages(hue.id, hanoi.id)), ['a4']);
  });
});

test('merging moves every passage and sub-code to the other code; restoring puts the code back', async () => {
  await inNewVault(async (vault) => {
    const { places, hanoi, hue, people, alphaFile } = await seed(vault);
    const sub = await vault.createCode({ name: 'Old quarter', parent: hanoi.id });
    const bookBefore = await read(vault, 'codebook.json');
    const changes: VaultChange[] = [];
    vault.onChange((batch) => changes.push(...batch));
    assert.deepEqual(await vault.mergeCodes(hanoi.id, hue.id), { moved: 3 });
    const alpha = JSON.parse(await read(vault, alphaFile));
    assert.deepEqual(alpha.annotations.map((a: { codes: string[] }) => a.codes), [[hue.id, people.id], [places.id], [people.id], [hue.id]], 'no duplicate on a4');
    assert.equal(vault.listCodes().find((c) => c.id === sub.id)?.parent, hue.id);
    assert.ok(!vault.listCodes().some((c) => c.id === hanoi.id));
    assert.ok(changes.some((c) => c.kind === 'codebook') && changes.some((c) => c.kind === 'annotations'));
    const [entry] = await vault.listTrash();
    assert.deepEqual([entry?.kind, entry?.title, entry?.files], ['code', 'Hanoi', []]);
    await vault.restore(entry!.id);
    assert.equal(await read(vault, 'codebook.json'), bookBefore, 'the code and its sub-code are back in place');
    assert.deepEqual(ids(vault.passagesWithCode(hanoi.id)), ['a1', 'a4', 'b1']);
    assert.deepEqual(await vault.listTrash(), []);
  });
});

test('deleting a code takes its sub-codes and leaves passages their other codes; restoring is exact', async () => {
  await inNewVault(async (vault) => {
    const { places, people, alphaFile, betaFile } = await seed(vault);
    const before = await Promise.all(['codebook.json', alphaFile, betaFile].map((f) => read(vault, f)));
    const entry = await vault.deleteCode(places.id);
    assert.deepEqual([entry.kind, entry.title], ['code', 'Places']);
    assert.deepEqual(vault.listCodes().map((c) => c.id), [people.id]);
    const alpha = JSON.parse(await read(vault, alphaFile));
    assert.deepEqual(alpha.annotations.map((a: { codes: string[] }) => a.codes), [[people.id], [], [people.id], []]);
    assert.equal(vault.listCodes()[0]?.annotationCount, 2);
    assert.equal((await vault.listTrash()).length, 1);
    await vault.restore(entry.id);
    assert.deepEqual(await Promise.all(['codebook.json', alphaFile, betaFile].map((f) => read(vault, f))), before);
    assert.deepEqual(await fs.readdir(path.join(vault.root, '.carnet', 'pending')), []);
  });
});

test('an annotation goes to the trash and comes back verbatim; a clash or a lost source is refused, nothing lost', async () => {
  await inNewVault(async (vault) => {
    const { alpha, alphaFile } = await seed(vault);
    const before = await read(vault, alphaFile);
    const entry = await vault.deleteAnnotation(alpha.id, 'a2');
    assert.deepEqual([entry.kind, entry.title], ['annotation', 'Hanoi in 2025 — Alpha report'], 'the passage, then its source');
    assert.deepEqual(vault.listAnnotations(alpha.id).annotations.map((a) => a.id), ['a1', 'a3', 'a4']);
    await vault.restore(entry.id);
    assert.equal(await read(vault, alphaFile), before);

    const again = await vault.deleteAnnotation(alpha.id, 'a2');
    const file = JSON.parse(await read(vault, alphaFile));
    file.annotations.push(passage(ALPHA, 'borders', 'a2', []));
    await writeJson(vault, alphaFile, file);
    await assert.rejects(vault.restore(again.id), (e: CarnetError) => e.code === 'conflict' && /same id/.test(e.text.en));
    await vault.deleteItem('source', alpha.id);
    await assert.rejects(vault.restore(again.id), (e: CarnetError) => e.code === 'not-found' && /no longer in the vault/.test(e.text.en));
    assert.ok((await vault.listTrash()).some((t) => t.id === again.id), 'the annotation stays in the trash');
    await assert.rejects(vault.deleteAnnotation(alpha.id, 'a1'), (e: CarnetError) => e.code === 'not-found');
  });
});

test('a broken codebook or annotation file stops every code change, and is left byte for byte', async () => {
  await inNewVault(async (vault) => {
    const { hanoi, hue, alpha, betaFile } = await seed(vault);
    const broken = '{ "codes": [ oops\n';
    await fs.writeFile(path.join(vault.root, 'codebook.json'), broken);
    await vault.reload(['codebook.json']);
    const refusals = [vault.createCode({ name: 'New' }), vault.updateCode(hanoi.id, { name: 'X' }), vault.mergeCodes(hanoi.id, hue.id), vault.deleteCode(hanoi.id)];
    for (const attempt of refusals) await assert.rejects(attempt, (e: CarnetError) => e.code === 'unreadable' && /codebook\.json cannot be read/.test(e.text.en) && /ne peut pas être lu/.test(e.text.fr));
    assert.equal(await read(vault, 'codebook.json'), broken);
    await fs.writeFile(path.join(vault.root, 'codebook.json'), JSON.stringify({ codes: [{ id: hanoi.id, name: 'Hanoi', color: '#123456' }] }));
    await vault.reload(['codebook.json']);
    const brokenAnnotations = '{"source": 12}';
    await fs.writeFile(path.join(vault.root, betaFile), brokenAnnotations);
    await vault.reload([betaFile]);
    const book = await read(vault, 'codebook.json');
    await assert.rejects(vault.deleteCode(hanoi.id), (e: CarnetError) => e.code === 'unreadable' && e.text.en.includes(betaFile));
    assert.equal(await read(vault, betaFile), brokenAnnotations);
    assert.equal(await read(vault, 'codebook.json'), book);
    assert.deepEqual(await vault.listTrash(), [], 'no trash entry for a change that did not happen');
    assert.ok(vault.queryPassages({ all: [hanoi.id], any: [], none: [], sourceId: alpha.id }).length > 0);
  });
});

test('keys Carnet does not know survive every rewrite, in their place', async () => {
  await inNewVault(async (vault) => {
    const { hanoi, hue, alpha, alphaFile } = await seed(vault);
    const book = JSON.parse(await read(vault, 'codebook.json'));
    book.mine = { keep: true };
    book.codes[1].icon = 'pin';
    await writeJson(vault, 'codebook.json', book);
    const file = JSON.parse(await read(vault, alphaFile));
    file.tool = 'other';
    file.annotations[0].quote.extra = 'nested';
    file.annotations[0].reviewer = 'Ana';
    await writeJson(vault, alphaFile, file);
    await vault.updateCode(hanoi.id, { name: 'Ha Noi' });
    await vault.mergeCodes(hue.id, hanoi.id);
    const after = JSON.parse(await read(vault, alphaFile));
    assert.equal(after.tool, 'other');
    assert.equal(after.annotations[0].quote.extra, 'nested');
    assert.equal(after.annotations[0].reviewer, 'Ana');
    assert.deepEqual(Object.keys(after), ['source', 'annotations', 'tool']);
    const bookAfter = JSON.parse(await read(vault, 'codebook.json'));
    assert.deepEqual(bookAfter.mine, { keep: true });
    assert.equal(bookAfter.codes.find((c: { id: string }) => c.id === hanoi.id).icon, 'pin');
    assert.equal(vault.listAnnotations(alpha.id).annotations.length, 4);
  });
});

test('5,000 codes: create, rename, count, matrix and delete stay quick', async () => {
  await inNewVault(async (vault) => {
    const { alphaFile, alpha } = await seed(vault);
    const codes = Array.from({ length: 5000 }, (_, i) => ({ id: `c${i}`, name: `Code ${i} / “${i}” 🎯`, color: '#123456', description: '', ...(i % 10 === 0 ? {} : { parent: `c${i - (i % 10)}` }) }));
    await writeJson(vault, 'codebook.json', { codes });
    const file = JSON.parse(await read(vault, alphaFile));
    file.annotations[0].codes = ['c1', 'c2', 'c4999'];
    await writeJson(vault, alphaFile, file);
    const started = Date.now();
    const made = await vault.createCode({ name: 'Code 1 / “1” 🎯', parent: 'c0' }).catch((e: CarnetError) => e);
    assert.ok(made instanceof CarnetError && made.code === 'conflict');
    await vault.createCode({ name: 'One more' });
    await vault.updateCode('c1', { name: 'Renamed' });
    const counts = new Map(vault.listCodes().map((c) => [c.id, c.annotationCount]));
    assert.equal(counts.get('c0'), 1, 'c1 and c2 are sub-codes of c0: one passage');
    assert.equal(counts.get('c4990'), 1);
    assert.equal(vault.codeMatrix().rows.length, 5001);
    await vault.deleteCode('c0');
    assert.deepEqual(vault.listAnnotations(alpha.id).annotations[0]?.codes, ['c4999']);
    assert.equal(vault.listCodes().length, 5001 - 10, "c0 and its nine sub-codes are gone");
    assert.ok(Date.now() - started < 30_000, `took ${Date.now() - started} ms`);
  });
});

test('the vault’s highlight colours live in carnet.json beside its other keys', async () => {
  await inNewVault(async (vault) => {
    assert.deepEqual((await vault.getVaultSettings()).highlightColors.map((c) => c.name), ['', '', '', '', ''], 'unnamed: the interface names them in its language');
    const manifest = JSON.parse(await read(vault, 'carnet.json'));
    await fs.writeFile(path.join(vault.root, 'carnet.json'), JSON.stringify({ ...manifest, other: 1, settings: { theme: 'x' } }));
    const colors = [
      { color: '#FF0000', name: 'Key fact' },
      { color: '#00ff00', name: 'Method' },
      { color: '#0000ff', name: '' },
      { color: '#111111', name: 'Quote' },
      { color: '#222222', name: 'Doubt' },
    ];
    const saved = await vault.updateVaultSettings({ highlightColors: colors });
    assert.equal(saved.highlightColors[0]?.color, '#ff0000');
    const after = JSON.parse(await read(vault, 'carnet.json'));
    assert.equal(after.other, 1);
    assert.equal(after.settings.theme, 'x');
    assert.equal(after.id, manifest.id);
    assert.deepEqual((await vault.getVaultSettings()).highlightColors[1], { color: '#00ff00', name: 'Method' });
    await fs.writeFile(path.join(vault.root, 'carnet.json'), '{ not json');
    await assert.rejects(vault.updateVaultSettings({ highlightColors: colors }), (e: CarnetError) => e.code === 'unreadable');
    assert.equal(await read(vault, 'carnet.json'), '{ not json');
  });
});

test('a code change a crash interrupted after its commit record is finished at the next open', async () => {
  const { dir, remove } = await tempDir();
  try {
    const vault = await Vault.create(path.join(dir, 'v'));
    const { alphaFile, hanoi } = await seed(vault);
    const root = vault.root;
    const before = await read(vault, alphaFile);
    await vault.close();
    const { revisionOf } = await import('../../../electron/vault/vault-files.ts');
    const next = before.replaceAll(hanoi.id, 'code-people');
    const pending = path.join(root, '.carnet', 'pending');
    const id = '00000000-0000-4000-8000-000000000001';
    await fs.mkdir(path.join(pending, id), { recursive: true });
    await fs.writeFile(path.join(pending, id, '0.md'), next);
    await fs.writeFile(path.join(pending, `${id}.json`), JSON.stringify({ kind: 'file-set', writes: [{ path: alphaFile, before: revisionOf(before), after: revisionOf(next) }], removes: [] }));
    const reopened = await Vault.open(root, { watch: false });
    try {
      assert.equal(await read(reopened, alphaFile), next);
      assert.deepEqual(await fs.readdir(pending), []);
    } finally {
      await reopened.close();
    }
  } finally {
    await remove();
  }
});
