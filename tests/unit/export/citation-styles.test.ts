import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CITATION_STYLES, cslItem, formatCitations, formatReference, styleFile, type CitationStyle, type CitedSource, type CslItem } from '../../../electron/export/source-citations.ts';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { copyReference } from '../../../electron/export/copy-reference.ts';
import { notesHtml, notesMarkdown } from '../../../electron/export/note-export.ts';
import { inSampleVault } from '../../helpers/test-vault.ts';
import { PROJECT_ROOT } from '../../helpers/temp-dir.ts';

const NEWS: CitedSource = {
  id: 'news',
  type: 'article-newspaper',
  title: 'Buôn bán người qua biên giới: cảnh báo mới',
  authors: ['Nguyễn Thị Hương', 'Trần Văn An', 'Lê Minh'],
  publisher: 'Tuổi Trẻ',
  published: '2025-11-19',
  accessed: '2025-12-03',
  url: 'https://tuoitre.vn/buon-ban-nguoi.htm',
  language: 'vi',
  original: 'sources/originals/news.html',
};
const REPORT: CitedSource = {
  id: 'report',
  type: 'report',
  title: 'Trafficking in Persons in the Greater Mekong Subregion',
  authors: ['Phạm Quốc Bảo'],
  publisher: 'United Nations Office on Drugs and Crime',
  place: 'Bangkok',
  published: '2024-06-12',
  identifier: 'UNODC/2024/7',
  url: 'https://example.org/report.pdf',
  accessed: '2025-01-02',
  language: 'en',
  original: 'sources/originals/report.pdf',
};
const WEBPAGE: CitedSource = {
  id: 'web',
  type: 'webpage',
  title: 'Six pays contre la traite depuis 2004',
  authors: ['Vũ Thị Lan'],
  container: 'COMMIT',
  published: '2023-03-01',
  accessed: '2025-12-01',
  url: 'https://example.org/commit',
  language: 'fr',
  original: 'sources/originals/web.html',
};
const BOOK: CitedSource = { id: 'book', type: 'book', title: 'Le Mékong', authors: ['Pierre Dupont'], publisher: 'Gallimard', place: 'Paris', published: '2019', language: 'fr', original: 'b.pdf' };
const JOURNAL: CslItem = {
  ...cslItem({ id: 'journal', type: 'article-journal', title: 'Migrations et frontières', authors: ['Anne Martin'], container: 'Revue Tiers Monde', published: '2021-05-02', pages: '45-67', doi: '10.1000/xyz', language: 'fr', original: 'j.pdf' }),
  ...({ volume: '12', issue: '3' } as Partial<CslItem>),
};
const DOCUMENT: CitedSource = { id: 'doc', type: 'document', title: 'Note de synthèse', authors: [], publisher: 'Ministère de la Sécurité publique', published: '2022-02', language: 'fr', original: 'd.pdf' };

const VIETNAMESE = [NEWS, REPORT, WEBPAGE].map(cslItem);
const ALL = [...VIETNAMESE, cslItem(BOOK), JOURNAL, cslItem(DOCUMENT)];

/** citeproc's HTML should hold nothing but escaped text in these elements. */
function assertPlainHtml(html: string): void {
  assert.ok(!/<script|<a\b|<img|<iframe|<style|javascript:/i.test(html), html);
  for (const [element, tag, attributes] of html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/gi)) {
    assert.ok(['i', 'b', 'span', 'div', 'sup', 'sub'].includes(tag!.toLowerCase()), `unexpected <${tag}> in ${html}`);
    assert.match(attributes!, /^(\s+(class|data-csl-entry-id)="[\w -]*"|\s+style="(font-[a-z]+|text-decoration|vertical-align):[\w -]+;?")*\s*$/, `unexpected attributes in ${element}`);
  }
}

test('both shipped CSL files are XML styles that citeproc parses, and the Chicago file keeps its rights', async () => {
  const chicago = await readFile(path.join(PROJECT_ROOT, 'resources', 'csl', 'chicago-author-date.csl'), 'utf8');
  assert.match(chicago, /^<\?xml[^>]*\?><style xmlns="http:\/\/purl\.org\/net\/xbiblio\/csl"/);
  assert.match(chicago, /<rights license="http:\/\/creativecommons\.org\/licenses\/by-sa\/3\.0\/">/);
  assert.match(chicago, /<title>Chicago Manual of Style 17th edition \(author-date\)<\/title>/);
  const iso = await readFile(styleFile('iso690-author-date-fr.csl'), 'utf8');
  assert.match(iso, /default-locale="fr-FR"/);
  assert.match(iso, /[Ww]ritten by hand/);
  for (const style of CITATION_STYLES) {
    for (const item of ALL) {
      const { text } = formatReference([item], 'bibliography', style, 'fr');
      assert.ok(text.includes(item.title) || text.includes(item.title.slice(0, 10)), `${style}, ${item.type}: ${text}`);
      assert.match(text, /\S/);
    }
  }
});

