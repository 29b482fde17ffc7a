import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { checkHtmlLimits, MAX_HTML_DEPTH, measureHtml } from '../../../electron/importers/html-limits.ts';
import { FIXTURES } from '../../helpers/seeds.ts';

const depth = (html: string) => measureHtml(html).depth;
const unlimited = (html: string) => measureHtml(html, { depth: Infinity, elements: Infinity }).depth;

/** The depth of the tree jsdom builds (the document element is 1), walked without recursion. */
function jsdomDepth(html: string): number {
  const document = new JSDOM(html).window.document;
  let max = 0;
  const pending: [Element, number][] = [[document.documentElement, 1]];
  while (pending.length > 0) {
    const [element, level] = pending.pop()!;
    max = Math.max(max, level);
    for (const child of Array.from(element.children)) pending.push([child, level + 1]);
  }
  return max;
}

/** The scan may miss the html, head and body elements the parser adds, never more. */
function assertMeasuredAsJsdom(html: string, label: string): void {
  const built = jsdomDepth(html);
  const measured = unlimited(html);
  assert.ok(measured >= built - 3, `${label}: scanned ${measured} deep, jsdom builds ${built}`);
}

const DEEP = MAX_HTML_DEPTH + 100;
const divs = '<div>'.repeat(DEEP);

test('ordinary markup measures as the browser would build it', () => {
  assert.equal(depth('<html><body><div><p>Text</p></div></body></html>'), 4);
  // Unclosed paragraphs, list items, cells and options end at their next sibling.
  assert.equal(depth(`<html><body>${'<p>Un paragraphe'.repeat(1000)}</body></html>`), 3);
  assert.equal(depth(`<ul>${'<li><a href="/x">Lien</a>'.repeat(1000)}</ul>`), 3);
  assert.equal(depth(`<table>${'<tr><td>1<td>2'.repeat(500)}</table>`), 4); // with the tbody the parser adds
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

test('noscript content is markup: jsdom parses with scripting off', () => {
  for (const html of [`<noscript>${divs}`, `<head><noscript>${divs}</noscript></head>`, `<body><noscript>${divs}</noscript>`]) {
    assertMeasuredAsJsdom(html, html.slice(0, 30));
    assert.throws(() => checkHtmlLimits(html), /nested more than/);
  }
  // Its usual content stays shallow.
  assert.equal(depth('<body><noscript><img src="pixel.gif"></noscript><p>Texte</p></body>'), 2);
});

test('in SVG and MathML, style, title, script and the like are elements, not raw text', () => {
  const hostile = [
    `<svg><style>${divs}`,
    `<svg><style>${divs}</style></svg>`,
    `<svg><title>${'<g>'.repeat(DEEP)}`,
    `<svg><script>${'<g>'.repeat(DEEP)}</script></svg>`,
    `<math><textarea>${'<mrow>'.repeat(DEEP)}`,
    `<svg><style>${'<g>'.repeat(DEEP)}</style></svg>`,
  ];
  for (const html of hostile) {
    assertMeasuredAsJsdom(html, html.slice(0, 30));
    assert.throws(() => checkHtmlLimits(html), /nested more than/);
  }
  // Back in HTML (in a foreignObject, or after the svg), a style is raw text again.
  assert.equal(depth(`<svg><foreignObject><style>${divs}</style></foreignObject></svg>`), 2);
  assert.equal(depth(`<svg><style>svg { fill: red }</style></svg><style>${divs}</style>`), 2);
});

test('an unterminated raw-text element holds the rest of the page as text, as the parser reads it', () => {
  for (const name of ['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']) {
    const html = `<body><${name}>${divs}`;
    assert.equal(jsdomDepth(html), 3, name);
    assert.equal(unlimited(html), 1, name);
    assert.doesNotThrow(() => checkHtmlLimits(html));
  }
  // Only the exact end tag ends it: `</script\u00a0>` is text, and what follows it too.
  const html = `${'<div>'.repeat(300)}<script></script\u00a0>${'</div>'.repeat(300)}</script>${'<div>'.repeat(300)}`;
  assertMeasuredAsJsdom(html, 'script\\u00a0');
  assert.throws(() => checkHtmlLimits(html), /nested more than/);
});

test('tags, comments and end tags are read as the parser reads them', () => {
  const hostile = {
    'quote not after =': `<div =">${divs}">`,
    'quote in an unquoted value': `<div a=b">${divs}">`,
    'slash in an unquoted value': `<svg>${'<g d=a/>'.repeat(DEEP)}</svg>`,
    'HTML breaking out of SVG': `<svg><div>${'<div/>'.repeat(DEEP)}`,
    'HTML in a foreignObject': `<svg><foreignObject>${'<div/>'.repeat(DEEP)}`,
    'empty comment': `<!-->${divs}-->`,
    'dash comment': `<!--->${divs}-->`,
    'comment ended by --!>': `<!-- --!>${divs}-->`,
    'end tag past a special element': '<span><div></span>'.repeat(DEEP),
    'end tag past a list': '<li><ul></li>'.repeat(DEEP),
    'end tag past a table': '<div><table><tr><td></div>'.repeat(DEEP / 4),
    'raw text ignored in a select': `<select><style></select>${divs}</style>`,
  };
  for (const [label, html] of Object.entries(hostile)) {
    assertMeasuredAsJsdom(html, label);
    assert.throws(() => checkHtmlLimits(html), /nested more than/, label);
  }
  // Ordinary tables and end tags still close what they enclose.
  assert.equal(depth(`<table><tbody>${'<tr><td/><td><span>x</span></td></tr>'.repeat(500)}</tbody></table>`), 5);
  assert.equal(depth(`<body>${'<div><p>Texte<span>non fermé</div>'.repeat(500)}</body>`), 4);
});
