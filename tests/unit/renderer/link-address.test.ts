import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeHref } from '../../../renderer/notes/link-address.ts';

test('an address typed without its scheme becomes a web or mail link', () => {
  assert.equal(normalizeHref('example.org'), 'https://example.org');
  assert.equal(normalizeHref('  www.example.org/x?y#z  '), 'https://www.example.org/x?y#z');
  assert.equal(normalizeHref('hà-nội.vn/path'), 'https://hà-nội.vn/path');
  assert.equal(normalizeHref('me@example.org'), 'mailto:me@example.org');
});

test('an address with a scheme, an anchor or a relative path is kept as typed', () => {
  for (const kept of ['https://a.example', 'mailto:me@example.org', 'carnet://source/x', '#section', '/notes/x.md', './x.md', '../y.md']) {
    assert.equal(normalizeHref(kept), kept);
  }
});

test('what is not an address is left alone (the editor then refuses it), and blank stays blank', () => {
  assert.equal(normalizeHref('foo'), 'foo');
  assert.equal(normalizeHref('not an address.org'), 'not an address.org');
  assert.equal(normalizeHref('   '), '');
});
