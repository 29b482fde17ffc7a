import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { CarnetSession } from '../../../electron/core/carnet-session.ts';
import { PROJECT_ROOT, SAMPLE_VAULT, tempDir } from '../../helpers/temp-dir.ts';

async function newSession() {
  const temp = await tempDir();
  const options = { configDir: path.join(temp.dir, 'config'), documentsDir: path.join(temp.dir, 'Documents'), resourcesDir: path.join(PROJECT_ROOT, 'resources') };
  await fs.mkdir(options.documentsDir);
  return { temp, options };
}

test('the first start opens a copy of the sample vault in the documents folder, with an id of its own', async () => {
  const { temp, options } = await newSession();
  try {
    const session = new CarnetSession(options);
    await session.start();
    const info = session.vault.info();
    assert.equal(info.root, path.join(options.documentsDir, 'Carnet Sample Vault'));
    assert.equal(info.counts.sources, 3);
    assert.notEqual(info.id, 'sample-vault');
    await session.vault.createNote('Mine');
    await session.stop();
    const shipped = await fs.readdir(path.join(SAMPLE_VAULT, 'notes'));
    assert.deepEqual(shipped.sort(), ['commit-timeline.md', 'welcome-to-carnet.md'], 'the shipped sample is never edited');

    const second = new CarnetSession(options);
    await second.start();
    assert.equal(second.vault.root, info.root, 'the next start reopens the last vault');
    assert.equal(second.vault.info().counts.notes, 3);
    await second.stop();
  } finally {
    await temp.remove();
  }
});

test('a second sample copy never lands on the first', async () => {
  const { temp, options } = await newSession();
  try {
    const session = new CarnetSession(options);
    await session.start();
    const again = await session.openSampleVault();
    assert.equal(again.root, path.join(options.documentsDir, 'Carnet Sample Vault 2'));
    assert.equal(session.getSettings().recentVaults.length, 2);
    await session.stop();
  } finally {
    await temp.remove();
  }
});

test('a vault that cannot be opened leaves the current one open', async () => {
  const { temp, options } = await newSession();
  try {
    const session = new CarnetSession(options);
    await session.start();
    const current = session.vault.root;
    await assert.rejects(session.openVault(temp.dir), /not a Carnet vault/);
    assert.equal(session.vault.root, current);
    await session.stop();
  } finally {
    await temp.remove();
  }
});

test('unreadable settings are set aside, not overwritten', async () => {
  const { temp, options } = await newSession();
  try {
    await fs.mkdir(options.configDir, { recursive: true });
    await fs.writeFile(path.join(options.configDir, 'settings.json'), '{ broken');
    const session = new CarnetSession(options);
    await session.start();
    await session.settings.update({ theme: 'dark' });
    const names = await fs.readdir(options.configDir);
    const aside = names.find((n) => n.startsWith('settings.json.unreadable-'));
    assert.ok(aside);
    assert.equal(await fs.readFile(path.join(options.configDir, aside), 'utf8'), '{ broken');
    await session.stop();
  } finally {
    await temp.remove();
  }
});

test('a vault folder given at start that is missing or empty receives a copy of the sample vault', async () => {
  const { temp, options } = await newSession();
  try {
    for (const folder of [path.join(temp.dir, 'missing'), path.join(temp.dir, 'empty')]) {
      if (folder.endsWith('empty')) await fs.mkdir(folder);
      const session = new CarnetSession(options);
      await session.start(folder);
      assert.equal(session.vaultError, null, folder);
      assert.deepEqual([session.vault.root, session.vault.info().counts.sources], [folder, 3]);
      await session.stop();
    }
    const notEmpty = path.join(temp.dir, 'thesis');
    await fs.mkdir(notEmpty);
    await fs.writeFile(path.join(notEmpty, 'chapter1.docx'), 'mine');
    const session = new CarnetSession(options);
    await session.start(notEmpty);
    assert.match(session.vaultError ?? '', /is not a Carnet vault/);
    assert.deepEqual(await fs.readdir(notEmpty), ['chapter1.docx']);
    await session.stop();
  } finally {
    await temp.remove();
  }
});
