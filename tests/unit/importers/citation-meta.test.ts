import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { importDocument } from '../../../electron/importers/import-document.ts';
import { importIntoVault } from '../../../electron/importers/import-into-vault.ts';
import { normaliseMetadata } from '../../../electron/importers/metadata/normalise.ts';
import { doiOf } from '../../../electron/importers/metadata/citation-meta.ts';
import { Vault } from '../../../electron/vault/vault.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

/** Citation facts read where a page or a PDF states them (metadata/citation-meta.ts, pdf-citation.ts), and written to the source's front matter. */

const PROSE = [
  'Between 2019 and 2023, the six countries of the Mekong region recorded a steady rise in the number of identified victims of trafficking, most of them recruited online with offers of work abroad.',
  'The study draws on interviews with social workers, police officers and survivors in four border provinces, and on the case files of the courts that heard trafficking cases during the period.',
  'It finds that cooperation across borders improved once liaison offices opened, but that survivors still wait months before they are returned home, and that few receive the support the law promises.',
];

const page = (head: string, options: { lang?: string; before?: string } = {}) =>
  `${options.before ?? '<!DOCTYPE html>'}\n<html${options.lang ? ` lang="${options.lang}"` : ''}><head><meta charset="utf-8"><title>Trafficking in the Mekong region</title>\n${head}\n</head><body><nav><a href="/">Home</a></nav><article><h1>Trafficking in the Mekong region</h1>\n${PROSE.map((p) => `<p>${p}</p>`).join('\n')}\n</article></body></html>\n`;

const html = (name: string, text: string) => importDocument({ name, bytes: new TextEncoder().encode(text) });

const SCHOLARLY = page(
  [
    '<meta name="citation_title" content="Recruited online: trafficking in the Mekong region, 2019–2023">',
    '<meta name="citation_author" content="Nguyễn, Thị Hương">',
    '<meta name="citation_author" content="Roe, Jane">',
    '<meta name="citation_journal_title" content="Journal of Mekong Studies">',
    '<meta name="citation_publisher" content="Mekong University Press">',
    '<meta name="citation_publication_date" content="2024/03/05">',
    '<meta name="citation_doi" content="10.5555/jms.2024.012">',
    '<meta name="citation_firstpage" content="12"><meta name="citation_lastpage" content="19">',
    '<meta name="citation_volume" content="7">',
    '<meta name="citation_pdf_url" content="https://journals.example.org/jms/7/12.pdf">',
    '<meta property="og:site_name" content="MUP Journals">',
    '<meta name="author" content="Thị Hương Nguyễn, Jane Roe">',
  ].join('\n'),
  { lang: 'en' },
);

test('a scholarly article page: Highwire tags give the journal, its publisher, the authors as "Family, Given", the DOI and the pages', async () => {
  const { metadata } = await html('article.html', SCHOLARLY);
  assert.equal(metadata.title, 'Recruited online: trafficking in the Mekong region, 2019–2023');
  assert.equal(metadata.type, 'article-journal');
  assert.equal(metadata.container, 'Journal of Mekong Studies');
  assert.equal(metadata.publisher, 'Mekong University Press');
  assert.deepEqual(metadata.authors, ['Nguyễn, Thị Hương', 'Roe, Jane']);
  assert.equal(metadata.published, '2024-03-05');
  assert.equal(metadata.doi, '10.5555/jms.2024.012');
  assert.equal(metadata.pages, '12–19');
  assert.equal(metadata.accessed, undefined, 'a saved page does not say when it was saved');
});

test('a news page: JSON-LD NewsArticle in an @graph, its isPartOf (the paper) and its publisher (the company) followed by @id', async () => {
  const graph = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', '@id': 'https://lemonde.example/#website', name: 'Le Monde' },
      { '@type': 'WebPage', '@id': 'https://lemonde.example/a/1#webpage', name: 'Trafficking in the Mekong region', isPartOf: { '@id': 'https://lemonde.example/#website' } },
      {
        '@type': 'NewsArticle',
        headline: 'Trafficking in the Mekong region',
        isPartOf: { '@id': 'https://lemonde.example/a/1#webpage' },
        publisher: { '@id': 'https://lemonde.example/#org' },
        author: [{ '@type': 'Person', givenName: 'Lan', familyName: 'Nguyễn' }, { '@type': 'Person', name: 'Marc Dupont' }],
        datePublished: '2025-11-19T08:00:00+01:00',
        contentLocation: { '@type': 'Place', address: { addressLocality: 'Hanoi' } },
      },
      { '@type': 'Organization', '@id': 'https://lemonde.example/#org', name: 'Groupe Le Monde', address: { '@type': 'PostalAddress', addressLocality: 'Paris' } },
    ],
  };
  const { metadata } = await html('news.html', page(`<script type="application/ld+json">${JSON.stringify(graph)}</script>`, { lang: 'fr' }));
  assert.equal(metadata.type, 'article-newspaper');
  assert.equal(metadata.container, 'Le Monde');
  assert.equal(metadata.publisher, 'Groupe Le Monde');
  assert.equal(metadata.place, 'Paris', 'the publisher’s town, not where the story happened');
  assert.deepEqual(metadata.authors, ['Nguyễn, Lan', 'Marc Dupont']);
  assert.equal(metadata.published, '2025-11-19');
});

