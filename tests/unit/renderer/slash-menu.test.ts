import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { transformSync } from 'esbuild';
import { Editor, type Range } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { loadBlocks, serializeDocument } from '../../../renderer/notes/block-document.ts';
import { noteExtensions } from '../../../renderer/notes/note-extensions.ts';

// slash-menu.ts imports React components (.tsx), which plain Node does not load: esbuild compiles
// them here. The module is imported by address, so that the Node tsconfig (no JSX) does not check them.
registerHooks({
  load(url, context, nextLoad) {
    if (!url.startsWith('file:') || !url.endsWith('.tsx')) return nextLoad(url, context);
    const { code } = transformSync(readFileSync(new URL(url), 'utf8'), { loader: 'tsx', jsx: 'automatic', format: 'esm', sourcefile: url });
    return { format: 'module', source: code, shortCircuit: true };
  },
});

interface SlashCommand {
  id: string;
  run: (editor: Editor, range: Range) => void;
}
interface SlashMenuModule {
  slashCommands(options: { saveAttachment?: (name: string, bytes: Uint8Array) => Promise<string> }): SlashCommand[];
  filterSlashCommands(all: SlashCommand[], query: string): SlashCommand[];
  slashAllowed(state: EditorState, range: Range): boolean;
}
const { slashCommands, filterSlashCommands, slashAllowed } = (await import(new URL('../../../renderer/notes/slash-menu.ts', import.meta.url).href)) as SlashMenuModule;

const all = slashCommands({ saveAttachment: async (name) => `attachments/${name}` });
const found = (query: string) => filterSlashCommands(all, query).map((command) => command.id);

test('`/` alone lists every block; Image only when the vault can keep files', () => {
  assert.deepEqual(found(''), ['text', 'heading1', 'heading2', 'heading3', 'bulletList', 'orderedList', 'taskList', 'quote', 'codeBlock', 'table', 'divider', 'image', 'noteLink']);
  assert.ok(!slashCommands({}).some((command) => command.id === 'image'));
});

test('letters after `/` narrow the list, in English or French, accents optional, best match first', () => {
  assert.deepEqual(found('titre').slice(0, 3), ['heading1', 'heading2', 'heading3']);
  assert.equal(found('tab')[0], 'table');
  assert.equal(found('tache')[0], 'taskList');
  assert.equal(found('tâche')[0], 'taskList');
  assert.equal(found('citation')[0], 'quote');
  assert.equal(found('img')[0], 'image');
  assert.equal(found('lien')[0], 'noteLink');
  assert.equal(found('---')[0], 'divider', 'the Markdown that makes the block');
  assert.ok(!found('h').includes('text'), '`/h` does not find "paragrap*h*"');
  assert.deepEqual(found('zzz'), []);
});

const editor = new Editor({ element: null, extensions: noteExtensions(), content: { type: 'doc', content: [{ type: 'paragraph' }] } });

/** Opens `markdown` and finds `slash` in it: the `/` typed and the letters after it, the menu's range. */
function typed(markdown: string, slash: string): Range {
  loadBlocks(editor, markdown);
  let from = -1;
  editor.state.doc.descendants((node, pos) => {
    const index = node.isText ? (node.text ?? '').indexOf(slash) : -1;
    if (from === -1 && index >= 0) from = pos + index;
    return from === -1;
  });
  assert.ok(from >= 0, `${slash} in ${markdown}`);
  return { from, to: from + slash.length };
}

const opens = (markdown: string, slash: string) => {
  const range = typed(markdown, slash);
  return slashAllowed(editor.state, range);
};
const run = (id: string, markdown: string, slash: string) => {
  const range = typed(markdown, slash);
  // The caret is where the user typed the `/…`.
  editor.commands.setTextSelection(range.to);
  all.find((command) => command.id === id)?.run(editor, range);
  return serializeDocument(editor);
};

test('`/` opens the menu at the start of an empty paragraph or after a space; not inside a word, before text, in a heading or in code', () => {
  assert.equal(opens('/\n', '/'), true);
  assert.equal(opens('Intro /he\n', '/he'), true);
  assert.equal(opens('- item /x\n', '/x'), true, 'in a list item');
  assert.equal(opens('foo/x\n', '/x'), false, 'and/or, 1/2');
  assert.equal(opens('/hello\n', '/'), false, 'typed before existing text');
  assert.equal(opens('## Title /\n', '/'), false);
  assert.equal(opens('```\n/\n```\n', '/'), false);
  assert.equal(opens('see `a /b`\n', '/b'), false, 'in inline code');
});

test('a picked block replaces the `/…` typed, and the space before it', () => {
  assert.equal(run('heading2', 'Intro /h2\n', '/h2'), '## Intro');
  assert.equal(run('quote', 'Intro /quo\n', '/quo'), '> Intro');
  assert.equal(run('codeBlock', 'Intro /code\n', '/code'), '```\nIntro\n```');
  assert.equal(run('bulletList', '/ul\n', '/ul'), '- ');
  assert.equal(run('divider', 'Intro /---\n', '/---'), 'Intro\n\n---', 'a rule goes after the paragraph');
  const row = '|     |     |     |';
  assert.equal(run('table', 'Intro /tab\n', '/tab'), `Intro\n\n${row}\n| --- | --- | --- |\n${row}\n${row}`, 'a 3×3 table with its header row');
  run('noteLink', 'See /link\n', '/link');
  assert.equal(editor.state.doc.textContent, 'See [[', '`[[`, which opens the note suggestion');
});
