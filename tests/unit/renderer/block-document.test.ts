import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { Editor } from '@tiptap/core';
import type * as Commonmark from 'commonmark';
import type { Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { loadBlocks, saveBlocks, serializeDocument } from '../../../renderer/notes/block-document.ts';
import { noteExtensions } from '../../../renderer/notes/note-extensions.ts';

const require = createRequire(import.meta.url);
const spec = require('commonmark-spec') as { tests: { markdown: string; number: number }[] };
const commonmark = require('commonmark') as typeof Commonmark;
const examples = spec.tests.map((example) => ({ ...example, markdown: example.markdown.replace(/→/g, '\t') }));
const toHtml = (markdown: string) => new commonmark.HtmlRenderer().render(new commonmark.Parser().parse(markdown));

// The note editor's own schema, headless (no DOM): what the app saves with.
const editor = new Editor({ element: null, extensions: noteExtensions(), content: { type: 'doc', content: [{ type: 'paragraph' }] } });
const ADDED = 'New paragraph.';

test(`CommonMark spec (${examples.length} examples): opened and left alone, a note is not written; with a paragraph added, it is its own bytes plus that paragraph`, () => {
  let unchanged = 0;
  let exact = 0;
  let sameHtml = 0;
  const notExact: number[] = [];
  for (const example of examples) {
    const markdown = example.markdown;
    const loaded = loadBlocks(editor, markdown);
    if (saveBlocks(editor, loaded) === null) unchanged++;
    editor.commands.insertContentAt(editor.state.doc.content.size, { type: 'paragraph', content: [{ type: 'text', text: ADDED }] });
    const saved = saveBlocks(editor, loaded) ?? '';
    const separator = markdown === '' ? '' : /\n[ \t]*\n$/.test(markdown) ? '' : markdown.endsWith('\n') ? '\n' : '\n\n';
    if (saved === `${markdown}${separator}${ADDED}\n`) exact++;
    else notExact.push(example.number);
    if (toHtml(saved) === `${toHtml(markdown)}<p>${ADDED}</p>\n`) sameHtml++;
  }
  console.log(`# block saves: unchanged ${unchanged}/${examples.length}, appended byte-exact ${exact}/${examples.length}, same HTML plus the paragraph ${sameHtml}/${examples.length}`);
  assert.equal(unchanged, examples.length);
  assert.deepEqual(notExact, []);
});

test(`CommonMark spec (${examples.length} examples): forced to re-serialise every node, a note means the same (commonmark.js); what the editor would alter it keeps as raw Markdown`, () => {
  let same = 0;
  let raw = 0;
  const altered: number[] = [];
  for (const example of examples) {
    loadBlocks(editor, example.markdown);
    let hasRaw = false;
    editor.state.doc.forEach((node) => {
      if (node.type.name === 'rawMarkdown') hasRaw = true;
    });
    if (hasRaw) raw++;
    const serialised = serializeDocument(editor);
    if (toHtml(serialised) === toHtml(example.markdown)) same++;
    else altered.push(example.number);
  }
  console.log(`# full re-serialisation: same HTML ${same}/${examples.length}; examples with a block kept as raw Markdown: ${raw}`);
  assert.deepEqual(altered, []);
});

test('typing in the first block keeps every later block byte for byte', () => {
  let candidates = 0;
  const changed: number[] = [];
  for (const example of examples) {
    const loaded = loadBlocks(editor, example.markdown);
    const first = loaded.original[0];
    if (loaded.source.blocks.length < 2 || !first || first.block < 0) continue;
    let position: number | null = null;
    editor.state.doc.descendants((node, pos) => {
      if (position === null && node.isTextblock) position = pos + 1;
      return position === null;
    });
    if (position === null || position >= (editor.state.doc.firstChild?.nodeSize ?? 0)) continue;
    candidates++;
    editor.view.dispatch(editor.state.tr.insertText('X', position));
    const saved = saveBlocks(editor, loaded) ?? '';
    const rest = loaded.source.body.slice(loaded.source.blocks[first.block + 1]?.start ?? loaded.source.body.length);
    if (!saved.endsWith(rest)) changed.push(example.number);
  }
  console.log(`# block saves: an edit in the first block kept the rest in ${candidates - changed.length}/${candidates} examples`);
  // Examples whose first block is rich text (not kept as raw Markdown) and has more blocks after it.
  assert.ok(candidates > 100, `${candidates} examples to try`);
  assert.deepEqual(changed, []);
});

test('a hand-written note with a table, tasks, a callout and an HTML block keeps all of them when a paragraph is edited', () => {
  const note = '\uFEFFIntro paragraph.\r\n\r\n| A | B |\r\n| --- | :-: |\r\n| 1 \\| 2 | x |\r\n\r\n- [ ] task\r\n\r\n> [!note] Callout\r\n\r\n<details><summary>Raw</summary>kept</details>\r\n';
  const loaded = loadBlocks(editor, note);
  editor.view.dispatch(editor.state.tr.insertText('Edited. ', 1));
  const saved = saveBlocks(editor, loaded) ?? '';
  assert.ok(saved.startsWith('\uFEFFEdited. Intro paragraph.'), JSON.stringify(saved.slice(0, 40)));
  assert.ok(saved.endsWith('\r\n\r\n| A | B |\r\n| --- | :-: |\r\n| 1 \\| 2 | x |\r\n\r\n- [ ] task\r\n\r\n> [!note] Callout\r\n\r\n<details><summary>Raw</summary>kept</details>\r\n'), JSON.stringify(saved));
});

test('a note opens with the caret at the top, and typing while a kept block is selected writes after it instead of replacing it', async () => {
  const { NodeSelection } = await import('@tiptap/pm/state');
  const note = 'Intro.\n\n<details><summary>Raw</summary>kept</details>\n';
  const loaded = loadBlocks(editor, note);
  assert.equal(editor.state.selection.from, 1, 'the caret is in the first paragraph');
  const rawAt = editor.state.doc.child(0).nodeSize;
  editor.view.dispatch(editor.state.tr.setSelection(NodeSelection.create(editor.state.doc, rawAt)));
  // Headless, there is no mounted view: the plugin's handler gets the editor's state and dispatch.
  const plugin = editor.extensionManager.plugins.find((candidate) => (candidate as unknown as { key: string }).key.startsWith('rawMarkdownKeep'));
  const view = { get state() { return editor.state; }, dispatch: (tr: Transaction) => editor.view.dispatch(tr) } as unknown as EditorView;
  const handled = plugin?.props.handleTextInput?.call(plugin, view, rawAt, rawAt + 1, 'x', () => editor.state.tr);
  assert.equal(handled, true);
  assert.equal(saveBlocks(editor, loaded), `${note}\nx\n`, 'the block is kept, the typed letter follows it');
});
