import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Editor } from '@tiptap/core';
import { loadBlocks } from '../../../renderer/notes/block-document.ts';
import { noteExtensions } from '../../../renderer/notes/note-extensions.ts';
import { selectToolbarState } from '../../../renderer/notes/toolbar-state.ts';

const editor = new Editor({ element: null, extensions: noteExtensions(), content: { type: 'doc', content: [{ type: 'paragraph' }] } });

const NOTE = '# Title\n\nSome **bold** text.\n\n## Section\n\n```\ncode\n```\n\n| Country | Cases |\n| - | - |\n| Vietnam | 12 |\n';

/** Opens NOTE and puts the cursor in the middle of the first text `word`, or selects it. */
function at(word: string, select = false) {
  loadBlocks(editor, NOTE);
  let found = -1;
  editor.state.doc.descendants((node, pos) => {
    const index = node.isText ? (node.text ?? '').indexOf(word) : -1;
    if (found === -1 && index >= 0) found = pos + index;
    return found === -1;
  });
  assert.ok(found >= 0, `"${word}" is in the note`);
  if (select) editor.commands.setTextSelection({ from: found, to: found + word.length });
  else editor.commands.setTextSelection(found + 1);
  return selectToolbarState(editor);
}

test('the text-style select shows the block the cursor is in', () => {
  assert.equal(at('Title').block, 'h1');
  assert.equal(at('Section').block, 'h2');
  assert.equal(at('text').block, 'paragraph');
  assert.equal(at('code').block, 'other');
});

test('a mark button is pressed where its mark is, and the block buttons where their block is', () => {
  const bold = at('bold');
  assert.equal(bold.bold, true);
  assert.equal(bold.italic, false);
  assert.equal(at('text').bold, false);
  const code = at('code');
  assert.equal(code.codeBlock, true);
  assert.equal(at('text').codeBlock, false);
  const selected = at('Some', true);
  assert.equal(selected.canBold && selected.canItalic && selected.canLink, true);
});

test('in a paragraph every insert works; in a code block no link, rule, table or image', () => {
  const text = at('text');
  assert.equal(text.blocksAllowed, true);
  for (const key of ['canBulletList', 'canOrderedList', 'canTaskList', 'canBlockquote', 'canCodeBlock', 'canRule', 'canTable', 'canImage', 'canLink'] as const) assert.equal(text[key], true, key);
  assert.equal(text.table, null, 'no table buttons outside a table');
  const code = at('code');
  for (const key of ['canLink', 'canRule', 'canTable', 'canImage'] as const) assert.equal(code[key], false, key);
});

test('in a table cell (one line of inline text in Markdown) no block can be made', () => {
  const cell = at('Vietnam');
  assert.equal(cell.blocksAllowed, false);
  for (const key of ['canBulletList', 'canOrderedList', 'canTaskList', 'canBlockquote', 'canCodeBlock', 'canRule', 'canTable'] as const) assert.equal(cell[key], false, key);
  assert.equal(cell.canBold, true, 'marks still apply');
});

test('the header row of a table stays: no row above it, and it cannot be deleted; a body row can', () => {
  const header = at('Country').table;
  assert.ok(header);
  assert.equal(header.headerRow, true);
  assert.equal(header.inHeaderRow, true);
  assert.equal(header.canAddRowBefore, false);
  assert.equal(header.canDeleteRow, false);
  assert.equal(header.canAddRowAfter && header.canAddColumnBefore && header.canAddColumnAfter && header.canDeleteColumn && header.canDeleteTable, true);
  const body = at('Vietnam').table;
  assert.ok(body);
  assert.equal(body.inHeaderRow, false);
  assert.equal(body.canAddRowBefore, true);
  assert.equal(body.canDeleteRow, true);
});
