import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { exportFile } from '../../../electron/export/export-file.ts';
import { importCodebook } from '../../../electron/export/codebook-import.ts';
import { qdaProject, qdpxArchive } from '../../../electron/export/refi-qda.ts';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { Vault } from '../../../electron/vault/vault.ts';
import { inSampleVault } from '../../helpers/test-vault.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const tree = (vault: Vault) => {
  const codes = vault.listCodes();
  const pathOf = (id: string | undefined): string => {
    const code = codes.find((c) => c.id === id);
    return code ? `${code.parent ? `${pathOf(code.parent)} › ` : ''}${code.name}` : '';
  };
  return codes.map((c) => [pathOf(c.id), c.color, c.description ?? '']).sort();
};

test('a .qdc round trip: the sample codebook exported and imported into an empty vault keeps every code, its parent, colour and description', async () => {
  await inSampleVault(async (sample) => {
    const qdc = await exportFile(sample, 'qdc');
    assert.match(qdc.text, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1\.0"/);
    const { dir, remove } = await tempDir();
    const empty = await Vault.create(path.join(dir, 'v'));
    try {
      assert.deepEqual(await importCodebook(empty, new TextEncoder().encode(qdc.text)), { added: 4, kept: 0 });
      assert.deepEqual(tree(empty), tree(sample));
      assert.deepEqual(await importCodebook(empty, new TextEncoder().encode(qdc.text)), { added: 0, kept: 4 }, 'importing again adds nothing');
      const qdpx = await qdpxArchive(qdaProject(sample));
      assert.deepEqual(await importCodebook(empty, qdpx), { added: 0, kept: 4 }, 'a .qdpx project’s codebook reads the same');
    } finally {
      await empty.close();
      await remove();
    }
  });
});

test('a file that is not a codebook is refused with nothing added; a shared code the vault has is kept, its new sub-codes go under it', async () => {
  await inSampleVault(async (vault) => {
    const before = vault.listCodes().length;
    await assert.rejects(importCodebook(vault, new TextEncoder().encode('<notes><note>hello</note></notes>')), (e: unknown) => e instanceof CarnetError && /not a REFI-QDA codebook/.test(e.text.en));
    await assert.rejects(importCodebook(vault, new TextEncoder().encode('not xml at all <<<')), (e: unknown) => e instanceof CarnetError);
    assert.equal(vault.listCodes().length, before);
    const shared = '<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="00000000-0000-5000-8000-000000000001" name="regional COOPERATION" isCodable="true"><Code guid="00000000-0000-5000-8000-000000000002" name="Bilateral agreements" isCodable="true" color="#336699"><Description>MoUs &amp; treaties</Description></Code></Code></Codes></CodeBook>';
    assert.deepEqual(await importCodebook(vault, new TextEncoder().encode(shared)), { added: 1, kept: 1 });
    const added = vault.listCodes().find((c) => c.name === 'Bilateral agreements');
    assert.equal(vault.listCodes().find((c) => c.id === added?.parent)?.name, 'Regional cooperation');
    assert.equal(added?.color, '#336699');
    assert.equal(added?.description, 'MoUs & treaties');
  });
});
