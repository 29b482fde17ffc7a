import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Editor } from '@tiptap/core';
import { Vault } from '../../../electron/vault/vault.ts';
import { checkVault } from '../../../electron/vault/vault-check.ts';
import { parseFrontMatter } from '../../../electron/vault/front-matter.ts';
import { SAMPLE_VAULT } from '../../helpers/temp-dir.ts';
import { noteExtensions } from '../../../renderer/notes/note-extensions.ts';
import { loadBlocks, saveBlocks } from '../../../renderer/notes/block-document.ts';

test('the sample vault reads without a single problem, annotations anchored to their text', async () => {
  const vault = await Vault.open(SAMPLE_VAULT, { readOnly: true, watch: false });
  try {
    assert.deepEqual(checkVault(vault), []);
    const titles = vault.listSources().map((s) => s.title).sort();
    assert.equal(titles.length, 3);
    assert.ok(titles.some((t) => t.includes('Hà Nội')));
    assert.equal(vault.getSource('sample-imm6-hanoi').published, '2025-11-19');
    assert.equal(vault.getSource('sample-imm4-phnom-penh').published, undefined, 'a source without its own date keeps none');
  } finally {
    await vault.close();
  }
});

test('the sample notes open in the editor unchanged: nothing to write, and only their callout kept as raw Markdown', async () => {
  const editor = new Editor({ element: null, extensions: noteExtensions(), content: { type: 'doc', content: [{ type: 'paragraph' }] } });
  for (const name of await fs.readdir(path.join(SAMPLE_VAULT, 'notes'))) {
    const { body } = parseFrontMatter(await fs.readFile(path.join(SAMPLE_VAULT, 'notes', name), 'utf8'));
    const loaded = loadBlocks(editor, body);
    assert.equal(saveBlocks(editor, loaded), null, name);
    const raw: string[] = [];
    editor.state.doc.forEach((node) => {
      if (node.type.name === 'rawMarkdown') raw.push(String(node.attrs.kind));
    });
    assert.deepEqual(raw, name === 'welcome-to-carnet.md' ? ['callout'] : [], name);
    assert.doesNotMatch(body, /^# /m, `${name}: the title lives in the front matter, not in an H1`);
  }
  editor.destroy();
});
