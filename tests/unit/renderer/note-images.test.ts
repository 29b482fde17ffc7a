import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';

// A mounted editor (pasting goes through its view) in a jsdom page, set up before TipTap loads.
const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
for (const key of ['window', 'document', 'navigator', 'Node', 'HTMLElement', 'Element', 'DOMParser', 'getComputedStyle', 'MutationObserver', 'Text', 'DocumentFragment', 'Range', 'requestAnimationFrame', 'cancelAnimationFrame']) {
  Object.defineProperty(globalThis, key, { value: (dom.window as unknown as Record<string, unknown>)[key], configurable: true, writable: true });
}
const { Editor } = await import('@tiptap/core');
const { noteExtensions } = await import('../../../renderer/notes/note-extensions.ts');
const { loadBlocks, serializeDocument } = await import('../../../renderer/notes/block-document.ts');
const { imageDropPaste, insertImageFiles } = await import('../../../renderer/notes/note-images.ts');

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const png = (name: string) => new File([PNG], name, { type: 'image/png' });

let saved: string[] = [];
let failVault = false;
const save = async (name: string, bytes: Uint8Array) => {
  await new Promise((resolve) => setTimeout(resolve, 20));
  if (failVault) throw new Error('disk full');
  saved.push(`${name} (${bytes.length} bytes)`);
  return `attachments/${name}`;
};
let errors: string[] = [];
const report = (error: { reason: string; fileName: string }) => errors.push(`${error.reason}: ${error.fileName}`);

const element = document.createElement('div');
document.body.append(element);
const editor = new Editor({ element, extensions: noteExtensions({ interactive: [imageDropPaste(save, report)] }), content: { type: 'doc', content: [{ type: 'paragraph' }] } });
after(() => {
  editor.destroy();
  dom.window.close();
});

/** Opens `markdown` with the cursor at `cursor`, nothing saved or reported yet. */
function open(markdown: string, cursor: number) {
  loadBlocks(editor, markdown);
  editor.commands.setTextSelection(cursor);
  saved = [];
  errors = [];
  failVault = false;
}

function paste(files: File[], html = ''): void {
  const event = new dom.window.Event('paste', { bubbles: true, cancelable: true });
  const getData = (type: string) => (type === 'text/html' ? html : type === 'text/plain' ? 'text' : '');
  Object.assign(event, { clipboardData: { getData, files, types: html ? ['text/html', 'text/plain'] : ['Files'], items: [] } });
  editor.view.dom.dispatchEvent(event);
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 150));

test('a pasted picture is saved in the vault and shown where it was pasted, even if typing went on while it was saved', async () => {
  open('Start here\n', 7);
  paste([png('Chart 1.png')]);
  editor.commands.insertContent({ type: 'text', text: 'typed ' });
  await settled();
  assert.deepEqual(saved, [`Chart 1.png (${PNG.length} bytes)`]);
  assert.equal(serializeDocument(editor), 'Start ![Chart 1](attachments/Chart%201.png)typed here');
  assert.deepEqual(errors, []);
});

test('pasted HTML never brings a web picture in: it becomes a link; a passage with text and pictures is pasted as text', async () => {
  open('x\n', 2);
  paste([], '<p>Look <img src="https://ex.org/a.png" alt="A chart"> and <img src="attachments/ok.png" alt="ok"></p>');
  assert.equal(serializeDocument(editor), 'xLook [A chart](https://ex.org/a.png) and ![ok](attachments/ok.png)');
  open('x\n', 2);
  paste([], '<p>See <a href="https://ex.org/page">a picture <img src="https://ex.org/b.png" alt="of a cat"></a></p>');
  assert.equal(serializeDocument(editor), 'xSee [a picture of a cat](https://ex.org/page)', 'a picture inside a link leaves its alt text in the link');
  open('x\n', 2);
  paste([png('copied.png')], '<p>Some words <img src="https://ex.org/b.png" alt="B"></p>');
  await settled();
  assert.deepEqual(saved, [], 'the copied picture file is not saved');
  assert.equal(serializeDocument(editor), 'xSome words [B](https://ex.org/b.png)');
});

test('an SVG, or a file whose bytes are no picture, is refused and reported; the other files still go in, in order', async () => {
  open('x\n', 2);
  paste([new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'drawing.svg', { type: 'image/svg+xml' })]);
  await settled();
  assert.deepEqual(errors, ['unsupported: drawing.svg']);
  await insertImageFiles(editor, [png('a.png'), new File(['hello'], 'fake.png', { type: 'image/png' }), png('b.png')], save, report, 1);
  assert.deepEqual(errors, ['unsupported: drawing.svg', 'unsupported: fake.png']);
  assert.deepEqual(saved, [`a.png (${PNG.length} bytes)`, `b.png (${PNG.length} bytes)`]);
  assert.equal(serializeDocument(editor), '![a](attachments/a.png)![b](attachments/b.png)x');
});

test('a picture the vault cannot keep is reported, and the note is left as it was', async () => {
  open('Unchanged\n', 3);
  failVault = true;
  paste([png('photo.png')]);
  await settled();
  assert.deepEqual(errors, ['failed: photo.png']);
  assert.equal(serializeDocument(editor), 'Unchanged');
  errors = [];
  failVault = false;
  await insertImageFiles(editor, [png('web.png')], async () => 'https://ex.org/web.png', report);
  assert.deepEqual(errors, ['failed: web.png'], 'what the vault answers must be a path in it, not a web address');
  assert.equal(serializeDocument(editor), 'Unchanged');
});
