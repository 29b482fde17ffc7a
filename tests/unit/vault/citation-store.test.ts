import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Vault } from '../../../electron/vault/vault.ts';
import { inNewVault } from '../../helpers/test-vault.ts';

/** Each state a citation can be in, as a researcher gets there: by editing the note, the source file, or deleting what it cites. */

const BODY = [
  'Réunis mercredi à Hanoï, les représentants des six pays du COMMIT ont adopté une déclaration commune contre la traite des êtres humains.',
  '',
  'Le vice-ministre a rappelé que les réseaux recrutent désormais leurs victimes sur les réseaux sociaux.',
  '',
].join('\n');
const PASSAGE = 'les représentants des six pays du COMMIT ont adopté une déclaration commune';
const SECOND = 'les réseaux recrutent désormais leurs victimes sur les réseaux sociaux';

async function setUp(vault: Vault) {
  const source = await vault.addSource({ title: 'Six pays contre la traite', publisher: 'Le Courrier du Mékong', authors: [], published: '2025-11-19', language: 'fr' }, BODY);
  const first = await vault.createAnnotation(source.id, source.revision, BODY.indexOf(PASSAGE), BODY.indexOf(PASSAGE) + PASSAGE.length, { comment: 'La déclaration.' });
  const second = await vault.createAnnotation(source.id, source.revision, BODY.indexOf(SECOND), BODY.indexOf(SECOND) + SECOND.length, {});
  const note = await vault.createNote(
    'Synthèse',
    [
      '# Ce que disent les sources',
      '',
      `> ${PASSAGE}`,
      '>',
      `> — [« les représentants… »](carnet://source/${source.id}#${first.id}) — *Six pays contre la traite*`,
      '',
      `Et aussi : [« ${SECOND} »](carnet://source/${source.id}#${second.id}).`,
      '',
    ].join('\n'),
  );
  return { source, first: first.id, second: second.id, note };
}

const states = (vault: Vault, noteId: string) => vault.listCitations({ noteId }).map((c) => c.state);

test('a note quoting its sources word for word: every citation verified, with its line, source and passage', async () => {
  await inNewVault(async (vault) => {
    const { source, first, note } = await setUp(vault);
    const citations = vault.listCitations({ noteId: note.id });
    const lines = (await fs.readFile(path.join(vault.root, note.path), 'utf8')).split('\n');
    const lineOf = (words: string) => lines.findIndex((line) => line.includes(words)) + 1;
    assert.deepEqual(citations.map((c) => [c.state, c.line, c.annotationId === first]), [['verified', lineOf('— [« les représentants'), true], ['verified', lineOf('Et aussi'), false]]);
    const [one] = citations;
    assert.equal(one?.quoted, PASSAGE);
    assert.equal(one?.passage, PASSAGE);
    assert.equal(one?.comment, 'La déclaration.');
    assert.deepEqual(one?.source, { title: 'Six pays contre la traite', published: '2025-11-19', publisher: 'Le Courrier du Mékong' });
    assert.equal(one?.notePath, `notes/${note.slug}.md`);
    const cited = vault.citedIn(source.id);
    assert.deepEqual(cited.notes, [{ noteId: note.id, title: 'Synthèse', citations: 2 }]);
    assert.deepEqual(cited.annotations[first]?.map((p) => p.line), [lineOf('— [« les représentants')]);
  });
});

test('quote edited in the note: changed, with both texts; put back: verified again', async () => {
  await inNewVault(async (vault) => {
    const { note } = await setUp(vault);
    const current = vault.getNote(note.id);
    const edited = current.body.replace(`> ${PASSAGE}`, '> les représentants des sept pays du COMMIT ont adopté une déclaration commune');
    const saved = await vault.saveNote(note.id, { title: 'Synthèse', body: edited, tags: [] }, current.revision);
    const [changed] = vault.listCitations({ noteId: note.id });
    assert.equal(changed?.state, 'changed');
    assert.match(changed?.quoted ?? '', /sept pays/);
    assert.equal(changed?.passage, PASSAGE);
    await vault.saveNote(note.id, { title: 'Synthèse', body: current.body, tags: [] }, saved.revision);
    assert.deepEqual(states(vault, note.id), ['verified', 'verified']);
  });
});

