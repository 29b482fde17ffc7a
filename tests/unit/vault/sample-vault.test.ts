import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Editor } from '@tiptap/core';
import { Vault } from '../../../electron/vault/vault.ts';
import { checkVault } from '../../../electron/vault/vault-check.ts';
import { parseFrontMatter } from '../../../electron/vault/front-matter.ts';
import { SAMPLE_VAULT } from '../../helpers/temp-dir.ts';
import { markdownForFile, noteExtensions } from '../../../renderer/notes/note-extensions.ts';

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

test('the sample notes survive a load and save in the editor byte for byte', async () => {
  for (const name of await fs.readdir(path.join(SAMPLE_VAULT, 'notes'))) {
    const { body } = parseFrontMatter(await fs.readFile(path.join(SAMPLE_VAULT, 'notes', name), 'utf8'));
    const editor = new Editor({ element: null, extensions: noteExtensions(), content: body, contentType: 'markdown' });
    assert.equal(markdownForFile(editor.getMarkdown()), body, name);
    editor.destroy();
  }
});
