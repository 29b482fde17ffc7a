import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanBody } from '../../../electron/vault/note-links.ts';
import { LinkResolver, aliasesOf } from '../../../electron/vault/link-targets.ts';
import { lineAt, lineStartsOf } from '../../../electron/vault/note-links.ts';

const BODY = [
  'Met in [[Hà Nội]], then [[Phnom Penh|the capital]] and [[Vientiane#Day 2]].', // 1
  'An embed: ![[Map of the Mekong]]; written out: \\[[Not a link]].', // 2
  'Markdown: [a](other-note.md), [b](notes/third.md#part "t"), [c](../notes/My%20Note.md), [d](<../notes/x y.md>).', // 3
  'Not notes: [web](https://example.org/a.md), [cite](carnet://source/s1#a1), [src](../sources/article.md).', // 4
  'Inline `[[In code]]` and ``[x](in-code.md)``.', // 5
  '', // 6
  '```', // 7
  '[[In a fence]]', // 8
  '```', // 9
  '', // 10
  '    [[Indented code]]', // 11
  '', // 12
  '- a list item', // 13
  '    continued, not code: [[In a list]]', // 14
  '', // 15
  '> ~~~', // 16
  '> [[Quoted fence]]', // 17
  '> ~~~', // 18
  '', // 19
  '<!-- [[In a comment]] -->', // 20
  '', // 21
  'A table cell: [[Table target\\|shown]]', // 22
  '', // 23
  '[ref]: notes/by-reference.md', // 24
  '',
].join('\n');

test('links are found with their lines, and those in code, comments and escapes are skipped', () => {
  const { links } = scanBody(BODY);
  const starts = lineStartsOf(BODY);
  const found = links.map((l) => `${lineAt(starts, l.start)} ${l.kind} ${l.target}`);
  assert.deepEqual(found, [
    '1 wiki Hà Nội',
    '1 wiki Phnom Penh',
    '1 wiki Vientiane',
    '2 embed Map of the Mekong',
    '3 markdown other-note',
    '3 markdown third',
    '3 markdown My Note',
    '3 markdown x y',
    '14 wiki In a list',
    '22 wiki Table target',
    '24 markdown by-reference',
  ]);
  // The part a rename replaces is exactly the title, or the file name as written.
  const slice = (i: number) => BODY.slice(links[i]!.targetStart, links[i]!.targetEnd);
  assert.deepEqual([0, 1, 2, 4, 5, 6, 7, 9, 10].map(slice), ['Hà Nội', 'Phnom Penh', 'Vientiane', 'other-note', 'third', 'My%20Note', 'x y', 'Table target', 'by-reference']);
});

test('a link resolves by title or alias whatever the case and accents, or by file name', () => {
  const resolver = new LinkResolver([
    { id: 'hanoi', title: 'Hà Nội', slug: 'ha-noi', aliases: ['Thăng Long'] },
    { id: 'hue', title: 'Huế', slug: 'hue', aliases: [] },
    { id: 'hue-2', title: 'HUE', slug: 'hue-2', aliases: [] },
  ]);
  const wiki = (target: string) => resolver.resolve({ kind: 'wiki', target });
  assert.deepEqual(wiki('ha noi'), { id: 'hanoi', via: 'title' });
  assert.deepEqual(wiki('HÀ  NỘI'), { id: 'hanoi', via: 'title' });
  assert.deepEqual(wiki('thang long'), { id: 'hanoi', via: 'alias' });
  assert.deepEqual(wiki('ha-noi'), { id: 'hanoi', via: 'file' });
  assert.deepEqual(wiki('notes/ha-noi.md'), { id: 'hanoi', via: 'file' });
  assert.deepEqual(wiki('hue'), { id: 'hue', via: 'title' }, 'two notes with one title: the first file wins, every time');
  assert.equal(wiki('Hanoi'), null);
  assert.deepEqual(resolver.resolve({ kind: 'markdown', target: 'hue-2' }), { id: 'hue-2', via: 'file' });
  assert.deepEqual(resolver.resolve({ kind: 'markdown', target: 'Hà Nội' }), { id: 'hanoi', via: 'title' }, 'a file named after the title, as Obsidian names them');
});

test('aliases are read from a list or a single string', () => {
  assert.deepEqual(aliasesOf({ aliases: ['Thăng Long', ' HN ', '', 1975] }), ['Thăng Long', 'HN', '1975']);
  assert.deepEqual(aliasesOf({ aliases: 'Saigon' }), ['Saigon']);
  assert.deepEqual(aliasesOf({ aliases: null }), []);
  assert.equal(aliasesOf({ title: 'x' }), undefined);
});
