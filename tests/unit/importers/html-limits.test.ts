import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { checkHtmlLimits, MAX_HTML_DEPTH, measureHtml } from '../../../electron/importers/html-limits.ts';
import { FIXTURES } from '../../helpers/seeds.ts';

const depth = (html: string) => measureHtml(html).depth;

test('ordinary markup measures as the browser would build it', () => {
  assert.equal(depth('<html><body><div><p>Text</p></div></body></html>'), 4);
  // Unclosed paragraphs, list items, cells and options end at their next sibling.
  assert.equal(depth(`<html><body>${'<p>Un paragraphe'.repeat(1000)}</body></html>`), 3);
  assert.equal(depth(`<ul>${'<li><a href="/x">Lien</a>'.repeat(1000)}</ul>`), 3);
  assert.equal(depth(`<table>${'<tr><td>1<td>2'.repeat(500)}</table>`), 3);
  assert.equal(depth(`<select>${'<option>x'.repeat(500)}</select>`), 2);
  assert.equal(depth(`<div>${'<a href="/a">unclosed link '.repeat(500)}</div>`), 2);
  // A block closes an open paragraph; a heading closes another one.
  assert.equal(depth(`<body>${'<p>Intro<div>Bloc</div>'.repeat(300)}</body>`), 2);
  assert.equal(depth(`<body>${'<h2>Titre<h3>Sous-titre'.repeat(300)}</body>`), 2);
  assert.equal(depth('<body><h2><span>Titre<h3>Sous-titre</h3></span></h2></body>'), 4);
  // Void elements, comments, doctypes and raw text hold no elements.
  assert.equal(depth(`<!doctype html><body>${'<br><img src="a.jpg"><meta charset="utf-8"><hr>'.repeat(500)}</body>`), 1);
  assert.equal(depth(`<body><!-- ${'<div>'.repeat(1000)} --><script>${'<div>'.repeat(1000)}</script><style>${'<b>'.repeat(1000)}</style><textarea>${'<i>'.repeat(1000)}</textarea></body>`), 1);
  // A `>` inside a quoted attribute does not end the tag; end tags close what they enclose.
  assert.equal(depth('<div title="a > b"><span data-x=\'<div><div>\'>x</span></div>'), 2);
  assert.equal(depth(`<div>${'<b><i>gras italique</i></b>'.repeat(1000)}</div>`), 3);
  assert.equal(depth('<div><span><b>unclosed</div><p>after</p>'), 3);
  // SVG's self-closing elements do not nest.
  assert.equal(depth(`<svg>${'<path d="M0 0"/>'.repeat(1000)}</svg>`), 1);
});

test('the saved pages of the fixtures are far below the limits', async () => {
  for (const name of (await fs.readdir(FIXTURES)).filter((n) => /\.x?html?$/.test(n))) {
    const html = await fs.readFile(path.join(FIXTURES, name), 'latin1');
    const shape = measureHtml(html);
    assert.ok(shape.depth < 60, `${name}: depth ${shape.depth}`);
    assert.doesNotThrow(() => checkHtmlLimits(html));
  }
});

test('deep nesting and unclosed formatting are refused with the reason, quickly', () => {
  const hostile = [`${'<div>'.repeat(MAX_HTML_DEPTH + 1)}x`, `<p>${'<b><i>'.repeat(100_000)}x`, '<span>'.repeat(1_000_000), '<h1><span>'.repeat(1000), '<li><ul>'.repeat(1000)];
  for (const html of hostile) {
    const start = performance.now();
    assert.throws(
      () => checkHtmlLimits(html),
      (error: unknown) => error instanceof CarnetError && error.code === 'too-heavy' && /nested more than 400 levels/.test(error.text.en) && /imbriqué/.test(error.text.fr),
    );
    assert.ok(performance.now() - start < 1000);
  }
  assert.doesNotThrow(() => checkHtmlLimits(`${'<div>'.repeat(MAX_HTML_DEPTH - 2)}x`));
});
