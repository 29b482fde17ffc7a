import { test } from 'node:test';
import assert from 'node:assert/strict';
import { captureLines, chromeOf, groupBySite, hostOf, siteChrome, siteKeys } from '../../../electron/importers/site-chrome.ts';
import { chromeKey } from '../../../electron/importers/text-capture.ts';

const BLURB = 'The Delta Watch is an independent paper founded in 2012 by reporters from Can Tho, covering daily life, farming and trade across the provinces of the Mekong delta.';

const capture = (header: string, article: string[], source?: string) =>
  [header, 'News from the Mekong', 'Home | Society | Environment | Economy | Contact', '', ...article, '', BLURB, '', '© 2025 The Delta Watch', ...(source ? ['', `Source: ${source}`] : [])].join('\n');

const first = capture('The Delta Watch', ['Late floods worry rice farmers', 'Water reached its highest level in three years this week.'], 'https://www.Delta-Watch.example/env/floods');
const second = capture('The Delta Watch', ['Floating market looks for a second wind', 'Fewer boats, more tourists at the floating market.'], 'https://delta-watch.example/economy/market');
const elsewhere = [
  'Mekong Observer',
  'News | Opinion | Contact',
  'Late floods worry rice farmers',
  'Water reached its highest level in three years this week.',
  '© 2025 Mekong Observer',
].join('\n');

test('lines in two captures of a site are its chrome; a line in only one is not', () => {
  const chrome = siteChrome([first, second]);
  for (const line of ['The Delta Watch', 'Home | Society | Environment | Economy | Contact', BLURB, '© 2026 The Delta Watch']) assert.ok(chrome.has(chromeKey(line)), line);
  assert.ok(!chrome.has(chromeKey('Late floods worry rice farmers')));
  assert.ok(!chrome.has(chromeKey('Fewer boats, more tourists at the floating market.')));
});

test('another site’s lines are not learnt, even where its text meets one capture of the site', () => {
  const captures = [
    { text: first, url: undefined },
    { text: elsewhere, url: 'https://mekong-observer.example/a' },
    { text: second, url: undefined },
  ];
  const groups = groupBySite(captures, (c) => siteKeys(c.text, c.url));
  assert.equal(groups.length, 2);
  const delta = groups.find((g) => g.includes(captures[0]!))!;
  assert.deepEqual(delta.map((c) => c.text), [first, second]);
  const chrome = siteChrome(delta.map((c) => c.text));
  assert.ok(!chrome.has(chromeKey('Water reached its highest level in three years this week.')), 'shared with another site only');
  assert.ok(!chrome.has(chromeKey('Mekong Observer')));
});

test('a site is its host (lower-cased, www. dropped), else its header lines', () => {
  assert.equal(hostOf('https://WWW.Delta-Watch.example/x'), 'delta-watch.example');
  assert.equal(hostOf('not an address'), null);
  assert.ok(siteKeys(first).includes('host:delta-watch.example'));
  assert.ok(siteKeys(second).includes('host:delta-watch.example'));
  const noSource = (text: string) => text.replace(/\nSource: .*$/, '');
  const [a, b] = [siteKeys(noSource(first)), siteKeys(noSource(second))];
  assert.equal(a.length, 1);
  assert.ok(a[0]!.startsWith('head:'));
  assert.deepEqual(a, b, 'same header, same site');
  assert.ok(siteKeys(first, 'https://other.example/').includes('host:other.example'), 'the source’s own address counts too');
});

test('short lines say nothing; a long sentence counts only when repeated word for word', () => {
  const lines = (text: string) => captureLines(text);
  assert.equal(lines('ok\n--\n\n').size, 0);
  const sentence = (n: number) => `In ${n} the committee met again to review how the river's rising waters had changed the planting calendar across the delta.`;
  assert.equal(siteChrome([sentence(2024), sentence(2025)]).size, 0, 'a long sentence with other figures is not the same sentence');
  assert.equal(siteChrome([sentence(2024), sentence(2024)]).size, 1);
  assert.equal(siteChrome(['Updated 2024', 'Updated 2025']).size, 1, 'short lines are folded, digits aside');
});

test('a capture of the same page teaches nothing: its article would pass for chrome', () => {
  const target = captureLines(first);
  assert.equal(chromeOf(target, [captureLines(first)]).size, 0);
  assert.ok(chromeOf(target, [captureLines(second)]).has(chromeKey(BLURB)));
});
