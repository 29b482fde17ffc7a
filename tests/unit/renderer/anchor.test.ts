import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorAnnotations, segmentBody } from '../../../renderer/reader/anchor.ts';
import type { Annotation } from '../../../electron/api.ts';

function annotation(id: string, body: string, exact: string, at = body.indexOf(exact)): Annotation {
  return {
    id,
    created: '2026-11-24T09:00:00Z',
    updated: '2026-11-24T09:00:00Z',
    quote: { type: 'TextQuoteSelector', exact, prefix: body.slice(Math.max(0, at - 10), at), suffix: body.slice(at + exact.length, at + exact.length + 10) },
    position: { type: 'TextPositionSelector', start: at, end: at + exact.length },
    comment: '',
    codes: [],
  };
}

const body = 'Le 19 novembre, à Hà Nội, IMM6.\n\nLa conférence de Hà Nội a réuni six pays.\n';

test('annotations anchor at their position; after a hand edit they re-anchor by quote; lost ones are orphans, not dropped', () => {
  const a = annotation('a', body, 'Hà Nội, IMM6');
  const b = annotation('b', body, 'six pays');
  const lost = annotation('c', body, 'réuni');
  assert.deepEqual(anchorAnnotations(body, [a, b]).anchored.map((x) => [x.annotation.id, x.start]), [['a', 18], ['b', body.indexOf('six pays')]]);

  const edited = `Note ajoutée.\n\n${body.replace('a réuni', 'rassemblait')}`;
  const { anchored, orphans } = anchorAnnotations(edited, [a, b, lost]);
  assert.deepEqual(anchored.map((x) => edited.slice(x.start, x.end)), ['Hà Nội, IMM6', 'six pays']);
  assert.deepEqual(orphans.map((o) => o.id), ['c']);
});

test('of two occurrences of a quote, the one whose context matches wins', () => {
  const second = body.lastIndexOf('Hà Nội');
  const ann = annotation('x', body, 'Hà Nội', second);
  const shifted = `XX${body}`;
  const [found] = anchorAnnotations(shifted, [ann]).anchored;
  assert.equal(found?.start, second + 2);
});

test('the body splits into paragraphs whose segments keep exact offsets, overlaps included', () => {
  const outer = annotation('outer', body, 'La conférence de Hà Nội');
  const inner = annotation('inner', body, 'Hà Nội a réuni', body.lastIndexOf('Hà Nội'));
  const paragraphs = segmentBody(body, anchorAnnotations(body, [outer, inner]).anchored);
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
