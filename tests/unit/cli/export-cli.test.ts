import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import mammoth from 'mammoth';
import { cli } from '../../helpers/run-cli.ts';
import { EXPORT_FORMATS } from '../../../electron/export/export-file.ts';
import { sampleVaultCopy } from '../../helpers/temp-dir.ts';

test('carnet export: annotations as CSV to standard output, as W3C JSON-LD to a file, for the vault or one source; a wrong format or source is said', async () => {
  const { dir, remove } = await sampleVaultCopy();
  try {
    const csv = await cli('export', '--vault', dir, '--format', 'csv');
    assert.equal(csv.code, 0, csv.err);
    assert.ok(csv.out.startsWith('\uFEFFsource,source_id,'));
    assert.equal(csv.out.split('\r\n').length - 1, 6, 'a header and one row per passage of the sample vault');

    const out = path.join(dir, '..', 'imm6.jsonld');
    const w3c = await cli('export', '--vault', dir, '--format', 'w3c', '--source', 'sample-imm6-hanoi', '--out', out);
    assert.equal(w3c.code, 0, w3c.err);
    assert.match(w3c.err, /Exported 2 passages to .*imm6\.jsonld/);
    const collection = JSON.parse(await fs.readFile(out, 'utf8')) as { type: string; total: number; label: string };
    assert.deepEqual([collection.type, collection.total], ['AnnotationCollection', 2]);
    assert.match(collection.label, /Hà Nội accueille/);

    const ris = await cli('export', '--vault', dir, '--format', 'ris');
    assert.equal(ris.code, 0, ris.err);
    assert.equal(ris.out.match(/^TY {2}- /gm)?.length, 3);
    assert.match(ris.out, /^T1 {2}- Hà Nội accueille la sixième conférence ministérielle du processus COMMIT$/m);

    const badFormat = await cli('export', '--vault', dir, '--format', 'pdf');
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.err, /--format w3c\|csv/);
    const badSource = await cli('export', '--vault', dir, '--format', 'csv', '--source', 'nope');
    assert.equal(badSource.code, 1);
    assert.match(badSource.err, /No source with id "nope"/);
  } finally {
    await remove();
  }
});

test('carnet export --format zip then carnet restore: the vault again in a new folder, readable by carnet check', async () => {
  const { dir, remove } = await sampleVaultCopy();
  try {
    const zip = path.join(dir, '..', 'backup.zip');
    const made = await cli('export', '--vault', dir, '--format', 'zip', '--out', zip);
    assert.equal(made.code, 0, made.err);
    assert.match(made.err, /Backed up 13 files/);
    const into = path.join(dir, '..', 'restored');
    const restored = await cli('restore', zip, into);
    assert.equal(restored.code, 0, restored.err);
    assert.match(restored.out, /Restored 13 files into/);
    const check = await cli('check', '--vault', into);
    assert.equal(check.code, 0, check.out);
    assert.equal((await cli('restore', zip, into)).code, 1, 'a folder that is not empty is refused');
    assert.equal((await cli('export', '--vault', dir, '--format', 'zip')).code, 2, 'a backup needs --out');
    const qdpx = await cli('export', '--vault', dir, '--format', 'qdpx', '--out', path.join(dir, '..', 'project.qdpx'));
    assert.equal(qdpx.code, 0, qdpx.err);
    assert.match(qdpx.err, /Exported 3 sources with their coded passages, the codebook and the notes to .*project\.qdpx/);
  } finally {
    await remove();
  }
});

test('carnet --help names every export format', async () => {
  const help = await cli('--help');
  for (const format of [...EXPORT_FORMATS, 'qdpx', 'zip']) assert.ok(help.out.includes(format), `the help does not name ${format}`);
  assert.match(help.out, /import-codebook --vault DIR FILE/);
  assert.match(help.out, /restore BACKUP\.zip DIR/);
});

