import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { importDocument } from '../../../electron/importers/import-document.ts';
import { fromPlainText } from '../../../electron/importers/txt-importer.ts';
import type { ImportedDocument } from '../../../electron/importers/imported-document.ts';
import { PROJECT_ROOT } from '../../helpers/temp-dir.ts';

/**
 * Web pages captured as text (Select All + Copy, or "Save as text"), written by us in the layouts of
 * real sites: a French daily, an English site with a one-word-per-line menu and comments, an NGO
 * press release, a blog with its sidebar first, an agency wire, a cookie banner and a paywall, a
 * portal page with no article, a capture whose words are glued, a blog post under a longer comment
 * thread, and a headline far above its article past share buttons. Each test says what a reader of
 * the capture would call the title, the article's first and last sentences, and its metadata.
 */

const CAPTURES = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'captures');

const cache = new Map<string, Promise<ImportedDocument>>();
function load(name: string): Promise<ImportedDocument> {
  if (!cache.has(name)) cache.set(name, fs.readFile(path.join(CAPTURES, name)).then((bytes) => importDocument({ name, bytes })));
  return cache.get(name)!;
}

function assertStarts(body: string, start: string): void {
  assert.ok(body.startsWith(start), `the body should start with «${start.slice(0, 80)}…» but starts with «${body.slice(0, 160)}»`);
}

function assertEnds(body: string, end: string): void {
  assert.ok(body.endsWith(end), `the body should end with «…${end.slice(-80)}» but ends with «${body.slice(-160)}»`);
}

function assertNoChrome(body: string, chrome: string[]): void {
  const left = chrome.filter((c) => body.includes(c));
  assert.deepEqual(left, [], `the body still holds ${left.map((c) => JSON.stringify(c)).join(', ')}`);
}

function assertNoSubheading(body: string, label: RegExp): void {
  const headings = body.split('\n\n').filter((p) => p.startsWith('## ') && label.test(p));
  assert.deepEqual(headings, [], 'a navigation label or teaser was made a subheading');
}

