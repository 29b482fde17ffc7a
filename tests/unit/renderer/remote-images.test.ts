import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { Editor } from '@tiptap/core';
import { Fragment } from '@tiptap/pm/model';
import { loadBlocks, serializeDocument } from '../../../renderer/notes/block-document.ts';
import { noteExtensions } from '../../../renderer/notes/note-extensions.ts';
import { stripRemoteImageNodes, stripRemoteImages } from '../../../renderer/notes/remote-images.ts';

// The renderer parses pasted HTML with the page's DOMParser; Node has none.
const { window } = new JSDOM('');
globalThis.DOMParser = window.DOMParser;
const body = (html: string) => new JSDOM(html).window.document.body;

test('pasted HTML: a web image becomes a link to its address, named by its alt text, and nothing in it can be fetched', () => {
  const html = stripRemoteImages(
    '<p>Before <img src="https://ex.org/a.png" alt="A chart" srcset="https://ex.org/a2.png 2x"> then <img src="//cdn.example/c.png"> and <picture><source srcset="https://ex.org/y.webp"><img src="https://ex.org/y.png" title="Pic"></picture></p>',
  );
  const pasted = body(html);
  assert.equal(pasted.querySelectorAll('img, source, [srcset]').length, 0, html);
  assert.deepEqual(
    Array.from(pasted.querySelectorAll('a'), (a) => [a.textContent, a.getAttribute('href')]),
    [
      ['A chart', 'https://ex.org/a.png'],
      ['https://cdn.example/c.png', 'https://cdn.example/c.png'],
      ['Pic', 'https://ex.org/y.png'],
    ],
  );
  assert.equal(pasted.textContent, 'Before A chart then https://cdn.example/c.png and Pic');
});

test('pasted HTML: an image that is not on the web (data:, file:, inside a link) leaves its alt text; a vault image stays', () => {
  const html = stripRemoteImages(
    '<p><img src="data:image/png;base64,AAAA" alt="inline data"> <img src="file:///etc/x.png"> <a href="https://ex.org"><img src="https://ex.org/b.png" alt="inside link"></a> <img src="attachments/ok.png" alt="ok" srcset="https://ex.org/big.png 2x"></p>',
  );
  const pasted = body(html);
  assert.deepEqual(
    Array.from(pasted.querySelectorAll('img'), (img) => img.outerHTML),
    ['<img src="attachments/ok.png" alt="ok">'],
  );
  assert.equal(pasted.querySelector('a')?.outerHTML, '<a href="https://ex.org">inside link</a>');
  assert.equal(pasted.textContent, 'inline data  inside link ');
});

test('pasted HTML without any image is passed on as it is', () => {
  const html = '<p>Plain <b>text</b> with a <a href="https://ex.org">link</a>.</p>';
  assert.equal(stripRemoteImages(html), html);
});

test('pasted content, however it came (Markdown text, a drop): a web image becomes a link, other non-vault images go', () => {
  const editor = new Editor({ element: null, extensions: noteExtensions(), content: { type: 'doc', content: [{ type: 'paragraph' }] } });
  loadBlocks(editor, 'Look ![A chart](https://ex.org/a.png) and ![ok](attachments/ok.png) ![](//cdn.example/c.png) ![gone](data:image/png;base64,AAAA)\n\n- ![In a list](https://ex.org/l.png)\n');
  const before = editor.state.doc.content;
  const after = stripRemoteImageNodes(before, editor.schema);
  editor.commands.setContent(editor.schema.topNodeType.create(null, after).toJSON());
  assert.equal(serializeDocument(editor), 'Look [A chart](https://ex.org/a.png) and ![ok](attachments/ok.png) [https://cdn.example/c.png](https://cdn.example/c.png) gone\n\n- [In a list](https://ex.org/l.png)');
  const safe = Fragment.from(editor.schema.nodes.paragraph?.create(null, editor.schema.text('No image here.')));
  assert.equal(stripRemoteImageNodes(safe, editor.schema), safe, 'content with no image is left as it is');
});
