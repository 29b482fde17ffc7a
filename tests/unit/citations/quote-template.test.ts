import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_QUOTE_TEMPLATE, escapeMarkdown, readablePassage, renderQuote, type QuoteFields } from '../../../electron/citations/quote-template.ts';

const FIELDS: QuoteFields = {
  passage: 'Les six pays ont adopté une déclaration commune.',
  citation: '[« Les six pays… »](carnet://source/src#ann) — *Six pays*, VNA, 2025-11-19',
  comment: '',
  codes: 'coopération, traite',
  title: 'Six pays',
  date: '2025-11-19',
  page: '',
  url: 'https://example.org/a',
};

test('the default template: the passage as a blockquote, the citation under it, no empty comment line', () => {
  assert.equal(renderQuote(DEFAULT_QUOTE_TEMPLATE, FIELDS), '> Les six pays ont adopté une déclaration commune.\n>\n> — [« Les six pays… »](carnet://source/src#ann) — *Six pays*, VNA, 2025-11-19');
  assert.equal(renderQuote(DEFAULT_QUOTE_TEMPLATE, { ...FIELDS, comment: 'À recouper.' }).split('\n').at(-1), 'À recouper.');
});

test('a passage of two paragraphs stays one blockquote; in a list item it stays in the item', () => {
  const two = { ...FIELDS, passage: 'Premier paragraphe.\n\nSecond paragraphe.' };
  assert.equal(renderQuote('> {{passage}}', two), '> Premier paragraphe.\n>\n> Second paragraphe.');
  assert.equal(renderQuote('- {{passage}} ({{codes}})', two), '- Premier paragraphe.\n\n  Second paragraphe. (coopération, traite)');
});

test('Zotero-like templates: any order, any text around, unknown placeholders kept, lines with only empty ones dropped', () => {
  assert.equal(renderQuote('“{{passage}}” {{citation}}\nPage {{page}}\n{{nonsense}}', FIELDS), `“${FIELDS.passage}” ${FIELDS.citation}\n{{nonsense}}`);
});

test('a source’s words never turn into Markdown formatting; the body’s own marks are not cited', () => {
  assert.equal(escapeMarkdown('5 * 3 = 15 [sic] <b>'), '5 \\* 3 = 15 \\[sic\\] \\<b\\>');
  assert.equal(escapeMarkdown('1. premier\n# titre\n- tiret'), '1\\. premier\n\\# titre\n\\- tiret');
  assert.equal(readablePassage('fin du paragraphe.\n\n## Un intertitre\n\n_Une légende_\n\n<!-- page 4 -->\n\nSuite.'), 'fin du paragraphe.\n\nUn intertitre\n\nUne légende\n\nSuite.');
});
