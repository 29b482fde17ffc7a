import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readableQuote, shortQuote } from '../../../renderer/annotations/readable-quote.ts';

test('a quote across a heading, a caption and a page break reads without the body marks', () => {
  assert.equal(readableQuote('across their shared borders.\n\n## How COMMIT works\n\nIts highest level'), 'across their shared borders.\n\nHow COMMIT works\n\nIts highest level');
  assert.equal(readableQuote('le plan.\n\n_Les délégués à Hà Nội. Photo : VNA_\n\nLa suite'), 'le plan.\n\nLes délégués à Hà Nội. Photo : VNA\n\nLa suite');
  assert.equal(readableQuote('fin de page\n\n<!-- page 3 -->\n\ndébut'), 'fin de page\n\ndébut');
});

test('words with underscores or hashes inside a paragraph are left alone', () => {
  assert.equal(readableQuote('snake_case and #hashtag'), 'snake_case and #hashtag');
  assert.equal(readableQuote('one paragraph_'), 'one paragraph_');
});

test('a short quote is one line, cut with an ellipsis only past its length', () => {
  assert.equal(shortQuote('Hà Nội\n\naccueille', 40), 'Hà Nội accueille');
  assert.equal(shortQuote('abcdefghij', 5), 'abcd…');
});