test('a report page: Dublin Core tags give the type, the publisher, the creators, the date and the DOI; the report number from Highwire', async () => {
  const head = [
    '<meta name="DC.title" content="Trafficking in the Mekong region">',
    '<meta name="DC.creator" content="Tran, Minh">',
    '<meta name="DC.creator" content="UNODC Regional Office">',
    '<meta name="DC.publisher" content="United Nations Office on Drugs and Crime">',
    '<meta name="DC.date" content="2023-06-30">',
    '<meta name="DC.type" content="Report">',
    '<meta name="DC.identifier" content="https://reports.example.org/mekong-2023">',
    '<meta name="dc.identifier" content="doi:10.5555/unodc.2023.7">',
    '<meta name="DC.language" content="en">',
    '<meta name="citation_technical_report_number" content="UNODC/ROSEAP/2023/7">',
  ].join('\n');
  const { metadata } = await html('report.html', page(head));
  assert.equal(metadata.type, 'report');
  assert.equal(metadata.publisher, 'United Nations Office on Drugs and Crime');
  assert.deepEqual(metadata.authors, ['Tran, Minh', 'UNODC Regional Office']);
  assert.equal(metadata.published, '2023-06-30');
  assert.equal(metadata.doi, '10.5555/unodc.2023.7');
  assert.equal(metadata.identifier, 'UNODC/ROSEAP/2023/7');
  assert.equal(metadata.language, 'en');
  assert.equal(metadata.container, undefined);
});

test('a page that states nothing: no citation field is set, not even a guessed type', async () => {
  const { metadata } = await html('plain.html', page('<meta property="og:type" content="website">', { lang: 'en' }));
  for (const key of ['type', 'container', 'place', 'accessed', 'pages', 'doi', 'archive', 'identifier'] as const) assert.equal(key in metadata, false, key);
});

test('a DOI in the page’s address; SingleFile’s comment gives the address and the day the page was saved', async () => {
  const before = '<!DOCTYPE html>\n<!--\n Page saved with SingleFile \n url: https://journals.example.org/doi/full/10.1177/0022343319851234?af=R \n saved date: Wed Nov 19 2025 23:10:00 GMT+0700 (Indochina Time)\n-->';
  const { metadata } = await html('saved.html', page('', { lang: 'en', before }));
  assert.equal(metadata.url, 'https://journals.example.org/doi/full/10.1177/0022343319851234?af=R');
  assert.equal(metadata.doi, '10.1177/0022343319851234');
  assert.equal(metadata.accessed, '2025-11-19');
  assert.equal(doiOf('https://doi.org/10.1000/xyz%28123%29.'), '10.1000/xyz(123)');
  assert.equal(doiOf('https://example.org/10.1000/xyz'), undefined, 'a 10.… in any address is no DOI');
  assert.equal(doiOf('10.12/short'), undefined);
});

test('what the vault takes: a known type, a real DOI; a container that is the publisher’s own name written once', () => {
  const base = { title: 'T', authors: [], language: 'en' };
  const same = normaliseMetadata({ ...base, publisher: 'Le Journal du Mékong', container: 'Le Journal du Mékong', type: 'article-newspaper' }, 'text', 'a.html');
  assert.equal(same.container, undefined);
  assert.equal(same.publisher, 'Le Journal du Mékong');
  assert.equal(same.type, 'article-newspaper');
  const odd = normaliseMetadata({ ...base, type: 'novel' as never, doi: 'doi:10.1/x', accessed: '2025', pages: ' 12\n–19 ' }, 'text', 'a.html');
  assert.deepEqual([odd.type, odd.doi, odd.accessed, odd.pages], [undefined, undefined, undefined, '12 –19']);
});