test('carnet export --code: the passages of a code and its sub-codes, by name or path (case and accents aside); references of the sources having them; an unknown name lists close ones', async () => {
  const { dir, remove } = await sampleVaultCopy();
  try {
    const rows = (out: string) => out.split('\r\n').length - 1;
    const cooperation = await cli('export', '--vault', dir, '--format', 'csv', '--code', 'regional COOPERATION');
    assert.equal(cooperation.code, 0, cooperation.err);
    assert.equal(rows(cooperation.out), 4, 'Regional cooperation and Ministerial meetings under it');
    const meetings = await cli('export', '--vault', dir, '--format', 'csv', '--code', 'Regional cooperation/Ministerial meetings');
    assert.equal(rows(meetings.out), 2);
    const two = await cli('export', '--vault', dir, '--format', 'csv', '--code', 'Victim protection,Digital era', '--source', 'sample-imm6-hanoi');
    assert.equal(rows(two.out), 2);
    const repeated = await cli('export', '--vault', dir, '--format', 'csv', '--code', 'victim protection', '--code', 'Ministerial meetings');
    assert.equal(rows(repeated.out), 3);

    const ris = await cli('export', '--vault', dir, '--format', 'ris', '--code', 'Victim protection');
    assert.equal(ris.out.match(/^TY {2}- /gm)?.length, 1);
    assert.match(ris.out, /^T1 {2}- Hà Nội accueille/m);
    const out = path.join(dir, '..', 'meetings.bib');
    const bib = await cli('export', '--vault', dir, '--format', 'bibtex', '--code', 'Ministerial meetings', '--out', out);
    assert.match(bib.err, /Exported 2 references to .*meetings\.bib/);

    const unknown = await cli('export', '--vault', dir, '--format', 'csv', '--code', 'Victim protections');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /No code is named "Victim protections"\. Did you mean "Victim protection"\?/);
  } finally {
    await remove();
  }
});

test('carnet export --format docx|html|qdpx: notes as Word with --out (refused without), HTML to standard output, the style chosen with --style', async () => {
  const { dir, remove } = await sampleVaultCopy();
  try {
    const unscoped = await cli('export', '--vault', dir, '--format', 'qdpx', '--code', 'Victim protection', '--out', path.join(dir, '..', 'p.qdpx'));
    assert.equal(unscoped.code, 2, 'a scope the format cannot honour is refused, not ignored');
    assert.match(unscoped.err, /--code does not narrow it/);
    const refused = await cli('export', '--vault', dir, '--format', 'docx', '--note', 'sample-timeline');
    assert.equal(refused.code, 2);
    assert.match(refused.err, /--out FILE\.docx/);
    assert.equal(refused.out, '');

    const file = path.join(dir, '..', 'timeline.docx');
    const docx = await cli('export', '--vault', dir, '--format', 'docx', '--note', 'sample-timeline', '--out', file);
    assert.equal(docx.code, 0, docx.err);
    assert.match(docx.err, /Exported 1 note to .*timeline\.docx/);
    const { value: html } = await mammoth.convertToHtml({ path: file });
    assert.match(html, /^<h1>COMMIT — a working timeline<\/h1>/);
    assert.match(html, /« launched it in 2004 to work together against human trafficking across their shared borders » \(Carnet team, 2025\)/);
    assert.match(html, /<h2>References<\/h2>/);

    const chicago = await cli('export', '--vault', dir, '--format', 'html', '--note', 'sample-timeline', '--style', 'chicago');
    assert.equal(chicago.code, 0, chicago.err);
    assert.match(chicago.out, /^<!doctype html>/);
    assert.match(chicago.out, /\(Carnet team 2025\)/);
    assert.equal((await cli('export', '--vault', dir, '--format', 'bibliography', '--style', 'mla')).code, 2);

    assert.equal((await cli('export', '--vault', dir, '--format', 'qdpx')).code, 2, 'a project needs --out');
  } finally {
    await remove();
  }
});