describe('(a) French daily: menu row with |, "Par X | Publié le …", caption, "Lire aussi" teaser, tags, share buttons, footer', () => {
  const name = 'a-courrier-du-mekong-fr.txt';
  test('title is the headline, not the section label or the byline', async () => {
    const { metadata } = await load(name);
    assert.equal(metadata.title, 'Traite des êtres humains : les six pays du COMMIT resserrent leur coopération à Hanoï');
  });
  test('date from the byline', async () => {
    const { metadata } = await load(name);
    assert.equal(metadata.published, '2025-11-19');
    assert.equal(metadata.language, 'fr');
    assert.equal(metadata.extraction, undefined);
  });
  test('author from "Par Nguyễn Thị Hương | Publié le … à 17h40": the name alone', async () => {
    const { metadata } = await load(name);
    assert.deepEqual(metadata.authors, ['Nguyễn Thị Hương']);
  });
  test('body runs from the first sentence to the last, the photo caption kept as a caption', async () => {
    const { body } = await load(name);
    assertStarts(body, 'Réunis mercredi à Hanoï pour la sixième réunion ministérielle du processus COMMIT, les représentants du Cambodge');
    assertEnds(body, 'où les six pays devront présenter leurs premiers résultats.');
    assert.match(body, /\n\n_Les délégués des six pays à l'ouverture de la réunion, le 19 novembre à Hanoï\. \(Photo : Trần Minh Đức\)_\n\n/);
    assert.match(body, /\n\nDu côté laotien, M\. Bounmy Phommachanh a annoncé/);
  });
  test('no chrome survives: menu, byline, "Lire aussi" teaser, tags, share buttons, related articles, footer', async () => {
    const { body } = await load(name);
    assertNoChrome(body, [
      'Aller au contenu', 'Accueil', 'Rechercher', 'Se connecter', 'Société\n', 'Par Nguyễn', 'Publié le', 'Lire aussi',
      'Au Cambodge, les centres', 'Mots-clés', 'Migrations', 'Partager', 'Facebook', 'Twitter', 'Copier le lien',
      'Articles liés', 'Mae Sot', 'saison des pluies', 'Mentions légales', 'Tous droits réservés', '©',
      'resserrent leur coopération',
    ]);
  });
  test('the "Lire aussi : …" teaser inside the article is not made a subheading', async () => {
    const { body } = await load(name);
    assertNoSubheading(body, /Lire aussi/);
  });
});

describe('(b) English site: one-word menu, breadcrumb, standfirst, "By X, Reuters", ads, "Read more", comments, newsletter', () => {
  const name = 'b-mekong-observer-en.txt';
  test('title is the headline, not the standfirst under it', async () => {
    const { metadata } = await load(name);
    assert.equal(metadata.title, 'Scam-compound survivors return home to debts and few jobs');
  });
  test('date from "Updated: Nov. 19, 2025 | 17:40"', async () => {
    const { metadata } = await load(name);
    assert.equal(metadata.published, '2025-11-19');
    assert.equal(metadata.language, 'en');
    assert.equal(metadata.extraction, undefined);
  });
  test('author from "By Jane Roe, Reuters" (Reuters is the agency, not an author)', async () => {
    const { metadata } = await load(name);
    assert.deepEqual(metadata.authors, ['Jane Roe']);
  });
  test('body runs from the lead (standfirst or dateline paragraph) to the last quote, with its subheading', async () => {
    const { body } = await load(name);
    const standfirst = 'Thousands of people freed from fraud centres along the Thai-Myanmar border go back to stigma';
    const first = 'MAE SOT, Thailand — When Nguyễn Văn Tâm walked across the Friendship Bridge into Thailand in March';
    assert.ok(body.startsWith(standfirst) || body.startsWith(first), `the body starts with «${body.slice(0, 160)}»`);
    assertEnds(body, '"Nobody believes I was locked in."');
    assert.match(body, /\n\n## A system under strain\n\nShelters in Mae Sot/);
  });
  test('no chrome survives: menu, breadcrumb, byline, ads, "Read more" teaser, comments, newsletter, footer', async () => {
    const { body } = await load(name);
    assertNoChrome(body, [
      'Skip to main content', 'Sign in', 'Subscribe', 'Home', 'Politics', 'Climate', '›', 'By Jane Roe', 'Updated',
      'Advertisement', 'Read more', 'joint patrols', 'comments', 'Sort by', 'Reply', 'Mai Linh', 'heartbreaking',
      'David K.', 'Newsletter', 'Mekong Briefing', 'Sign up', 'privacy policy', 'Careers', 'All rights reserved',
      'return home to debts and few jobs',
    ]);
  });
  test('"Advertisement" and "Read more: …" inside the article are not made subheadings', async () => {
    const { body } = await load(name);
    assertNoSubheading(body, /Advertisement|Read more/);
  });
});

describe('(c) NGO press release: logo in capitals, "Communiqué de presse", dateline, headline in capitals, numbered list, contact block', () => {
  const name = 'c-communique-ampm-fr.txt';
  test('title is the headline in capitals, not the logo nor the "Communiqué de presse" label', async () => {
    const { metadata } = await load(name);
    assert.equal(metadata.title, 'LA RÉUNION MINISTÉRIELLE DU COMMIT DOIT PLACER LES VICTIMES AU CENTRE DE LA RÉPONSE RÉGIONALE');
  });
  test('date from "Hanoï, le 20 novembre 2025"', async () => {
    const { metadata } = await load(name);
    assert.equal(metadata.published, '2025-11-20');
    assert.equal(metadata.extraction, undefined);
  });
  test('the city of the dateline is not the publisher', async () => {
    const { metadata } = await load(name);
    assert.ok(metadata.publisher === undefined || /Alliance|AMPM/iu.test(metadata.publisher), `publisher: ${metadata.publisher}`);
  });
  test('body runs from the first sentence to the last', async () => {
    const { body } = await load(name);
    assertStarts(body, "L'Alliance Mékong pour la protection des migrants salue l'adoption, le 19 novembre à Hanoï");
    assertEnds(body, 'lors de la réunion du groupe de travail régional prévue à Vientiane au printemps 2026.');
  });
  test('all four numbered items are kept (item 3 uses the verb "partager")', async () => {
    const { body } = await load(name);
    assert.ok(body.includes('de partager entre services de police les informations sur les recruteurs'), 'item 3 is lost');
    assert.ok(body.includes("d'associer les organisations de survivants à l'évaluation du plan d'action régional."), 'item 4 is lost');
  });
  test('each numbered item starts a line of its own', async () => {
    const { body } = await load(name);
    for (const n of [1, 2, 3, 4]) assert.match(body, new RegExp(`(?:^|\\n)${n}\\. d`, 'u'), `item ${n} does not start a line of its own`);
  });
  test('no chrome survives: logo, menu, label, dateline, "– FIN –", contact block, social links', async () => {
    const { body } = await load(name);
    assertNoChrome(body, [
      'ALLIANCE MÉKONG', 'Organisation non gouvernementale', 'Nos programmes', 'Nous soutenir', 'Communiqué de presse',
      'Hanoï, le 20 novembre', '– FIN –', 'Contact presse', 'Phạm Quốc Bảo', '+84', 'presse@', 'www.', 'Suivez-nous',
      'LinkedIn', 'Mentions légales', 'RÉPONSE RÉGIONALE',
    ]);
  });
});

describe('(d) blog: sidebar (about the author, categories, recent posts) before the post, "Posted on … by …", reply form after', () => {
  const name = 'd-notes-from-the-delta-blog-en.txt';
  test('title is the post title', async () => {
    const { metadata } = await load(name);
    assert.equal(metadata.title, 'What the Mekong ministers did not say');
  });
  test('date from "Posted on November 19, 2025 by Claire Dubois"', async () => {
    const { metadata } = await load(name);
    assert.equal(metadata.published, '2025-11-19');
    assert.equal(metadata.extraction, undefined);
  });
  test('author from "Posted on November 19, 2025 by Claire Dubois"', async () => {
    const { metadata } = await load(name);
    assert.deepEqual(metadata.authors, ['Claire Dubois']);
  });
  test('the byline is not the publisher', async () => {
    const { metadata } = await load(name);
    assert.ok(metadata.publisher === undefined || metadata.publisher === 'Notes from the Delta', `publisher: ${metadata.publisher}`);
  });
  test('body is the post, not the sidebar: first sentence to last, with its subheading', async () => {
    const { body } = await load(name);
    assertStarts(body, 'The ministers of the six COMMIT countries met in Hanoi this week and, as they do every three years');
    assertEnds(body, 'and that is where I will keep looking.');
    assert.match(body, /\n\n## What the declaration leaves out\n\nThere is no money in it\./);
  });
  test('no chrome survives: sidebar, byline, share and like buttons, reply form', async () => {
    const { body } = await load(name);
    assertNoChrome(body, [
      'A blog about migration', 'Menu', 'Archive', 'About the author', 'Claire Dubois is a researcher', 'Categories',
      'Labour migration (31)', 'Recent posts', 'Notes from a shelter in Poipet', 'Posted on', 'Share this', 'Facebook',
      'Like Loading', 'Related', 'Leave a Reply', 'Required fields', 'Save my name', 'Post Comment', 'WordPress',
    ]);
  });
});

describe('(e) agency wire: "PHNOM PENH (AFP) —" dateline, short paragraphs, "(AFP)" signature, "Voir plus" teasers', () => {
  const name = 'e-depeche-afp-fr.txt';
  test('title is the headline', async () => {
    const { metadata } = await load(name);
    assert.equal(metadata.title, "Cambodge : 43 Vietnamiens libérés d'un centre d'escroquerie en ligne près de la frontière");
  });
  test('date from the time stamp, publisher from the signature', async () => {
    const { metadata } = await load(name);
    assert.equal(metadata.published, '2025-11-18');
    assert.equal(metadata.publisher, 'AFP');
    assert.deepEqual(metadata.authors, []);
    assert.equal(metadata.language, 'fr');
    assert.equal(metadata.extraction, undefined);
  });
  test('body runs from the dateline sentence to the last, the signature dropped', async () => {
    const { body } = await load(name);
    assert.match(body, /^(?:PHNOM PENH \(AFP\) — )?La police cambodgienne a libéré mardi 43 ressortissants vietnamiens/u);
    assertEnds(body, 'au poste-frontière de Mộc Bài, a ajouté le ministère.');
    assert.equal(body.split('\n\n').length, 6, 'six short paragraphs');
  });
  test('no chrome survives: menu, section label, time stamp, "Voir plus" and its teasers, footer', async () => {
    const { body } = await load(name);
    assertNoChrome(body, [
      'Monde', 'Connexion', "S'abonner", 'Dépêches', '18/11/2025', 'Voir plus', 'Mae Sot', 'Paksé', 'Il y a 2 heures',
      'Hier à', 'Qui sommes-nous', 'Publicité', '©', 'ministère. (AFP)',
    ]);
  });
});

describe('(f) cookie banner first, paywall after two paragraphs, a very short article', () => {
  const name = 'f-bangkok-ledger-paywall-en.txt';
  test('title is the headline', async () => {
    const { metadata } = await load(name);
    assert.equal(metadata.title, 'Thailand to open three more shelters for trafficking victims');
  });
  test('date from the byline; "staff" is no author', async () => {
    const { metadata } = await load(name);
    assert.equal(metadata.published, '2025-11-18');
    assert.deepEqual(metadata.authors, []);
    assert.equal(metadata.extraction, undefined);
  });
  test('"Bangkok Ledger staff" names the publisher: Bangkok Ledger', async () => {
    const { metadata } = await load(name);
    assert.equal(metadata.publisher, 'Bangkok Ledger');
  });
  test('body is the two paragraphs before the paywall', async () => {
    const { body } = await load(name);
    assertStarts(body, "Thailand's Ministry of Social Development and Human Security will open three more shelters");
    assertEnds(body, 'said Permanent Secretary Anukul Phromsiri.');
    assert.equal(body.split('\n\n').length, 2);
  });
  test('no chrome survives: cookie banner, menu, paywall, most-read list, footer', async () => {
    const { body } = await load(name);
    assertNoChrome(body, [
      'cookies', 'Accept all', 'Manage preferences', 'BANGKOK LEDGER', 'Subscribe', 'unlimited access', 'Log in',
      'Most read', 'Floods close roads', 'Terms of use', 'Privacy policy', '©', 'Bangkok Ledger staff',
    ]);
  });
});

describe('(g) a portal page with no article: menus, link lists, short labels', () => {
  const name = 'g-portail-sans-article-fr.txt';
  test('imported whole, flagged uncertain, not refused', async () => {
    const document = await load(name);
    assert.equal(document.metadata.extraction, 'uncertain');
    const text = await fs.readFile(path.join(CAPTURES, name), 'utf8');
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    const missing = lines.filter((line) => !document.body.includes(line) && document.metadata.title !== line);
    assert.deepEqual(missing, [], 'every line of the capture is kept, for the researcher to trim');
  });
  test('the title is not a menu entry or a label', async () => {
    const { metadata } = await load(name);
    const labels = ['Aller au contenu', 'Accueil', 'Actualités', 'Rubriques', 'Derniers documents', 'Agenda', 'Liens utiles', 'Newsletter', 'Je m\'inscris'];
    assert.ok(metadata.title.trim() !== '' && !labels.includes(metadata.title), `title: ${metadata.title}`);
    assert.equal(metadata.published, undefined, 'agenda dates are not a publication date');
  });
});

describe('(h) VNA capture with words glued by the capture ("leVietnam", "surla") and a repeated lead', () => {
  const name = 'h-vna-colle-fr.txt';
  test('title is the headline', async () => {
    const { metadata } = await load(name);
    assert.equal(metadata.title, 'Le Vietnam et le Cambodge renforcent leur coopération contre la traite humaine');
  });
  test('date from "Publié le 20/11/2025 - 14:05"', async () => {
    const { metadata } = await load(name);
    assert.equal(metadata.published, '2025-11-20');
    assert.equal(metadata.language, 'fr');
    assert.equal(metadata.extraction, undefined);
  });
  test('publisher: the site or the agency that signs, never a word of the date line', async () => {
    const { metadata } = await load(name);
    assert.ok(metadata.publisher === 'VNA' || metadata.publisher === 'VietnamPlus', `publisher: ${metadata.publisher}`);
  });
  test('body: the lead kept once (the spaced copy), five paragraphs', async () => {
    const { body } = await load(name);
    assertStarts(body, 'Le Vietnam et le Cambodge ont signé mercredi à Hanoï un nouveau plan de coopération contre la traite');
    assert.equal(body.split('ont signé mercredi').length, 2, 'the lead repeated with lost spaces is kept once');
    assert.ok(!body.includes('nouveauplan'), 'the copy with lost spaces is the one dropped');
    assert.equal(body.split('\n\n').length, 5);
  });
  test('body: the last sentence whole, its full stop kept, when the signature is glued to it (".-NDEL/VNA")', async () => {
    const { body } = await load(name);
    assertEnds(body, 'pourla coopération régionale dans la lutte contre la traite humaine.');
  });
  test('no chrome survives: language row, menu, date line, signature, hashtags, teasers, footer', async () => {
    const { body } = await load(name);
    assertNoChrome(body, [
      'Tiếng Việt', 'Español', 'Politique', 'Publié le', '14:05', 'NDEL/VNA', '#COMMIT', 'Voir plus', 'Premier ministre',
      'Hô Chi Minh-Ville', 'riz de haute qualité', 'Suivez-nous', 'Tous droits réservés',
    ]);
  });
});

describe('(i) English blog: a headline ending with a full stop, "Posted on … by …", a short post under a long comment thread', () => {
  const name = 'i-mekong-field-notes-blog-en.txt';
  test('title is the headline, full stop and all, not a comment nor "3 responses to …"', async () => {
    const { metadata } = await load(name);
    assert.equal(metadata.title, 'Why the COMMIT process still matters.');
    assert.deepEqual(metadata.authors, ['Sophie Martin']);
    assert.equal(metadata.published, '2025-11-21');
    assert.equal(metadata.extraction, undefined);
  });
  test('body is the post, not the readers\u2019 comments, which are longer', async () => {
    const { body } = await load(name);
    assertStarts(body, 'Twenty years after six governments signed the COMMIT memorandum');
    assertEnds(body, 'and nobody sees the whole.');
    assertNoChrome(body, ['Posted in', 'responses to', 'said:', 'Vientiane', 'Reply', 'Leave a Reply', 'Previous post']);
  });
});

describe('(j) international news site: headline, date, then a block of share buttons and a photo credit before the article', () => {
  const name = 'j-world-service-en.txt';
  test('title is the headline above thirty lines of share buttons, not "Close share panel" nor the caption', async () => {
    const { metadata } = await load(name);
    assert.equal(metadata.title, 'Cambodia frees 400 workers from a scam compound in Sihanoukville');
    assert.equal(metadata.published, '2025-11-24');
  });
  test('body runs from the first sentence to the last, without buttons, credit, caption or related stories', async () => {
    const { body } = await load(name);
    assertStarts(body, 'Police in Cambodia have freed more than 400 people');
    assertEnds(body, 'remain in similar compounds along the Thai border.');
    assertNoChrome(body, ['Share this with', 'Close share panel', 'Image copyright', 'Image caption', 'Related Topics', 'Floods cut roads']);
  });
});

test('fromPlainText: the same capture saved with Windows line endings reads the same', async () => {
  const name = 'e-depeche-afp-fr.txt';
  const text = await fs.readFile(path.join(CAPTURES, name), 'utf8');
  const bytes = new TextEncoder().encode(text.replace(/\n/g, '\r\n'));
  const crlf = fromPlainText(text.replace(/\n/g, '\r\n'), { name, bytes });
  const lf = await load(name);
  assert.equal(crlf.metadata.title, lf.metadata.title);
  assert.equal(crlf.metadata.published, lf.metadata.published);
  assert.equal(crlf.metadata.publisher, lf.metadata.publisher);
  assert.equal(crlf.body, lf.body);
});
