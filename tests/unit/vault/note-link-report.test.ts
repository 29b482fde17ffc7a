import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Vault } from '../../../electron/vault/vault.ts';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const HEAD = (id: string, title: string, extra = '') => `---\nid: ${id}\ntitle: ${title}\n${extra}tags: []\ncreated: 2026-01-01T00:00:00Z\nupdated: 2026-01-01T00:00:00Z\n---\n`;

/** Lines are counted in the file: the front matter above takes lines 1–7 (8 with an alias line). */
const NOTES: Record<string, string> = {
  'hanoi.md': `${HEAD('hanoi', 'Hà Nội', 'aliases: Thăng Long\n')}The capital. See [[Huế]] and [[Nowhere]].\n`,
  'hue.md': `${HEAD('hue', 'Huế')}Imperial city.\n`,
  'linker.md': `${HEAD('linker', 'Linker')}First line.\nWe flew to [[ha noi|the capital]].\nThen [again](hanoi.md).\n`,
  'mentioner.md': `${HEAD('mentioner', 'Mentioner')}Intro.\nIn HA NOI, and later in ${'x'.repeat(300)} thang long.\nNot in \`Hà Nội\` code, nor in Hanoian or [a link about Hà Nội](https://example.org).\n`,
  'silent.md': `${HEAD('silent', 'Silent')}Nothing about it.\n`,
};

async function vaultWithNotes(): Promise<{ vault: Vault; remove: () => Promise<void> }> {
  const { dir, remove } = await tempDir();
  const root = path.join(dir, 'v');
  await (await Vault.create(root)).close();
  for (const [name, text] of Object.entries(NOTES)) await fs.writeFile(path.join(root, 'notes', name), text);
  return { vault: await Vault.open(root, { watch: false }), remove };
}

test('noteLinks lists backlinks, unlinked mentions (whole words, outside code and links) and outgoing links', async () => {
  const { vault, remove } = await vaultWithNotes();
  try {
    const links = vault.noteLinks('hanoi');
    assert.deepEqual(links.backlinks, [
      { noteId: 'linker', title: 'Linker', line: 9, excerpt: 'We flew to [[ha noi|the capital]].' },
      { noteId: 'linker', title: 'Linker', line: 10, excerpt: 'Then [again](hanoi.md).' },
    ]);
    assert.deepEqual(links.mentions.map((m) => [m.noteId, m.line]), [['mentioner', 9]], 'one place per line; the alias counts; code, links and "Hanoian" do not');
    const excerpt = links.mentions[0]?.excerpt ?? '';
    assert.ok(excerpt.startsWith('In HA NOI') && excerpt.endsWith('…') && excerpt.length <= 162, excerpt);
    assert.deepEqual(links.outgoing, [
      { target: 'Huế', line: 9, resolved: { kind: 'note', id: 'hue', title: 'Huế' } },
      { target: 'Nowhere', line: 9, resolved: null },
    ]);
    assert.deepEqual(vault.noteLinks('hue').backlinks.map((b) => b.noteId), ['hanoi']);
    assert.equal(vault.listNotes().find((n) => n.id === 'hanoi')?.aliases?.[0], 'Thăng Long', 'listNotes carries aliases for link suggestions');
    assert.equal(vault.listNotes().find((n) => n.id === 'hue')?.aliases, undefined);
  } finally {
    await vault.close();
    await remove();
  }
});

test('linkMention links the first unlinked mention on the line, keeping its words as shown text, history first', async () => {
  const { vault, remove } = await vaultWithNotes();
  try {
    const before = vault.getNote('mentioner');
    const file = path.join(vault.root, before.path);
    const original = await fs.readFile(file, 'utf8');
    await assert.rejects(vault.linkMention('mentioner', 'hanoi', 9, '0000000000000000'), (e: unknown) => e instanceof CarnetError && e.code === 'conflict');
    await assert.rejects(vault.linkMention('mentioner', 'hanoi', 8, before.revision), (e: unknown) => e instanceof CarnetError && e.code === 'not-found' && /ne mentionne plus/.test(e.text.fr));
    const linked = await vault.linkMention('mentioner', 'hanoi', 9, before.revision);
    assert.equal(await fs.readFile(file, 'utf8'), original.replace('In HA NOI,', 'In [[Hà Nội|HA NOI]],').replace(/^updated: .*$/m, `updated: ${linked.updated}`));
    const again = await vault.linkMention('mentioner', 'hanoi', 9, linked.revision);
    assert.match(again.body, /in x+ \[\[Hà Nội\|thang long\]\]\.\n/, 'an alias mention keeps its words');
    assert.equal((await vault.listNoteHistory('mentioner')).length, 2);
    assert.equal((await vault.getNoteVersion('mentioner', (await vault.listNoteHistory('mentioner'))[1]!.version)).text, original);
    assert.deepEqual(vault.noteLinks('hanoi').backlinks.map((b) => b.noteId), ['linker', 'linker', 'mentioner']);
    assert.deepEqual(vault.noteLinks('hanoi').mentions, []);
  } finally {
    await vault.close();
    await remove();
  }
});
