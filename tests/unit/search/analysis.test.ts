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