for (const style of CITATION_STYLES) {
  for (const language of ['en', 'fr'] as const) {
    test(`${style} in ${language}: a Vietnamese-authored newspaper article, a report and a web page, in the text and in the bibliography`, () => {
      const citation = formatReference([VIETNAMESE[0]!], 'citation', style, language).text;
      assert.match(citation, /^\(Nguyễn.*2025\)$/, citation);
      const several = formatReference(VIETNAMESE, 'citation', style, language).text;
      for (const family of ['Nguyễn', 'Phạm', 'Vũ']) assert.ok(several.includes(family), several);
      assert.match(several, /^\(.*;.*;.*\)$/);
      const { text, html } = formatReference(VIETNAMESE, 'bibliography', style, language);
      const lines = text.trim().split('\n');
      assert.equal(lines.length, 3, text);
      for (const words of ['Buôn bán người qua biên giới', 'Tuổi Trẻ', 'Trafficking in Persons', 'Six pays contre la traite', 'https://tuoitre.vn/buon-ban-nguoi.htm']) assert.ok(text.includes(words), `${words} in ${text}`);
      assertPlainHtml(html);
      assert.match(html, /<i>Tuổi Trẻ<\/i>/, 'the newspaper, in italics');
      assert.match(html, /class="csl-entry"/);
      assert.equal(formatCitations(VIETNAMESE, 'bibliography', language, style), text);
    });
  }
}

test('APA: the same in-text form and entries as before styles were chosen', () => {
  assert.equal(formatReference([VIETNAMESE[0]!], 'citation', 'apa', 'en').text, '(Nguyễn et al., 2025)');
  assert.equal(formatCitations(ALL, 'bibliography', 'en'), formatCitations(ALL, 'bibliography', 'en', 'apa'));
  assert.match(formatReference([VIETNAMESE[1]!], 'bibliography', 'apa', 'en').html, /<i>Trafficking in Persons in the Greater Mekong Subregion<\/i>/, 'a report’s title in italics');
});

test('Chicago author-date: the year after the author, "(Nguyễn, Trần, and Lê 2025)" in the text, the article’s title in quotes', () => {
  const { text, html } = formatReference(VIETNAMESE, 'bibliography', 'chicago', 'en');
  assert.match(text, /^Nguyễn Thị Hương, Trần Văn An, and Lê Minh\. 2025\. “Buôn bán người qua biên giới: cảnh báo mới\.” Tuổi Trẻ, November 19, 2025\. https:\/\/tuoitre\.vn\/buon-ban-nguoi\.htm\.$/m);
  assert.match(text, /^Phạm.*\. 2024\. /m);
  assert.match(text, /Bangkok: United Nations Office on Drugs and Crime/);
  assert.match(html, /<i>Tuổi Trẻ<\/i>/);
  assert.equal(formatReference([VIETNAMESE[2]!], 'citation', 'chicago', 'en').text, '(Vũ 2023)');
  assert.match(formatReference(VIETNAMESE, 'bibliography', 'chicago', 'fr').text, /2025\. «\s?Buôn bán người/);
});

