import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { findCitations } from '../../../electron/citations/find-citations.ts';
import { quoteMatches } from '../../../electron/citations/quote-match.ts';
import { DEFAULT_QUOTE_TEMPLATE, escapeMarkdown, renderQuote } from '../../../electron/citations/quote-template.ts';
import type { Citation } from '../../../electron/api.ts';

// A mounted editor (decorations live in its view's plugins) in a jsdom page, set up before TipTap loads.
const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
for (const key of ['window', 'document', 'navigator', 'Node', 'HTMLElement', 'Element', 'DOMParser', 'getComputedStyle', 'MutationObserver', 'Text', 'DocumentFragment', 'Range', 'requestAnimationFrame', 'cancelAnimationFrame']) {
  Object.defineProperty(globalThis, key, { value: (dom.window as unknown as Record<string, unknown>)[key], configurable: true, writable: true });
}
// jsdom has no ClipboardEvent; ProseMirror's pasteHTML and pasteText make one (with no clipboard data).
class ClipboardEvent extends dom.window.Event {
  readonly clipboardData = null;
}
Object.defineProperty(globalThis, 'ClipboardEvent', { value: ClipboardEvent, configurable: true, writable: true });
const { Editor } = await import('@tiptap/core');
const { loadBlocks, saveBlocks, serializeDocument } = await import('../../../renderer/notes/block-document.ts');
const { noteExtensions } = await import('../../../renderer/notes/note-extensions.ts');
const { checksByKey, citationChips, citationRanges, setCitationChecks } = await import('../../../renderer/notes/citation-chips.ts');
const { afterTextblock, insertQuote } = await import('../../../renderer/notes/quote-position.ts');

const labels = { state: (c: Citation) => c.state, label: (c: Citation) => c.source?.title ?? '', unchecked: 'unchecked' };
const element = document.createElement('div');
document.body.append(element);
const editor = new Editor({ element, extensions: [...noteExtensions(), citationChips(() => labels)], content: { type: 'doc', content: [{ type: 'paragraph' }] } });
after(() => {
  editor.destroy();
  dom.window.close();
});

const A = 'carnet://source/src-a#ann-1';
const B = 'carnet://source/src-b#ann-2';
const NOTE = `Premier [« un »](${A}) et [« deux »](${B}).\n\n> Une citation.\n>\n> — [« un, encore »](${A})\n`;

function citation(index: number, sourceId: string, annotationId: string, state: Citation['state']): Citation {
  return { noteId: 'n', noteTitle: 'N', notePath: 'notes/n.md', line: 1, index, sourceId, annotationId, state, quoted: null, passage: null, source: { title: sourceId } };
}

test('the chips find every citation link in order, the same address twice as two occurrences', () => {
  loadBlocks(editor, NOTE);
  const ranges = citationRanges(editor.state.doc);
  assert.deepEqual(ranges.map((r) => [r.index, r.key]), [[0, `${A} 0`], [1, `${B} 0`], [2, `${A} 1`]]);
  assert.deepEqual(ranges.map((r) => editor.state.doc.textBetween(r.from, r.to)), ['« un »', '« deux »', '« un, encore »']);
});

test('each chip takes the state of its own check, matched by address and occurrence, and the Markdown is untouched', () => {
  loadBlocks(editor, NOTE);
  const checks = checksByKey([citation(2, 'src-a', 'ann-1', 'changed'), citation(0, 'src-a', 'ann-1', 'verified'), citation(1, 'src-b', 'ann-2', 'missing')]);
  editor.view.dispatch(setCitationChecks(editor.state.tr, checks));
  const labelsShown = [...element.querySelectorAll<HTMLElement>('.citation-label')].map((label) => [[...label.classList].find((c) => c.startsWith('citation-') && c !== 'citation-label'), label.textContent]);
  assert.deepEqual(labelsShown, [
    ['citation-verified', '✓ src-a (verified)'],
    ['citation-missing', '✕ src-b (missing)'],
    ['citation-changed', '≠ src-a (changed)'],
  ]);
  assert.equal(element.querySelectorAll('.citation-chip.citation-changed').length, 1);
  assert.equal(serializeDocument(editor).trimEnd(), NOTE.trimEnd(), 'decorations never reach the file');
});

test('a quote inserted mid-paragraph lands after that paragraph, and what the note then holds verifies against the passage', () => {
  loadBlocks(editor, 'Le début de ma note, que la citation ne doit pas couper.\n');
  const passage = 'Les six pays ont adopté une déclaration commune contre la traite des êtres humains.';
  const markdown = renderQuote(DEFAULT_QUOTE_TEMPLATE, {
    passage: escapeMarkdown(passage),
    citation: `[« Les six pays ont adopté… »](${A}) — *Six pays*, VNA, 2025-11-19`,
    comment: '',
    codes: '',
    title: '',
    date: '',
    page: '',
    url: '',
  });
  assert.ok(insertQuote(editor, afterTextblock(editor.state.doc, 10), markdown));
  const saved = serializeDocument(editor);
  assert.ok(saved.startsWith('Le début de ma note, que la citation ne doit pas couper.\n\n> Les six pays'), saved);
  const [found] = findCitations(saved);
  assert.ok(found?.quoted && quoteMatches(found.quoted, passage), `quoted: ${found?.quoted}`);
  assert.equal(saveBlocks(editor, loadBlocks(editor, saved)), null, 'loading it again and saving changes nothing');
});

test('a citation pasted as a copied citation’s HTML (Copy citation puts it on the clipboard) stays a link to its passage, drawn as a chip', () => {
  loadBlocks(editor, 'Texte.\n');
  editor.commands.setTextSelection(editor.state.doc.content.size - 1);
  editor.view.pasteHTML(`<p><a href="${A}">« une déclaration commune »</a> — <i>Six pays</i></p>`);
  assert.deepEqual(citationRanges(editor.state.doc).map((r) => r.href), [A]);
  assert.match(serializeDocument(editor), /\[« une déclaration commune »\]\(carnet:\/\/source\/src-a#ann-1\)/);
});

test('a quote inserted with the caret inside another quote goes after it, never nested; one ending the note leaves a paragraph to write in after it', () => {
  loadBlocks(editor, `> Une première citation.\n>\n> — [« une »](${A})\n`);
  const inside = 5;
  assert.ok(insertQuote(editor, afterTextblock(editor.state.doc, inside), `> Une seconde.\n>\n> — [« deux »](${B})`));
  const saved = serializeDocument(editor);
  assert.ok(!saved.includes('> >'), saved);
  assert.deepEqual(findCitations(saved).map((c) => c.quoted), ['Une première citation.', 'Une seconde.']);
  const last = editor.state.doc.lastChild;
  assert.equal(last?.type.name, 'paragraph');
  assert.equal(last?.content.size, 0);
});
