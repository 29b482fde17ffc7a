import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { joinBlocks, splitBlocks } from '../../../renderer/notes/markdown-blocks.ts';

const require = createRequire(import.meta.url);
const spec = require('commonmark-spec') as { tests: { markdown: string; html: string; section: string; number: number }[] };
/** The spec writes tabs as `→`. */
const examples = spec.tests.map((example) => ({ ...example, markdown: example.markdown.replace(/→/g, '\t') }));

function check(markdown: string): string | null {
  const split = splitBlocks(markdown);
  if (joinBlocks(split) !== markdown) return 'does not re-join to the same text';
  if (split.gaps.some((gap) => !/^[ \t\r\n]*$/.test(gap))) return 'a gap holds more than whitespace';
  for (let i = 1; i < split.blocks.length; i++) if (split.blocks[i]!.start < split.blocks[i - 1]!.end) return 'blocks overlap';
  return null;
}

test(`every CommonMark spec example (${examples.length}) is cut into blocks that re-join byte for byte, also with CRLF endings and a BOM`, () => {
  const failures: string[] = [];
  for (const example of examples) {
    for (const [variant, markdown] of [
      ['as is', example.markdown],
      ['CRLF', example.markdown.replace(/\n/g, '\r\n')],
      ['BOM', `\uFEFF${example.markdown}`],
    ] as const) {
      const problem = check(markdown);
      if (problem) failures.push(`#${example.number} (${example.section}, ${variant}): ${problem}`);
    }
  }
  console.log(`# markdown blocks: ${examples.length * 3 - failures.length} of ${examples.length * 3} cuts re-join exactly`);
  assert.deepEqual(failures, []);
  assert.ok(examples.length >= 650, `only ${examples.length} examples read`);
});

test('a note with GFM and Obsidian-style Markdown is cut where a reader sees its blocks', () => {
  const note = [
    '# Field notes',
    '',
    '| Country | Cases |',
    '| :--- | ---: |',
    '| Việt Nam | 12 \\| 13 |',
    '',
    '- [ ] call the ministry',
    '- [x] read the IMM6 report',
    '',
    '> [!note] A callout',
    '> kept as it is',
    '',
    'See [[COMMIT timeline]] and ![[map.png]].[^1]',
    '',
    '[^1]: A footnote.',
    '',
    '<div class="raw">HTML</div>',
    '',
    '[ref]: https://example.org "Title"',
    '',
  ].join('\n');
  const split = splitBlocks(note);
  assert.equal(joinBlocks(split), note);
  assert.deepEqual(
    split.blocks.map((block) => block.type),
    ['heading', 'table', 'list', 'blockquote', 'paragraph', 'footnoteDefinition', 'html', 'definition'],
  );
  assert.equal(split.blocks[1]?.text, '| Country | Cases |\n| :--- | ---: |\n| Việt Nam | 12 \\| 13 |');
});

test('indentation stays with its block, and overlapping positions become one block', () => {
  const indented = splitBlocks('Text\n\n   ```\n   aaa\n   ```\n');
  assert.equal(indented.blocks[1]?.text, '   ```\n   aaa\n   ```');
  const overlap = splitBlocks('[foo]: /url\nbar\n===\n[foo]\n');
  assert.equal(joinBlocks(overlap), '[foo]: /url\nbar\n===\n[foo]\n');
  assert.equal(overlap.blocks[0]?.type, 'definition+heading');
  assert.deepEqual(splitBlocks(''), { bom: '', body: '', blocks: [], definitions: [], gaps: [''] });
});
