import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Vault } from '../../../electron/vault/vault.ts';
import { checkVault } from '../../../electron/vault/vault-check.ts';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { sampleVaultCopy, tempDir } from '../../helpers/temp-dir.ts';
import { waitFor } from '../../helpers/wait-for.ts';

/** The "billion laughs" of YAML: nine levels of nine aliases each. */
function aliasBomb(): string {
  const lines = ['---', 'id: bomb', 'title: Bomb', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let level = 1; level < names.length; level++) {
    const previous = `*${names[level - 1]}`;
    lines.push(`${names[level]}: &${names[level]} [${Array(9).fill(previous).join(',')}]`);
  }
  lines.push('created: 2025-11-19T10:00:00Z', 'updated: 2025-11-19T10:00:00Z', '---', 'body', '');
  return lines.join('\n');
}

async function snapshot(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await fs.readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(root, full);
    if (relative.startsWith('.carnet')) continue;
    files.set(relative, (await fs.readFile(full)).toString('base64'));
  }
  return files;
}

test('a YAML alias bomb makes only its own file unreadable: the vault opens, and a bomb arriving while open does not stop the batch', async () => {
  const { dir, remove } = await sampleVaultCopy();
  try {
    await fs.writeFile(path.join(dir, 'notes', 'bomb.md'), aliasBomb());
    const before = await fs.readFile(path.join(dir, 'notes', 'bomb.md'), 'utf8');
    const vault = await Vault.open(dir);
    try {
      const problem = vault.problems().find((p) => p.path === 'notes/bomb.md');
      assert.ok(problem, 'the bomb is listed as a problem');
      assert.match(problem.message.en, /cannot be read/);
      assert.match(problem.message.fr, /ne peut pas être lu/);
      assert.ok(vault.listNotes().length >= 2, 'the other notes are read');
      // While open: a bomb and an ordinary note arrive in one batch.
      await fs.writeFile(path.join(dir, 'notes', 'bomb-2.md'), aliasBomb().replace('id: bomb', 'id: bomb2'));
      await fs.writeFile(path.join(dir, 'notes', 'plain.md'), '---\nid: plain\ntitle: Plain\ncreated: 2025-11-19T10:00:00Z\nupdated: 2025-11-19T10:00:00Z\n---\nText\n');
      await waitFor(() => vault.listNotes().some((n) => n.id === 'plain') && vault.problems().some((p) => p.path === 'notes/bomb-2.md'), 'the plain note and the second bomb to be seen');
    } finally {
      await vault.close();
    }
    assert.equal(await fs.readFile(path.join(dir, 'notes', 'bomb.md'), 'utf8'), before, 'the unreadable file is left exactly as it was');
  } finally {
    await remove();
  }
});

for (const original of ['carnet.json', 'notes', 'codebook.json', 'sources/originals', '../outside.txt', '/etc/hostname', 'sources/originals/../../carnet.json']) {
  test(`deleting a source whose hand-edited "original: ${original}" points elsewhere moves only the source, and it restores`, async () => {
    const { dir, remove } = await tempDir();
    try {
      const root = path.join(dir, 'vault');
      await fs.writeFile(path.join(dir, 'outside.txt'), 'outside the vault\n');
      const vault = await Vault.create(root, 'Hostile');
      const source = await vault.addSource({ title: 'Article', authors: [] }, 'Body text.\n', { bytes: Buffer.from('raw'), extension: 'txt' });
      const file = path.join(root, source.path);
      const text = await fs.readFile(file, 'utf8');
      await fs.writeFile(file, text.replace(/^original: .*$/m, `original: ${JSON.stringify(original)}`));
      await vault.reload([source.path]);
      assert.ok(checkVault(vault).some((p) => p.path === source.path && /is not a file in sources\/originals/.test(p.message.en)), 'carnet check reports it');
      const entry = await vault.deleteItem('source', source.id);
      assert.deepEqual(entry.files, [source.path]);
      for (const kept of ['carnet.json', 'codebook.json', 'notes', 'sources/originals/article.txt']) await fs.access(path.join(root, kept));
      await fs.access(path.join(dir, 'outside.txt'));
      await vault.restore(entry.id);
      assert.equal(vault.getSource(source.id).title, 'Article');
      await vault.close();
      const reopened = await Vault.open(root, { watch: false });
      assert.equal(reopened.listSources().length, 1);
      await reopened.close();
    } finally {
      await remove();
    }
  });
}

