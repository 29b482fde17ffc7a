import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SearchIndex } from '../../../electron/search/search-index.ts';
import type { SearchDoc } from '../../../electron/search/search-documents.ts';

function doc(ref: string, language: string, title: string, body: string, extra: Partial<SearchDoc> = {}): SearchDoc {
  return { ref, kind: 'source', id: ref.split(':')[1] ?? ref, title, body, comment: '', tags: [], codes: [], authors: [], language, fingerprint: `${ref}-${body.length}-${title}`, ...extra };
}

const index = new SearchIndex();
index.upsert([
  doc('source:fr1', 'fr', 'Conférence à Hà Nội', 'Les délégués ont rappelé le rôle des êtres humains dans la coopération. Le vice-ministre Lê Quý Vương a parlé.'),
  doc('source:en1', 'en', 'Meeting in Phnom Penh', 'Human beings were the subject of the meeting. Recruiters reached victims online.'),
  doc('source:vi1', 'vi', 'Hội nghị tại Đà Nẵng', 'Bộ trưởng Nguyễn Văn Long phát biểu tại Đà Nẵng.'),
]);
index.flush();

const found = (text: string) => index.search({ text }).hits.map((h) => h.ref).sort();

test('diacritics fold in the index and in queries: Ha Noi, Hà Nội and hanoi meet', () => {
  for (const query of ['Ha Noi', 'Hà Nội', 'hanoi', 'Hanoï', 'HANOI']) assert.deepEqual(found(query), ['source:fr1'], query);
  assert.deepEqual(found('phnompenh'), ['source:en1']);
});

test('être and etre, Vương and Vuong, Đà Nẵng and da nang, Nguyễn and nguyen meet', () => {
  assert.deepEqual(found('etre'), ['source:fr1']);
  assert.deepEqual(found('êtres'), ['source:fr1']);
  assert.deepEqual(found('Vuong'), ['source:fr1']);
  assert.deepEqual(found('vương'), ['source:fr1']);
  assert.deepEqual(found('da nang'), ['source:vi1']);
  assert.deepEqual(found('danang'), ['source:vi1']);
  assert.deepEqual(found('nguyen'), ['source:vi1']);
  assert.deepEqual(found('Nguyễ*'), ['source:vi1'], 'wildcards are folded too');
});

test('French and English stemming by each document’s language: humains/humain, victims/victim, delegues/délégué', () => {
  assert.deepEqual(found('humain'), ['source:fr1']);
  assert.deepEqual(found('humains'), ['source:fr1']);
  assert.deepEqual(found('délégué'), ['source:fr1']);
  assert.deepEqual(found('victim'), ['source:en1']);
  assert.deepEqual(found('recruiter'), ['source:en1']);
});

test('stop words do not match everything', () => {
  assert.deepEqual(found('dans'), []);
  assert.deepEqual(found('the'), []);
  assert.deepEqual(found('were'), []);
});

test('French elided articles do not hide their word: l’identification is found by identification, d’action by action, L’État by etat', () => {
  const elided = new SearchIndex();
  elided.upsert([
    doc('source:fr2', 'fr', 'L’État et l’ASEAN', 'Le plan d’action prévoit l’identification des victimes jusqu’à leur retour. Qu’ils soient mineurs ou non.'),
    doc('source:en2', 'en', 'O’Brien’s report', 'A plan of action on the identification of victims.'),
  ]);
  elided.flush();
  const refs = (text: string, asYouType = false) => elided.search({ text, asYouType }).hits.map((h) => h.ref).sort();
  assert.deepEqual(refs('identification'), ['source:en2', 'source:fr2']);
  assert.deepEqual(refs('identifications'), ['source:en2', 'source:fr2']);
  assert.deepEqual(refs('etat'), ['source:fr2']);
  assert.deepEqual(refs('asean'), ['source:fr2']);
  assert.deepEqual(refs("l'identification"), ['source:en2', 'source:fr2'], 'a straight apostrophe in the query too');
  assert.deepEqual(refs('retour'), ['source:fr2']);
  assert.deepEqual(refs("l'ident", true), ['source:en2', 'source:fr2'], 'as you type, after an elided article');
  assert.deepEqual(refs('"plan d\'action"'), ['source:fr2']);
  assert.deepEqual(refs('obrien'), [], 'an Irish name is not an elision');
  assert.deepEqual(refs('o’brien’s'), ['source:en2']);

  const hit = elided.search({ text: 'identification' }).hits.find((h) => h.ref === 'source:fr2')!;
  const body = 'Le plan d’action prévoit l’identification des victimes jusqu’à leur retour. Qu’ils soient mineurs ou non.';
  assert.deepEqual(hit.bodyMatches.map(([s, e]) => body.slice(s, e)), ['identification'], 'the highlight leaves the article out');
  const title = elided.search({ text: 'etat' }).hits[0]!;
  assert.deepEqual(title.titleHighlights.map(([s, e]) => 'L’État et l’ASEAN'.slice(s, e)), ['État']);
});

test('a stem shorter than three letters is highlighted too (English "ère" stems to "er")', () => {
  const short = new SearchIndex();
  const body = 'Cooperation in the digital era, « à l’ère numérique ».';
  short.upsert([doc('note:en3', 'en', 'Timeline', body)]);
  short.flush();
  const hit = short.search({ text: 'ere' }).hits[0]!;
  assert.deepEqual(hit.bodyMatches.map(([s, e]) => body.slice(s, e)), ['ère']);
});
