import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { exportFile } from '../../../electron/export/export-file.ts';
import { inNewVault, inSampleVault } from '../../helpers/test-vault.ts';

/** Word's styles as HTML, for the ones mammoth does not map by itself. */
const STYLE_MAP = ["p[style-name='Quote'] => blockquote > p:fresh", "p[style-name='Bibliography'] => p.bibliography:fresh", "p[style-name='Code Block'] => pre:separator('\\n')"];

const BODY = `## Bối cảnh

Một đoạn **đậm** và *nghiêng*, \`mã\`, [một liên kết](https://example.org/hà-nội).

- Hà Nội
- Phnom Penh
  - Khmer: ភាសាខ្មែរ

1. Thai: ภาษาไทย
2. Đà Nẵng

| Thành phố | Năm |
| --- | ---: |
| Hà Nội | 2025 |

> [« launched it in 2004 to work together »](carnet://source/sample-commit-overview#sample-commit-overview-a1)

- [x] đã xong
- [ ] chưa xong

\`\`\`
x = 1
\`\`\`
`;

async function docxHtml(base64: string | undefined): Promise<{ html: string; text: string; zip: JSZip }> {
  assert.ok(base64, 'a DOCX comes as base64');
  const buffer = Buffer.from(base64, 'base64');
  const [{ value: html }, { value: text }, zip] = await Promise.all([mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP }), mammoth.extractRawText({ buffer }), JSZip.loadAsync(buffer)]);
  return { html, text, zip };
}

test('a note as DOCX: its title and headings, lists, table, quoted citation, link, code and Vietnamese, Khmer and Thai text as Word holds them, the references at the end', async () => {
  await inSampleVault(async (vault) => {
    const note = await vault.createNote('Ghi chú về Hà Nội', BODY);
    const file = await exportFile(vault, 'docx', { noteIds: [note.id] });
    assert.equal(file.fileName, 'Ghi-chú-về-Hà-Nội.docx');
    assert.equal(file.mediaType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.equal(file.count, 1);
    assert.equal(file.text, undefined);
    const { html, text, zip } = await docxHtml(file.base64);
    assert.match(html, /^<h1>Ghi chú về Hà Nội<\/h1><h2>Bối cảnh<\/h2>/);
    assert.match(html, /<strong>đậm<\/strong> và <em>nghiêng<\/em>/);
    assert.match(html, /<a href="https:\/\/example\.org\/hà-nội">một liên kết<\/a>/);
    assert.match(html, /<ul><li>Hà Nội<\/li><li>Phnom Penh<ul><li>Khmer: ភាសាខ្មែរ<\/li><\/ul><\/li><\/ul>/);
    assert.match(html, /<ol><li>Thai: ภาษาไทย<\/li><li>Đà Nẵng<\/li><\/ol>/);
    assert.match(html, /<table><thead><tr><th><p><strong>Thành phố<\/strong><\/p><\/th><th><p><strong>Năm<\/strong><\/p><\/th><\/tr><\/thead><tbody><tr><td><p>Hà Nội<\/p><\/td><td><p>2025<\/p><\/td><\/tr><\/tbody><\/table>/);
    assert.match(html, /<blockquote><p>« launched it in 2004 to work together » \(Carnet team, 2025\)<\/p><\/blockquote>/);
    assert.match(html, /<li>☑ đã xong<\/li><li>☐ chưa xong<\/li>/);
    assert.match(html, /<pre>x = 1<\/pre>/);
    assert.match(html, /<h2>References<\/h2><p class="bibliography">Carnet team\. \(2025, November 20\)\. COMMIT: six countries against human trafficking since 2004\. <em>Carnet Sample<\/em>\.<\/p>$/);
    assert.ok(!text.includes('carnet://'));
    assert.ok(text.includes('Khmer: ភាសាខ្មែរ') && text.includes('Thai: ภาษาไทย') && text.includes('Đà Nẵng'));
    const core = await zip.file('docProps/core.xml')!.async('string');
    assert.match(core, /<dc:title>Ghi chú về Hà Nội<\/dc:title>/);
    assert.match(core, /<dc:creator>Carnet<\/dc:creator>/);
    assert.match(await zip.file('word/styles.xml')!.async('string'), /<w:lang w:val="en-US"\/>/);
  });
});

test('notes as DOCX in French and another style: « Références », the style’s in-text references; several notes in one document, each under its title', async () => {
  await inSampleVault(async (vault) => {
    const file = await exportFile(vault, 'docx', { noteIds: ['sample-timeline', 'sample-welcome'], language: 'fr', style: 'chicago' });
    assert.equal(file.count, 2);
    const { html, zip } = await docxHtml(file.base64);
    assert.match(html, /^<h1>COMMIT — a working timeline<\/h1>/);
    assert.match(html, /<h1>Welcome to Carnet<\/h1>/);
    assert.match(html, /\(Carnet team 2025\)/);
    assert.match(html, /<h2>Références<\/h2>/);
    assert.match(await zip.file('word/styles.xml')!.async('string'), /<w:lang w:val="fr-FR"\/>/);
  });
});

test('a vault without notes still gives a DOCX that opens, with nothing in it', async () => {
  await inNewVault(async (vault) => {
    const file = await exportFile(vault, 'docx');
    assert.equal(file.count, 0);
    const { text } = await docxHtml(file.base64);
    assert.equal(text.trim(), '');
  });
});
