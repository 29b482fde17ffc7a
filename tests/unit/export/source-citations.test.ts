import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Cite } from '@citation-js/core';
import { cslItem, cslName, formatCitations } from '../../../electron/export/source-citations.ts';
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import AjvModule from 'ajv';
import { PROJECT_ROOT } from '../../helpers/temp-dir.ts';

// CommonJS: the class is the module's `default`.
const Ajv = AjvModule.default;
const CSL_SCHEMA = path.join(PROJECT_ROOT, '..', 'shared', 'standards', 'csl', 'schemas', 'input', 'csl-data.json');
const cslSchemaSkip = existsSync(CSL_SCHEMA) ? false : 'the CSL schemas (../shared/standards/csl) are not here';

const SOURCE = {
  id: 'imm6',
  title: 'Hà Nội accueille la sixième conférence ministérielle du processus COMMIT',
  authors: ['Nguyễn Thị Hương', 'Jane Roe', 'VNA'],
  publisher: 'Le Courrier du Mékong',
  published: '2025-11-19',
  url: 'https://example.org/imm6',
  language: 'fr',
  original: 'sources/originals/imm6.html',
};

test('names: Vietnamese family names first, Western ones last, organisations and one-word names kept whole', () => {
  assert.deepEqual(cslName('Nguyễn Thị Hương'), { family: 'Nguyễn', given: 'Thị Hương' });
  assert.deepEqual(cslName('Jane Roe'), { family: 'Roe', given: 'Jane' });
  assert.deepEqual(cslName('VNA'), { literal: 'VNA' });
  assert.deepEqual(cslName('Carnet team'), { literal: 'Carnet team' });
});

test('BibTeX, re-read by an independent parser (@retorquere/bibtex-parser): the same title, authors and year, accents intact', () => {
  const bib = formatCitations([cslItem(SOURCE)], 'bibtex');
  const { entries, errors } = parseBibtex(bib);
  assert.deepEqual(errors, []);
  const [entry] = entries;
  assert.equal(entry?.fields.title, SOURCE.title);
  assert.deepEqual(entry?.fields.author?.map((a) => a.lastName ?? a.name), ['Nguyễn', 'Roe', 'VNA']);
  assert.equal(entry?.fields.year, '2025');
  assert.match(bib, /^\s*month = nov,$/m, 'a month BibTeX reads (citation-js wrote {nov 19})');
  assert.equal(entry?.fields.month, '11');
});

test('RIS and CSL-JSON, re-imported by citation-js: the same fields', () => {
  for (const format of ['ris', 'csl-json'] as const) {
    const text = formatCitations([cslItem(SOURCE)], format);
    const [item] = new Cite(text).data as { title?: string; author?: { family?: string; given?: string; literal?: string }[]; issued?: { 'date-parts': number[][] }; URL?: string }[];
    assert.equal(item?.title, SOURCE.title, format);
    assert.equal(item?.author?.[0]?.family, 'Nguyễn', format);
    assert.deepEqual(item?.issued?.['date-parts']?.[0]?.slice(0, 1), [2025], format);
    assert.equal(item?.URL, SOURCE.url, format);
  }
});

test('an APA bibliography, formatted offline by citeproc, in English and French', () => {
  const en = formatCitations([cslItem(SOURCE)], 'bibliography', 'en');
  assert.match(en, /^Nguyễn, T\. H\., Roe, J\., & VNA\. \(2025, November 19\)\. Hà Nội accueille/);
  const fr = formatCitations([cslItem(SOURCE)], 'bibliography', 'fr');
  assert.match(fr, /novembre/);
});

test('CSL-JSON is valid against the CSL project’s own schema (csl-data.json)', { skip: cslSchemaSkip }, async () => {
  const schema = JSON.parse(await fs.readFile(CSL_SCHEMA, 'utf8')) as object;
  const validate = new Ajv({ strict: false }).compile(schema);
  const items = JSON.parse(formatCitations([cslItem(SOURCE), cslItem({ ...SOURCE, id: 'report', original: 'r.pdf', authors: [], published: undefined, url: undefined })], 'csl-json')) as unknown;
  assert.equal(validate(items), true, JSON.stringify(validate.errors));
});