test('ISO 690 in French: NOM, Prénom, year; [en ligne], date consulted and address; "(Nguyễn et al. 2025)" in the text', () => {
  for (const language of ['en', 'fr'] as const) {
    const { text, html } = formatReference(VIETNAMESE, 'bibliography', 'iso690-fr', language);
    assert.match(
      text,
      /^NGUYỄN, Thị Hương, TRẦN, Văn An et LÊ, Minh, 2025\. Buôn bán người qua biên giới: cảnh báo mới\. Tuổi Trẻ \[en ligne\]\. 19 novembre 2025\. \[Consulté le 3 décembre 2025\]\. Disponible à l[’']adresse : https:\/\/tuoitre\.vn\/buon-ban-nguoi\.htm\.$/m,
      text,
    );
    assert.match(text, /^PHẠM, Quốc Bảo, 2024\. Trafficking in Persons in the Greater Mekong Subregion \[en ligne\]\. Bangkok : United Nations Office on Drugs and Crime\. UNODC\/2024\/7\. \[Consulté le 2 janvier 2025\]\. Disponible à l[’']adresse : https:\/\/example\.org\/report\.pdf\.$/m);
    assert.match(text, /^VŨ, Thị Lan, 2023\. Six pays contre la traite depuis 2004\. COMMIT \[en ligne\]\. 1(er|ᵉʳ) mars 2023\. \[Consulté le 1(er|ᵉʳ) décembre 2025\]/m);
    assert.match(html, /<i>Trafficking in Persons in the Greater Mekong Subregion<\/i> \[en ligne\]/, 'a report’s title in italics');
    assert.match(html, /<i>COMMIT<\/i> \[en ligne\]/, 'a site’s name in italics');
    assert.equal(formatReference([VIETNAMESE[0]!], 'citation', 'iso690-fr', language).text, '(Nguyễn et al. 2025)');
  }
  const others = formatReference([cslItem(BOOK), JOURNAL, cslItem(DOCUMENT)], 'bibliography', 'iso690-fr', 'fr').text;
  assert.match(others, /^DUPONT, Pierre, 2019\. Le Mékong\. Paris : Gallimard\.$/m);
  assert.match(others, /^MARTIN, Anne, 2021\. Migrations et frontières\. Revue Tiers Monde\. 2021, Vol\. 12, n\S* 3, p\. 45.67\. DOI 10\.1000\/xyz\.$/m);
  assert.match(others, /^Note de synthèse, 2022\. Ministère de la Sécurité publique\.$/m);
  assert.equal(formatReference([cslItem(BOOK)], 'citation', 'iso690-fr', 'fr').text, '(Dupont 2019)');
});

test('titles and names with markup stay text in the HTML', () => {
  const hostile = cslItem({ ...WEBPAGE, id: 'x', title: '<script>alert(1)</script> & <img src=x onerror=alert(2)>', authors: ['<b>Eve</b> Mallory'] });
  for (const style of CITATION_STYLES) {
    for (const kind of ['citation', 'bibliography'] as const) {
      const { html } = formatReference([hostile], kind, style, 'en');
      assertPlainHtml(html);
      assert.ok(!html.includes('<script') && !html.includes('<img'), html);
    }
  }
});

test('an unknown style is refused', () => {
  assert.throws(() => formatReference(VIETNAMESE, 'citation', 'mla' as CitationStyle, 'en'), (error: unknown) => error instanceof CarnetError && error.code === 'invalid-input' && /mla/.test(error.text.fr));
  assert.throws(() => formatCitations(VIETNAMESE, 'bibliography', 'en', 'harvard1' as CitationStyle), CarnetError);
});

test('Copy citation and Copy bibliography entry: the vault’s style unless one is asked for; an unknown source refused', async () => {
  await inSampleVault(async (vault) => {
    const [first] = vault.listSources();
    assert.ok(first);
    const apa = await copyReference(vault, [first.id], 'citation', undefined, 'en');
    assert.match(apa.text, /^\(.+, \d{4}\)$/, apa.text);
    await vault.updateVaultSettings({ citationStyle: 'iso690-fr' });
    const iso = await copyReference(vault, [first.id], 'bibliography', undefined, 'en');
    assert.match(iso.text, /\d{4}\./);
    assert.match(iso.html, /^<div class="csl-bib-body">/);
    assertPlainHtml(iso.html);
    const chicago = await copyReference(vault, [first.id], 'citation', 'chicago', 'en');
    assert.match(chicago.text, /^\(.+ \d{4}\)$/);
    await assert.rejects(copyReference(vault, [first.id, 'no-such-source'], 'citation', undefined, 'en'), (error: unknown) => error instanceof CarnetError && error.code === 'not-found');
  });
});

test('exported notes: in-text references and the list in the style, under its heading', async () => {
  await inSampleVault(async (vault) => {
    const apa = await notesMarkdown(vault, ['sample-timeline'], 'en');
    assert.match(apa, /\(Carnet team, 2025\)/);
    assert.match(apa, /\n## References\n/);
    const chicago = await notesMarkdown(vault, ['sample-timeline'], 'en', 'chicago');
    assert.match(chicago, /\(Carnet team 2025\)/);
    assert.match(chicago, /\n## References\n\nCarnet exemple\. 2025\. “Hà Nội accueille/);
    assert.match(chicago, /\nCarnet team\. 2025\. “COMMIT/);
    const iso = await notesMarkdown(vault, ['sample-timeline'], 'fr', 'iso690-fr');
    assert.match(iso, /\(Carnet team 2025\)/);
    assert.match(iso, /\n## Bibliographie\n\nCARNET TEAM, 2025\. COMMIT: six countries against human trafficking since 2004\. Carnet sample\. 20 novembre 2025\.\n/);
    assert.match(iso, /\nPhnom Penh\s:\sla quatrième réunion ministérielle \(IMM4\), s\.\sd\. Carnet exemple\.\n/, 'no author: the title first');
    assert.match(await notesMarkdown(vault, ['sample-timeline'], 'fr', 'chicago'), /\n## Références\n/);
    const html = await notesHtml(vault, ['sample-timeline'], 'fr', 'iso690-fr');
    assert.match(html, /<h2>Bibliographie<\/h2>/);
    assert.match(html, /class="csl-entry"[^>]*>CARNET TEAM, 2025\. /);
    assert.equal(await notesMarkdown(vault, ['sample-timeline'], 'en', 'apa'), apa, 'APA by default');
    assert.match(html, /<i>/);
    assert.ok(!/<script/.test(html));
  });
});