test('passage edited in the source file on disk: the citation quoting it is changed, the other stays verified', async () => {
  await inNewVault(async (vault) => {
    const { source, note } = await setUp(vault);
    const file = path.join(vault.root, source.path);
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.replace('six pays du COMMIT', 'cinq pays du COMMIT'));
    await vault.reload([source.path]);
    const [first, second] = vault.listCitations({ noteId: note.id });
    assert.equal(first?.state, 'changed');
    assert.match(first?.passage ?? '', /cinq pays/);
    assert.equal(second?.state, 'verified');
  });
});

test('a passage moved in the source (found only approximately) with the same words: needs review', async () => {
  await inNewVault(async (vault) => {
    const { source, note } = await setUp(vault);
    const file = path.join(vault.root, source.path);
    const text = await fs.readFile(file, 'utf8');
    // The context around the second passage changes; its own words do not.
    await fs.writeFile(file, text.replace('Le vice-ministre a rappelé que', 'Selon la vice-ministre, qui a longuement insisté,'));
    await vault.reload([source.path]);
    assert.equal(vault.listAnnotations(source.id).anchors[1]?.state, 'needs-review', 'the annotation is found only approximately');
    assert.deepEqual(states(vault, note.id), ['verified', 'needs-review']);
  });
});

test('annotation deleted: missing; restored from the trash: verified', async () => {
  await inNewVault(async (vault) => {
    const { source, first, note } = await setUp(vault);
    const entry = await vault.deleteAnnotation(source.id, first);
    assert.deepEqual(vault.listCitations({ noteId: note.id }).map((c) => [c.state, c.missing]), [['missing', 'annotation'], ['verified', undefined]]);
    await vault.restore(entry.id);
    assert.deepEqual(states(vault, note.id), ['verified', 'verified']);
  });
});

test('source moved to the trash: both citations missing, naming the source; restored: verified', async () => {
  await inNewVault(async (vault) => {
    const { source, note } = await setUp(vault);
    const entry = await vault.deleteItem('source', source.id);
    const missing = vault.listCitations({ noteId: note.id });
    assert.deepEqual(missing.map((c) => [c.state, c.missing, c.source]), [['missing', 'source', null], ['missing', 'source', null]]);
    assert.equal(vault.listCitations({ states: ['missing'] }).length, 2);
    await vault.restore(entry.id);
    assert.deepEqual(states(vault, note.id), ['verified', 'verified']);
  });
});

test('an annotation the user detached from its words: missing (passage)', async () => {
  await inNewVault(async (vault) => {
    const { source, first, note } = await setUp(vault);
    await vault.resolveAnchor(source.id, first, 'detach');
    assert.deepEqual(vault.listCitations({ noteId: note.id }).map((c) => c.missing), ['passage', undefined]);
  });
});

test('filters: by source, by state; a PDF passage says its page', async () => {
  await inNewVault(async (vault) => {
    const { source, note } = await setUp(vault);
    const pdfBody = '<!-- page 1 -->\n\nIntroduction du rapport.\n\n<!-- page 2 -->\n\nLe rapport recense 312 victimes en 2025.\n';
    const pdf = await vault.addSource({ title: 'Rapport annuel', authors: [] }, pdfBody);
    const words = 'Le rapport recense 312 victimes';
    const made = await vault.createAnnotation(pdf.id, pdf.revision, pdfBody.indexOf(words), pdfBody.indexOf(words) + words.length, {});
    const other = await vault.createNote('Chiffres', `[« ${words} »](carnet://source/${pdf.id}#${made.id})\n`);
    assert.equal(vault.listCitations({ sourceId: pdf.id })[0]?.page, 2);
    assert.deepEqual(vault.listCitations({ sourceId: source.id }).map((c) => c.noteId), [note.id, note.id]);
    assert.deepEqual(vault.listCitations({ states: ['changed'] }), []);
    assert.equal(vault.citedIn(pdf.id).notes[0]?.noteId, other.id);
  });
});
