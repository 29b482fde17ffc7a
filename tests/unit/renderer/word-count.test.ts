import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Editor } from '@tiptap/core';
import { loadBlocks } from '../../../renderer/notes/block-document.ts';
import { noteExtensions } from '../../../renderer/notes/note-extensions.ts';
import { countDocument, countText } from '../../../renderer/notes/word-count.ts';

const editor = new Editor({ element: null, extensions: noteExtensions(), content: { type: 'doc', content: [{ type: 'paragraph' }] } });
const countNote = (markdown: string) => {
  loadBlocks(editor, markdown);
  return countDocument(editor.state.doc);
};

test('words are counted as a reader counts them, punctuation aside, in languages with and without spaces', () => {
  assert.deepEqual(countText('Hello, world! It is 2026.'), { words: 5, characters: 25 });
  assert.equal(countText('Tôi đang ở Hà Nội.').words, 5, 'Vietnamese: one word per syllable');
  assert.equal(countText("l'été est là — déjà").words, 4, 'a dash is not a word');
  // Thai, Khmer and Japanese write no spaces between words: a line is still several words, not one.
  assert.ok(countText('ฉันกำลังเขียนบันทึกการวิจัย').words >= 3);
  assert.ok(countText('ខ្ញុំកំពុងសរសេរកំណត់ត្រា').words >= 3);
  assert.ok(countText('私は研究ノートを書いています').words >= 3);
});

test('characters are what a reader sees as one: an emoji family or an accent typed as two code points is one; line breaks are not counted', () => {
  assert.equal(countText('👩‍👩‍👧 e\u0301').characters, 3);
  assert.deepEqual(countText('a\nb'), { words: 2, characters: 2 });
  assert.deepEqual(countText(''), { words: 0, characters: 0 });
});

test("a note's words are those shown: a wiki link counts its shown text, raw HTML not its tags, an image not at all", () => {
  assert.equal(countNote('One two three.\n\n- four [[Five six|seven]]\n').words, 5);
  assert.equal(countNote('See [[Note name#Section]]\n').words, 4);
  assert.equal(countNote('<div>\nHello <b>there</b>\n</div>\n').words, 2);
  assert.equal(countNote('a ![alt text](attachments/x.png) b\n').words, 2);
  assert.equal(countNote('| a | b |\n| - | - |\n| one two | three |\n').words, 5, 'every table cell counts');
});

test('the count follows the edits: typing in one paragraph updates the total', () => {
  assert.equal(countNote('First paragraph here.\n\nSecond one.\n').words, 5);
  editor.commands.insertContentAt(editor.state.doc.content.size - 1, { type: 'text', text: ' And more' });
  assert.equal(countDocument(editor.state.doc).words, 7);
  editor.commands.insertContentAt(1, { type: 'text', text: 'Very ' });
  assert.deepEqual(countDocument(editor.state.doc), { words: 8, characters: 'Very First paragraph here.'.length + 'Second one. And more'.length });
});
