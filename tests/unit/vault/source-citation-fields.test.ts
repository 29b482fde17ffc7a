import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Vault } from '../../../electron/vault/vault.ts';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

test('citation fields are written to the front matter, and "Family, Given" becomes a CSL-JSON name', async () => {
  const { dir, remove } = await tempDir();
  try {
    const vault = await Vault.create(path.join(dir, 'v'));
    const source = await vault.addSource({ title: 'Rapport annuel', authors: ['Jane Roe'] }, 'Body.\n');
    const updated = await vault.updateSourceMeta(
      source.id,
      { title: 'Rapport annuel', type: 'report', authors: ['Nguyễn, Thị Hương', 'Jane Roe'], publisher: 'UNODC', place: 'Bangkok', container: undefined, accessed: '2025-12-03', pages: '12–19', doi: '10.1000/xyz123', identifier: 'TR-7', archive: 'Internet Archive' },
      vault.getSource(source.id).revision,
    );
    assert.deepEqual(updated.authors, ['Nguyễn, Thị Hương', 'Jane Roe']);
    const text = await fs.readFile(path.join(vault.root, source.path), 'utf8');
    assert.match(text, /\ntype: report\n/);
    assert.match(text, /\nauthors:\n {2}- family: Nguyễn\n {4}given: Thị Hương\n {2}- Jane Roe\n/);
    assert.match(text, /\ndoi: 10\.1000\/xyz123\n/);
    assert.match(text, /\naccessed: "?2025-12-03"?\n/);
    assert.doesNotMatch(text, /container:/, 'an absent field is not written');
    await vault.close();
    const reopened = await Vault.open(path.join(dir, 'v'), { watch: false });
    const read = reopened.getSource(source.id);
    assert.equal(read.place, 'Bangkok');
    assert.equal(read.pages, '12–19');
    assert.deepEqual(read.authors, ['Nguyễn, Thị Hương', 'Jane Roe']);
    await reopened.close();
  } finally {
    await remove();
  }
});

test('a name object written by hand is read, and kept as it was when the source is corrected', async () => {
  const { dir, remove } = await tempDir();
  try {
    const vault = await Vault.create(path.join(dir, 'v'));
    const source = await vault.addSource({ title: 'Communiqué', authors: [] }, 'Body.\n');
    const file = path.join(vault.root, source.path);
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.replace(/^authors: \[\]$/m, 'authors:\n  - literal: Office of the Prime Minister\n  - family: Trần\n    given: Văn Bình'));
    await vault.reload([source.path]);
    const read = vault.getSource(source.id);
    assert.deepEqual(read.authors, ['Office of the Prime Minister', 'Trần, Văn Bình']);
    await vault.updateSourceMeta(source.id, { title: 'Communiqué de presse', authors: read.authors }, read.revision);
    const saved = await fs.readFile(file, 'utf8');
    assert.match(saved, /\nauthors:\n {2}- literal: Office of the Prime Minister\n {2}- family: Trần\n {4}given: Văn Bình\n/);
    await vault.close();
  } finally {
    await remove();
  }
});

test('a DOI that is not one is refused, and nothing is written', async () => {
  const { dir, remove } = await tempDir();
  try {
    const vault = await Vault.create(path.join(dir, 'v'));
    const source = await vault.addSource({ title: 'Article', authors: [] }, 'Body.\n');
    const before = await fs.readFile(path.join(vault.root, source.path), 'utf8');
    await assert.rejects(vault.updateSourceMeta(source.id, { title: 'Article', authors: [], doi: 'doi.org/abc' }, vault.getSource(source.id).revision), (error: unknown) => error instanceof CarnetError && /DOI/.test(error.message));
    assert.equal(await fs.readFile(path.join(vault.root, source.path), 'utf8'), before);
    await vault.close();
  } finally {
    await remove();
  }
});

test('a year, or a month, is all a report may say: kept as such, and cited with it', async () => {
  const { dir, remove } = await tempDir();
  try {
    const vault = await Vault.create(path.join(dir, 'v'));
    const source = await vault.addSource({ title: 'Annual report', authors: ['UNODC'] }, 'Body.\n');
    const year = await vault.updateSourceMeta(source.id, { title: 'Annual report', authors: ['UNODC'], type: 'report', published: '2019' }, vault.getSource(source.id).revision);
    assert.equal(year.published, '2019');
    const { cslItem, formatCitations } = await import('../../../electron/export/source-citations.ts');
    assert.match(formatCitations([cslItem(year)], 'bibliography'), /^UNODC\. \(2019\)\. Annual report/);
    const month = await vault.updateSourceMeta(source.id, { title: 'Annual report', authors: ['UNODC'], published: '2019-06' }, year.revision);
    assert.deepEqual(cslItem(month).issued, { 'date-parts': [[2019, 6]] });
    await assert.rejects(vault.updateSourceMeta(source.id, { title: 'Annual report', authors: ['UNODC'], published: '19' }, month.revision), CarnetError);
    const file = path.join(vault.root, source.path);
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(/^published: .*$/m, 'published: 2019'));
    await vault.reload([source.path]);
    assert.equal(vault.getSource(source.id).published, '2019', 'a year written by hand without quotes reads');
    await vault.close();
  } finally {
    await remove();
  }
});