/** A one-page PDF with an info dictionary and Helvetica text, its cross-reference table worked out. */
function pdfWith(info: Record<string, string>, lines: string[]): Uint8Array {
  const hex = (text: string) => `<FEFF${[...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>`;
  const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = `BT /F1 12 Tf 72 720 Td 16 TL ${lines.map((line) => `(${escape(line)}) Tj T*`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< ${Object.entries(info).map(([key, value]) => `/${key} ${hex(value)}`).join(' ')} >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, index) => {
    const offset = out.length;
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

test('a PDF: title and authors from its info dictionary (several names split), the DOI printed on its first page', async () => {
  const bytes = pdfWith({ Title: 'Trafficking in the Mekong region, 2019–2023', Author: 'Nguyễn Thị Hương; Jane Roe and Minh Tran', Subject: 'doi:10.9999/not.this.one' }, [
    'Trafficking in the Mekong region, 2019-2023',
    'A report of the regional office.',
    'https://doi.org/10.5555/report.2024.3.',
    'Between 2019 and 2023 the six countries recorded a steady rise in identified victims.',
  ]);
  const { metadata } = await importDocument({ name: 'rapport.pdf', bytes });
  assert.equal(metadata.title, 'Trafficking in the Mekong region, 2019–2023');
  assert.deepEqual(metadata.authors, ['Nguyễn Thị Hương', 'Jane Roe', 'Minh Tran']);
  assert.equal(metadata.doi, '10.5555/report.2024.3');
  assert.equal(metadata.type, undefined, 'a DOI without a journal does not say what the PDF is');
  assert.equal(metadata.published, undefined);
});

test('imported into a vault: the source’s front matter holds the type, the container, the DOI, the pages and the author as a CSL name', async () => {
  const temp = await tempDir();
  const vault = await Vault.create(path.join(temp.dir, 'v'), 'Citations');
  try {
    const result = await importIntoVault(vault, { name: 'article.html', bytes: new TextEncoder().encode(SCHOLARLY) });
    assert.equal(result.status, 'imported');
    if (result.status !== 'imported') return;
    const source = vault.getSource(result.sourceId);
    assert.equal(source.doi, '10.5555/jms.2024.012');
    const file = await fs.readFile(path.join(vault.root, 'sources', (await fs.readdir(path.join(vault.root, 'sources'))).find((name) => name.endsWith('.md'))!), 'utf8');
    assert.match(file, /^type: article-journal$/m);
    assert.match(file, /^container: Journal of Mekong Studies$/m);
    assert.match(file, /^publisher: Mekong University Press$/m);
    assert.match(file, /^doi: 10\.5555\/jms\.2024\.012$/m);
    assert.match(file, /^pages: 12–19$/m);
    assert.match(file, /family: Nguyễn\n\s+given: Thị Hương/);
    assert.match(file, /family: Roe\n\s+given: Jane/);
    assert.doesNotMatch(file, /^accessed:/m);
  } finally {
    await vault.close();
    await temp.remove();
  }
});

test('a PDF’s Author string: people split on and/et/&, a body’s name kept whole', async () => {
  const { splitPdfAuthors } = await import('../../../electron/importers/metadata/pdf-citation.ts');
  assert.deepEqual(splitPdfAuthors('Jane Roe and John Doe'), ['Jane Roe', 'John Doe']);
  assert.deepEqual(splitPdfAuthors('Smith, J. & Doe, K.; Nguyễn Thị Hương'), ['Smith, J.', 'Doe, K.', 'Nguyễn Thị Hương']);
  assert.deepEqual(splitPdfAuthors('Food and Agriculture Organization of the United Nations'), ['Food and Agriculture Organization of the United Nations']);
  assert.deepEqual(splitPdfAuthors('Ministère de l’Europe et des Affaires étrangères'), ['Ministère de l’Europe et des Affaires étrangères']);
});

test('a report page dated by its year alone keeps the year, not the web page’s posting date', async () => {
  const html = '<!doctype html><html lang="en"><head><title>Annual report</title><meta name="citation_title" content="Annual report on trafficking"><meta name="citation_publication_date" content="2019"><meta property="article:published_time" content="2021-03-04T10:00:00Z"></head><body><article><h1>Annual report on trafficking</h1><p>The report reviews a year of cooperation across the Mekong region, country by country, with figures and cases.</p><p>It closes with recommendations to the six governments and their partners.</p></article></body></html>';
  const imported = await importDocument({ name: 'report.html', bytes: new TextEncoder().encode(html) });
  assert.equal(normaliseMetadata(imported.metadata, imported.body, 'report.html').published, '2019');
  const { partialDate } = await import('../../../electron/importers/metadata/citation-meta.ts');
  assert.equal(partialDate('2019/6'), '2019-06');
  assert.equal(partialDate('2019-13'), undefined);
  assert.equal(partialDate('2019-06-01'), undefined);
});
