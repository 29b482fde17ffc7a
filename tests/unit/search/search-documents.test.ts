import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentsOfVault, markdownWords } from '../../../electron/search/search-documents.ts';
import { Vault } from '../../../electron/vault/vault.ts';
import { SAMPLE_VAULT } from '../../helpers/temp-dir.ts';

test('a note is indexed as the words a reader sees, without link targets or Markdown marks', () => {
  assert.equal(
    markdownWords('# Title\n\n- **2004**: six countries — [« launched it »](carnet://source/x#y).\n> A *quote* and _emph_ and `code`.'),
    'Title\n\n2004: six countries — « launched it ».\nA quote and emph and code.',
  );
});

test('every source, note and annotation of the vault becomes a document, annotations with their code names', async () => {
  const vault = await Vault.open(SAMPLE_VAULT, { readOnly: true, watch: false });
  try {
    const docs = documentsOfVault(vault);
    assert.deepEqual(
      { source: docs.filter((d) => d.kind === 'source').length, note: docs.filter((d) => d.kind === 'note').length, annotation: docs.filter((d) => d.kind === 'annotation').length },
      { source: 3, note: 2, annotation: 6 },
    );
    const annotation = docs.find((d) => d.ref === 'annotation:sample-imm6-hanoi:sample-imm6-hanoi-a1');
    assert.deepEqual(annotation?.tags, ['Regional cooperation', 'Digital era']);
    assert.equal(annotation?.sourceId, 'sample-imm6-hanoi');
    assert.equal(docs.find((d) => d.ref === 'note:sample-welcome')?.language, 'en');
    assert.deepEqual(docs.find((d) => d.ref === 'source:sample-imm6-hanoi')?.codes.sort(), ['code-cooperation', 'code-digital', 'code-victims']);
  } finally {
    await vault.close();
  }
});