const FULL = {
  id: 'unodc-2024',
  type: 'report' as const,
  title: 'Trafficking in persons in Southeast Asia: Mekong update',
  authors: ['Nguyễn, Văn Bình', 'Office on Drugs and Crime'],
  container: undefined,
  publisher: 'UNODC',
  place: 'Bangkok',
  published: '2024-03-07',
  accessed: '2025-12-03',
  pages: '12–19',
  doi: '10.18356/9789210000000',
  identifier: 'TR-2024/7',
  url: 'https://example.org/mekong-update.pdf',
  language: 'en',
  original: 'sources/originals/mekong-update.pdf',
};

test('every citation field leaves Carnet and comes back: BibTeX by an independent parser, RIS and CSL-JSON by citation-js, and CSL-JSON valid', async () => {
  const item = cslItem(FULL);
  assert.deepEqual(item.author, [{ family: 'Nguyễn', given: 'Văn Bình' }, { literal: 'Office on Drugs and Crime' }], '"Family, Given" says the split; a body is kept whole');
  const { entries, errors } = parseBibtex(formatCitations([item], 'bibtex'));
  assert.deepEqual(errors, []);
  const fields = entries[0]?.fields as Record<string, unknown>;
  assert.equal(entries[0]?.type, 'techreport');
  assert.equal(fields.doi, FULL.doi);
  assert.equal([fields.institution ?? fields.publisher].flat()[0], 'UNODC');
  assert.equal([fields.address].flat()[0], 'Bangkok');
  assert.equal(fields.number, 'TR-2024/7');
  for (const format of ['ris', 'csl-json'] as const) {
    const [back] = new Cite(formatCitations([item], format)).data as Record<string, unknown>[];
    assert.equal(back?.DOI, FULL.doi, format);
    assert.equal(back?.publisher, 'UNODC', format);
    assert.equal(back?.['publisher-place'], 'Bangkok', format);
    assert.equal(back?.number, 'TR-2024/7', format);
    assert.equal((back?.author as { family?: string }[] | undefined)?.[0]?.family, 'Nguyễn', format);
    assert.equal(back?.page, '12-19', format);
    assert.deepEqual((back?.accessed as { 'date-parts': number[][] } | undefined)?.['date-parts'], [[2025, 12, 3]], format);
  }
  const [csl] = JSON.parse(formatCitations([item], 'csl-json')) as Record<string, unknown>[];
  assert.deepEqual(csl?.accessed, { 'date-parts': [[2025, 12, 3]] });
  assert.equal(csl?.page, '12-19', 'a range with a hyphen, as CSL asks');
  assert.match(formatCitations([item], 'bibliography'), /12–19/, 'printed with the style’s dash');
  if (!cslSchemaSkip) {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(await fs.readFile(CSL_SCHEMA, 'utf8')) as object);
    assert.equal(validate([csl]), true, JSON.stringify(validate.errors));
  }
});

test('a month alone becomes BibTeX’s month macro; pages that are not one range go to RIS whole', () => {
  const month = cslItem({ ...SOURCE, published: '2019-06' });
  assert.match(formatCitations([month], 'bibtex'), /^\s*month = jun,$/m);
  const ris = formatCitations([cslItem({ ...FULL, pages: '12-19, 25-30' })], 'ris');
  assert.match(ris, /^SP {2}- 12-19, 25-30$/m);
  const longId = formatCitations([cslItem({ ...FULL, id: 'sample-commit-overview-long-id' }), cslItem({ ...FULL, id: 'second', doi: '10.1000/second' })], 'ris');
  assert.deepEqual(longId.match(/^DO {2}- .*$/gm), [`DO  - ${FULL.doi}`, 'DO  - 10.1000/second'], 'each record keeps its own DOI, whatever its id’s length');
  assert.doesNotMatch(ris, /^EP {2}-/m);
});
