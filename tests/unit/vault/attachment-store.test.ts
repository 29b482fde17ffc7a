import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { MAX_ATTACHMENT_BYTES, methodSchemas } from '../../../electron/api.ts';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { Vault } from '../../../electron/vault/vault.ts';
import { GIF, HTML, JPEG, PDF, PNG, SVG, WEBP } from '../../helpers/images.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { inNewVault } from '../../helpers/test-vault.ts';

/** saveAttachment: images only (by their bytes), under a new name, never over another file. */

const refused = (code: string, french: RegExp) => (error: unknown) => error instanceof CarnetError && error.code === code && french.test(error.text.fr);

test('an image is written to attachments/ with its bytes, named from the file, its extension from the bytes', async () => {
  await inNewVault(async (vault) => {
    assert.equal(existsSync(path.join(vault.root, 'attachments')), false, 'a new vault has no attachments/ yet');
    const saved = await vault.saveAttachment('Mekong map.PNG', PNG);
    assert.deepEqual(saved, { path: 'attachments/mekong-map.png' });
    assert.deepEqual(await fs.readFile(path.join(vault.root, saved.path)), PNG);
    // The name is only a claim: a JPEG called .png is saved as .jpg, and so on.
    assert.equal((await vault.saveAttachment('photo.png', JPEG)).path, 'attachments/photo.jpg');
    assert.equal((await vault.saveAttachment('Hà Nội, été 2024.gif', GIF)).path, 'attachments/ha-noi-ete-2024.gif');
    assert.equal((await vault.saveAttachment('地図.webp', WEBP)).path, 'attachments/image.webp');
    assert.deepEqual((await fs.readdir(path.join(vault.root, 'attachments'))).sort(), ['ha-noi-ete-2024.gif', 'image.webp', 'mekong-map.png', 'photo.jpg']);
  });
});

test('a second image of the same name gets a new name; no file is ever replaced, even one Carnet cannot read', async () => {
  await inNewVault(async (vault) => {
    const first = await vault.saveAttachment('scan.png', PNG);
    const other = Buffer.concat([PNG, Buffer.from('trailing bytes')]);
    const second = await vault.saveAttachment('scan.png', other);
    assert.deepEqual([first.path, second.path], ['attachments/scan.png', 'attachments/scan-2.png']);
    assert.deepEqual(await fs.readFile(path.join(vault.root, first.path)), PNG);
    assert.deepEqual(await fs.readFile(path.join(vault.root, second.path)), other);

    // Taken by hand: a file nobody may read, and a link that leads nowhere.
    const folder = path.join(vault.root, 'attachments');
    await fs.writeFile(path.join(folder, 'scan-3.png'), 'kept');
    await fs.chmod(path.join(folder, 'scan-3.png'), 0o000);
    await fs.symlink(path.join(folder, 'nowhere.png'), path.join(folder, 'scan-4.png'));
    assert.equal((await vault.saveAttachment('scan.png', PNG)).path, 'attachments/scan-5.png');
    await fs.chmod(path.join(folder, 'scan-3.png'), 0o644);
    assert.equal(await fs.readFile(path.join(folder, 'scan-3.png'), 'utf8'), 'kept');
    assert.equal(await fs.readlink(path.join(folder, 'scan-4.png')), path.join(folder, 'nowhere.png'));
  });
});

test('SVG, HTML, PDF and cut-short images are refused with a reason in both languages, and nothing is written', async () => {
  await inNewVault(async (vault) => {
    for (const [name, bytes] of [['drawing.svg', SVG], ['page.png', HTML], ['paper.pdf', PDF], ['empty.png', Buffer.alloc(0)]] as const) {
      await assert.rejects(vault.saveAttachment(name, bytes), refused('unsupported', /n’est pas une image PNG, JPEG, GIF ou WebP/), name);
    }
    await assert.rejects(vault.saveAttachment('cut.png', PNG.subarray(0, 20)), refused('unsupported', /PNG, JPEG, GIF ou WebP/), 'cut inside the header');
    for (const [name, bytes] of [['cut.png', PNG.subarray(0, 50)], ['cut.webp', WEBP.subarray(0, 30)], ['cut.jpg', JPEG.subarray(0, 40)]] as const) {
      await assert.rejects(vault.saveAttachment(name, bytes), refused('unreadable', /est incomplète/), name);
    }
    assert.equal(existsSync(path.join(vault.root, 'attachments')), false, 'not even the folder');
  });
});

test('an image over 20 MB is refused in both languages; the contract bounds the base64 it accepts', async () => {
  await inNewVault(async (vault) => {
    const large = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1);
    PNG.copy(large);
    Buffer.from('IEND').copy(large, large.length - 8);
    await assert.rejects(vault.saveAttachment('huge.png', large), (error: unknown) => refused('too-heavy', /limitée à 20 Mo/)(error) && /limited to 20 MB/.test((error as CarnetError).text.en));
    assert.equal(existsSync(path.join(vault.root, 'attachments')), false);
  });
  const schema = methodSchemas.saveAttachment;
  assert.equal(schema.safeParse({ name: 'x.png', data: PNG.toString('base64') }).success, true);
  assert.equal(schema.safeParse({ name: '', data: '' }).success, false, 'a name is needed');
  assert.equal(schema.safeParse({ name: 'x'.repeat(256), data: '' }).success, false, 'a file name is at most 255 characters');
  assert.equal(schema.safeParse({ name: 'x.png', data: 'not base64!' }).success, false);
  assert.equal(schema.safeParse({ name: 'x.png', data: 'A'.repeat(80 * 1024 * 1024) }).success, false, 'far too large to even decode');
});

test('a read-only vault refuses the image like any other write', async () => {
  const { dir, remove } = await tempDir();
  try {
    await (await Vault.create(path.join(dir, 'v'))).close();
    const vault = await Vault.open(path.join(dir, 'v'), { readOnly: true, watch: false });
    await assert.rejects(vault.saveAttachment('map.png', PNG), refused('read-only', /lecture seule/));
    assert.equal(existsSync(path.join(dir, 'v', 'attachments')), false);
    await vault.close();
  } finally {
    await remove();
  }
});

test('an attachments/ folder that links outside the vault is never written through', async () => {
  await inNewVault(async (vault, dir) => {
    const outside = path.join(dir, 'outside');
    await fs.mkdir(outside);
    await fs.symlink(outside, path.join(vault.root, 'attachments'));
    await assert.rejects(vault.saveAttachment('map.png', PNG), (error: unknown) => error instanceof CarnetError && error.code === 'outside-vault');
    assert.deepEqual(await fs.readdir(outside), []);
  });
});
