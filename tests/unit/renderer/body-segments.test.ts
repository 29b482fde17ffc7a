import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentBody, type Placed } from '../../../renderer/reader/body-segments.ts';

function placed(id: string, text: string, exact: string, at = text.indexOf(exact)): Placed {
  return { id, start: at, end: at + exact.length };
}

const body = 'Le 19 novembre, à Hà Nội, IMM6.\n\nLa conférence de Hà Nội a réuni six pays.\n';

test('the body splits into paragraphs whose segments keep exact offsets, overlaps included', () => {
  const outer = placed('outer', body, 'La conférence de Hà Nội');
  const inner = placed('inner', body, 'Hà Nội a réuni', body.lastIndexOf('Hà Nội'));
  const paragraphs = segmentBody(body, [outer, inner]);
  assert.equal(paragraphs.length, 2);
  for (const paragraph of paragraphs) for (const s of paragraph.segments) assert.equal(body.slice(s.start, s.start + s.text.length), s.text);
  const second = paragraphs[1]?.segments.map((s) => [s.text, s.annotationIds.join('+')]);
  assert.deepEqual(second, [
    ['La conférence de ', 'outer'],
    ['Hà Nội', 'outer+inner'],
    [' a réuni', 'inner'],
    [' six pays.\n', ''],
  ]);
});

test('headings, captions, list items and page markers are recognised, their marks hidden, offsets kept', () => {
  const text = '<!-- page 1 -->\n\n## Un plan commun\n\n_Les délégués. Photo : VNA_\n\n• former les policiers\n\nTexte ordinaire.\n\n<!-- page 2 -->\n\nSuite.';
  const paragraphs = segmentBody(text, []);
  assert.deepEqual(
    paragraphs.map((p) => [p.kind, p.page ?? null, p.segments.map((s) => s.text).join('')]),
    [
      ['page', 1, ''],
      ['heading', null, 'Un plan commun'],
      ['caption', null, 'Les délégués. Photo : VNA'],
      ['item', null, '• former les policiers'],
      ['text', null, 'Texte ordinaire.'],
      ['page', 2, ''],
      ['text', null, 'Suite.'],
    ],
  );
  for (const paragraph of paragraphs) for (const s of paragraph.segments) assert.equal(text.slice(s.start, s.start + s.text.length), s.text);
});
