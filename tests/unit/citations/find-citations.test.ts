import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCitations } from '../../../electron/citations/find-citations.ts';

const URL = 'carnet://source/src-mekong#ann-1';

test('"Quote in note": the blockquote holding the citation line is the quote, without that line', () => {
  const body = `> Les six pays ont adopté une déclaration commune\n> contre la traite.\n>\n> — [« Les six pays… »](${URL}) — *Le Courrier*, 2025-11-19\n`;
  const [citation] = findCitations(body);
  assert.ok(citation);
  assert.equal(citation.sourceId, 'src-mekong');
  assert.equal(citation.annotationId, 'ann-1');
  assert.equal(citation.quotedFrom, 'blockquote');
  assert.equal(citation.quoted, 'Les six pays ont adopté une déclaration commune\ncontre la traite.');
  assert.equal(body.slice(citation.start, citation.end), `[« Les six pays… »](${URL})`);
});

test('a citation line right under a blockquote cites that blockquote; one inside running text quotes its link text', () => {
  const body = `> The ministers agreed on shared indicators.\n\n— [source](${URL})\n\nAs they put it, [“shared indicators”](carnet://source/src-mekong#ann-2), at last.\n`;
  const [under, inline] = findCitations(body);
  assert.equal(under?.quoted, 'The ministers agreed on shared indicators.');
  assert.equal(inline?.quotedFrom, 'link');
  assert.equal(inline?.quoted, 'shared indicators');
});

test('a link to a source as a whole, or with unquoted text, quotes nothing; a paragraph after a blockquote that does not start with the link is not its citation', () => {
  const body = `> An unrelated quote.\n\nSee also [the report](carnet://source/src-2) and [this passage](${URL}).\n`;
  const found = findCitations(body);
  assert.deepEqual(found.map((c) => [c.sourceId, c.annotationId, c.quoted]), [['src-2', null, null], ['src-mekong', 'ann-1', null]]);
});

test('reference links count; code, raw HTML and other links do not', () => {
  const body = ['[« trois pays »][c1]', '', '```', `[« in code »](${URL})`, '```', '', `<div>[« in html »](${URL})</div>`, '', '[web](https://example.org) `[« span »](carnet://source/x#y)`', '', '[c1]: carnet://source/src-3#ann-9', ''].join('\n');
  const found = findCitations(body);
  assert.deepEqual(found.map((c) => [c.sourceId, c.annotationId, c.quoted]), [['src-3', 'ann-9', 'trois pays']]);
});

test('a note without a carnet link is not parsed at all, and malformed ids are not citations', () => {
  assert.deepEqual(findCitations('Plain text, [a link](https://example.org).'), []);
  assert.deepEqual(findCitations('[x](carnet://source/../../etc#a) [y](carnet://source/ok#bad id)'), []);
});

test('hostile notes stay linear: spaces in quotation marks, thousands of links in one paragraph or one blockquote; marks around nothing quote nothing', () => {
  assert.equal(findCitations(`[«${' '.repeat(20_000)}»](${URL})`)[0]?.quoted, null);
  assert.equal(findCitations(Array.from({ length: 5000 }, (_, i) => `[« w${i} »](${URL})`).join(' ')).length, 5000);
  assert.equal(findCitations(`> quote\n${Array.from({ length: 3000 }, () => `>\n> [« w »](${URL})`).join('\n')}`).length, 3000);
});