for (const folder of ['notes', '.carnet', 'sources/originals', '.carnet/trash']) {
  test(`a vault whose ${folder}/ is a link out of it opens read-only and writes nothing outside`, async () => {
    const { dir, remove } = await tempDir();
    try {
      const root = path.join(dir, 'vault');
      await (await Vault.create(root, 'Linked')).close();
      const outside = path.join(dir, 'elsewhere');
      await fs.mkdir(path.join(root, folder), { recursive: true });
      await fs.cp(path.join(root, folder), outside, { recursive: true });
      await fs.rm(path.join(root, folder), { recursive: true });
      await fs.symlink(outside, path.join(root, folder));
      const before = await snapshot(outside);
      const vault = await Vault.open(root, { watch: false });
      try {
        assert.equal(vault.readOnly, true);
        assert.match(vault.info().readOnlyReason?.en ?? '', new RegExp(`${folder.replace('.', '\\.')}/ is a link to a place outside the vault`));
        assert.match(vault.info().readOnlyReason?.fr ?? '', /hors du coffre/);
        await assert.rejects(vault.createNote('x'), (error: unknown) => error instanceof CarnetError && error.code === 'read-only');
      } finally {
        await vault.close();
      }
      assert.deepEqual(await snapshot(outside), before, 'nothing was written outside the vault');
      await assert.rejects(fs.access(path.join(outside, 'lock')), 'no lock outside the vault');
    } finally {
      await remove();
    }
  });
}

test('a folder linked out of the vault after it was opened is refused at the next write', async () => {
  const { dir, remove } = await tempDir();
  try {
    const root = path.join(dir, 'vault');
    const vault = await Vault.create(root, 'Linked later');
    const outside = path.join(dir, 'elsewhere');
    await fs.mkdir(outside);
    await fs.rm(path.join(root, 'notes'), { recursive: true });
    await fs.symlink(outside, path.join(root, 'notes'));
    await assert.rejects(vault.createNote('Escape'), (error: unknown) => error instanceof CarnetError && error.code === 'outside-vault' && /never writes outside the vault/.test(error.message));
    assert.deepEqual(await fs.readdir(outside), []);
    await vault.close();
  } finally {
    await remove();
  }
});

test('an annotations file that is not valid JSON is said to be unreadable, not "changed outside", and is kept', async () => {
  const { dir, remove } = await tempDir();
  try {
    const root = path.join(dir, 'vault');
    const vault = await Vault.create(root, 'Broken');
    const source = await vault.addSource({ title: 'Article', authors: [] }, 'Body text.\n');
    const file = path.join(root, vault.annotationFilePath(source.id));
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, '{ "source": ');
    await vault.reload([vault.annotationFilePath(source.id)]);
    await assert.rejects(vault.saveAnnotations(source.id, [], null), (error: unknown) => error instanceof CarnetError && error.code === 'unreadable' && /cannot be read/.test(error.text.en) && /ne peut pas être lu/.test(error.text.fr));
    await fs.writeFile(path.join(root, 'codebook.json'), '{ nope');
    await vault.reload(['codebook.json']);
    await assert.rejects(vault.saveCodebook({ codes: [] }, null), (error: unknown) => error instanceof CarnetError && error.code === 'unreadable');
    assert.equal(await fs.readFile(file, 'utf8'), '{ "source": ');
    assert.equal(await fs.readFile(path.join(root, 'codebook.json'), 'utf8'), '{ nope');
    await vault.close();
  } finally {
    await remove();
  }
});

test('creating a vault in a system folder or on a file is refused at once with a message', async () => {
  const { dir, remove } = await tempDir();
  try {
    const started = Date.now();
    if (process.platform === 'linux') {
      await assert.rejects(Vault.create('/proc/carnet-vault'), (error: unknown) => error instanceof CarnetError && /system folder/.test(error.text.en) && /dossier du système/.test(error.text.fr));
      await assert.rejects(Vault.create('/sys/kernel/carnet'), CarnetError);
    }
    await fs.writeFile(path.join(dir, 'a-file'), 'x');
    await assert.rejects(Vault.create(path.join(dir, 'a-file', 'vault')), (error: unknown) => error instanceof CarnetError && /A file stands where Carnet expected a folder/.test(error.text.en) && /Un fichier se trouve là où Carnet attendait un dossier/.test(error.text.fr));
    await assert.rejects(Vault.create(path.join(dir, 'a-file')), (error: unknown) => error instanceof CarnetError && /is a file, not a folder/.test(error.message));
    assert.ok(Date.now() - started < 5_000, 'refused at once');
    const nested = await Vault.create(path.join(dir, 'new', 'deeper', 'vault'), 'Nested');
    assert.equal(nested.info().name, 'Nested');
    await nested.close();
  } finally {
    await remove();
  }
});
