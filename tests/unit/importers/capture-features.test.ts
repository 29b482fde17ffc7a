import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { stopWordsFor } from '../../../electron/importers/capture/stop-words.ts';
import { lineFeatures } from '../../../electron/importers/capture/line-features.ts';
import { classifyInContext, classifyOnItsOwn, type LineClass } from '../../../electron/importers/capture/classify-lines.ts';
import { articleRegion, candidateRegions } from '../../../electron/importers/capture/article-region.ts';
import { bylineLike, fileNameWords, isTitleShaped, stampLike, titleScore } from '../../../electron/importers/capture/capture-title.ts';
import { isCommentAuthor, isCommentsHeader } from '../../../electron/importers/capture/comments-header.ts';

/** The pieces of the text-capture importer on small inputs: line features, classes, regions, titles. */

const FRENCH =
  "Réunis mercredi à Hanoï pour la sixième réunion ministérielle du processus COMMIT, les représentants du Cambodge, de la Chine, du Laos, du Myanmar, de la Thaïlande et du Vietnam ont adopté une déclaration commune contre la traite des êtres humains. Le vice-ministre a rappelé que les réseaux de trafiquants recrutent désormais leurs victimes sur les réseaux sociaux, en leur promettant des emplois bien payés.";
const ENGLISH =
  'When Nguyễn Văn Tâm walked across the Friendship Bridge into Thailand in March, he had spent eleven months inside a compound where he was forced to defraud strangers online for up to sixteen hours a day. He is one of more than 7,000 people released from such compounds since February, according to Thai officials.';

const fr = stopWordsFor(FRENCH);
const en = stopWordsFor(ENGLISH);
const frLine = (text: string) => lineFeatures(text, fr);
const enLine = (text: string) => lineFeatures(text, en);

describe('stopWordsFor', () => {
  test('a French text gets the French list, an English text the English one', () => {
    for (const w of ['le', 'la', 'des', 'pour', 'sur']) assert.ok(fr.has(w), `French list lacks "${w}"`);
    for (const w of ['the', 'of', 'and', 'into', 'he']) assert.ok(en.has(w), `English list lacks "${w}"`);
    assert.ok(!en.has('pour'));
  });
  test('a language franc names by an individual code gets its macrolanguage’s list: Malay/Indonesian', () => {
    const id = stopWordsFor(
      'Pemerintah Indonesia dan Malaysia sepakat untuk memperkuat kerja sama dalam memberantas perdagangan orang di perbatasan. Menteri mengatakan bahwa para korban sering dijanjikan pekerjaan dengan gaji yang tinggi di luar negeri, tetapi kemudian dipaksa bekerja tanpa upah.',
    );
    for (const w of ['dan', 'yang', 'di', 'untuk']) assert.ok(id.has(w), `Malay/Indonesian list lacks "${w}"`);
    assert.ok(!id.has('the'), 'not the English fallback');
  });
});

describe('lineFeatures', () => {
  test('French prose: a high stop-word share, ends as a sentence, no separators or chrome', () => {
    const f = frLine(FRENCH);
    assert.ok(f.stopShare >= 0.26, `stopShare ${f.stopShare}`);
    assert.equal(f.sentence, true);
    assert.equal(f.separators, 0);
    assert.equal(f.chromePhrase, false);
    assert.equal(f.dataLike, false);
    assert.equal(f.chars, FRENCH.length);
  });
  test('English prose: a high stop-word share, ends as a sentence', () => {
    const f = enLine(ENGLISH);
    assert.ok(f.stopShare >= 0.26, `stopShare ${f.stopShare}`);
    assert.equal(f.sentence, true);
    assert.equal(f.chromePhrase, false);
  });
  test('names and menu words have few or no stop words', () => {
    assert.equal(frLine('Nguyễn Thị Hương').stopShare, 0);
    assert.equal(enLine('Home World Business Politics').stopShare, 0);
    assert.equal(enLine('Home World Business Politics').capitalisedShort, 1);
  });
  test('a French stop word after an elision counts, with either apostrophe: d’une, l’un, s’est', () => {
    assert.equal(frLine("d'une l'un s'est").stopShare, 1);
    assert.equal(frLine('d’une l’un s’est').stopShare, 1);
    assert.equal(frLine("l'adoption").stopShare, 0, 'the word after the elision decides');
  });
  test('the same after qu’: qu’il, qu’elle, qu’on', () => {
    assert.equal(frLine("qu'il qu’elle qu'on").stopShare, 1);
  });
  test('menu separators: |, ›, •, runs of spaces, tabs', () => {
    assert.equal(frLine('Accueil | Vietnam | Cambodge | Laos | Thaïlande').separators, 4);
    assert.equal(enLine('Home › World › Asia').separators, 2);
    assert.equal(enLine('News • Sport • Culture').separators, 2);
    assert.equal(enLine('Home     World     Business').separators, 2);
    assert.equal(enLine('Home\tWorld').separators, 1);
    assert.equal(enLine('Thailand-Myanmar border, 2024/2025 figures').separators, 0, 'a hyphen or a slash inside words is no separator');
  });
  test('chrome phrases in French, English and Vietnamese', () => {
    for (const line of [
      'Partager', 'Partagez cet article', 'Tous droits réservés', 'Mentions légales', 'Lire aussi : Au Cambodge, les centres sous pression',
      'Voir plus', 'Abonnez-vous', 'Suivez-nous', "S'abonner", 'Advertisement', 'Subscribe to continue reading', 'Read more',
      'Leave a Reply', 'Share this:', 'Sign in', 'All rights reserved', 'Privacy policy', 'Skip to main content',
      'Chia sẻ', 'Bình luận', 'Đăng nhập', '© 2025 The Mekong Observer', 'Comments (12)', 'Commentaires (3)',
    ]) {
      assert.equal(enLine(line).chromePhrase, true, `"${line}" is chrome`);
    }
  });
  test('words that merely contain a chrome phrase are not chrome', () => {
    for (const line of ['Les cookiers de Hué', 'The subscriber base grew', 'Newsletters', 'Le partage des données entre polices']) {
      assert.equal(frLine(line).chromePhrase, false, `"${line}" is not chrome`);
    }
  });
  test('a Chinese, Japanese or Korean character weighs three Latin letters: a sentence of 40 of them is a paragraph', () => {
    const japanese = 'Kindleデスクトップアプリの起動ショートカットキーは、パスワード管理ソフトと同じなので困ります。';
    const f = enLine(japanese);
    assert.ok(f.chars >= 3 * (japanese.length - 8), `chars ${f.chars} for ${japanese.length} characters`);
  });
  test('data-like lines: dates, times, numbers, addresses', () => {
    for (const line of ['19/11/2025 17:40', '2025-11-19', '17h40', '+84 24 3825 1234', '(12)', 'https://www.example.org/article/123', 'www.ampm-mekong.org', 'presse@ampm-mekong.org']) {
      assert.equal(frLine(line).dataLike, true, `"${line}" is data`);
    }
    for (const line of ['Hanoï, le 20 novembre 2025', '43 Vietnamiens libérés']) assert.equal(frLine(line).dataLike, false, `"${line}" is not data`);
  });
});

describe('classifyOnItsOwn', () => {
  test('long prose is good, menus and chrome are bad, short lines are short', () => {
    assert.equal(classifyOnItsOwn(frLine(FRENCH)), 'good');
    assert.equal(classifyOnItsOwn(enLine(ENGLISH)), 'good');
    assert.equal(classifyOnItsOwn(frLine('Accueil | Vietnam | Cambodge | Laos | Thaïlande')), 'bad');
    assert.equal(classifyOnItsOwn(enLine('Home World Business Politics Climate')), 'bad');
    assert.equal(classifyOnItsOwn(frLine('Partager')), 'bad');
    assert.equal(classifyOnItsOwn(enLine('Advertisement')), 'bad');
    assert.equal(classifyOnItsOwn(frLine('19/11/2025 17:40')), 'bad');
    assert.equal(classifyOnItsOwn(frLine('Parmi eux figurent onze femmes et trois mineurs.')), 'short');
  });
  test('a cookie banner line is chrome, however much prose it holds', () => {
    assert.equal(classifyOnItsOwn(enLine('We use cookies to improve your experience on our site and to show you relevant advertising.')), 'bad');
  });
  test('an article sentence using the verb "partager" is not chrome', () => {
    const line = '3. de partager entre services de police les informations sur les recruteurs qui opèrent sur les réseaux sociaux ;';
    assert.notEqual(classifyOnItsOwn(frLine(line)), 'bad');
  });
});

describe('classifyInContext', () => {
  const run = (classes: LineClass[]) => classifyInContext(classes);
  test('a short line between two good lines is good; between two bad ones, bad', () => {
    assert.deepEqual(run(['good', 'short', 'good']), ['good', 'good', 'good']);
    assert.deepEqual(run(['bad', 'short', 'bad']), ['bad', 'bad', 'bad']);
  });
  test('several short lines between good lines are good (a subheading and a caption)', () => {
    assert.deepEqual(run(['good', 'short', 'short', 'good']), ['good', 'good', 'good', 'good']);
  });
  test('a near-good line takes the side of its neighbours', () => {
    assert.deepEqual(run(['good', 'near', 'good']), ['good', 'good', 'good']);
    assert.deepEqual(run(['bad', 'near', 'bad']), ['bad', 'bad', 'bad']);
    assert.deepEqual(run(['bad', 'near', 'good']), ['bad', 'good', 'good']);
  });
  test('the capture edges count as chrome', () => {
    assert.deepEqual(run(['short']), ['bad']);
    assert.deepEqual(run(['short', 'good']), ['bad', 'good']);
    assert.deepEqual(run(['good', 'short']), ['good', 'bad']);
  });
  test('good and bad lines are never changed', () => {
    assert.deepEqual(run(['good', 'bad', 'good', 'bad']), ['good', 'bad', 'good', 'bad']);
  });
});

describe('articleRegion and candidateRegions', () => {
  test('the run of good lines between chrome', () => {
    assert.deepEqual(articleRegion(['bad', 'good', 'good', 'bad'], [10, 100, 100, 10]), { start: 1, end: 3, weight: 200 });
  });
  test('a short chrome line inside the article does not split it; it costs its length and a line penalty', () => {
    const region = articleRegion(['good', 'bad', 'good'], [300, 13, 300]);
    assert.deepEqual(region, { start: 0, end: 3, weight: 300 - 13 - 40 + 300 });
  });
  test('a long block of chrome splits the page; the heavier stretch wins', () => {
    const classes: LineClass[] = ['good', ...Array<LineClass>(10).fill('bad'), 'good', 'good'];
    const lengths = [150, ...Array<number>(10).fill(20), 200, 100];
    assert.deepEqual(articleRegion(classes, lengths), { start: 11, end: 13, weight: 300 });
  });
  test('no good line, no region', () => {
    assert.equal(articleRegion(['bad', 'bad'], [100, 100]), null);
    assert.equal(articleRegion([], []), null);
    assert.deepEqual(candidateRegions(['bad', 'short', 'bad'], [10, 10, 10]), []);
  });
  test('candidate regions: every stretch, heaviest first', () => {
    const classes: LineClass[] = ['good', ...Array<LineClass>(10).fill('bad'), 'good', 'good', ...Array<LineClass>(10).fill('bad'), 'good'];
    const lengths = [150, ...Array<number>(10).fill(20), 200, 100, ...Array<number>(10).fill(20), 80];
    assert.deepEqual(candidateRegions(classes, lengths), [
      { start: 11, end: 13, weight: 300 },
      { start: 0, end: 1, weight: 150 },
      { start: 23, end: 24, weight: 80 },
    ]);
    assert.equal(candidateRegions(classes, lengths, 2).length, 2, 'at most `limit` regions');
  });
});

describe('isTitleShaped and titleScore', () => {
  const shaped = (text: string) => isTitleShaped(text, frLine(text));
  test('headlines are title-shaped, in French and English, in capitals when long', () => {
    for (const text of [
      'Traite des êtres humains : les six pays du COMMIT resserrent leur coopération à Hanoï',
      'Scam-compound survivors return home to debts and few jobs',
      'LA RÉUNION MINISTÉRIELLE DU COMMIT DOIT PLACER LES VICTIMES AU CENTRE DE LA RÉPONSE RÉGIONALE',
      'Is the COMMIT process still working?',
      'Ce que les ministres n’ont pas dit…',
    ]) assert.equal(shaped(text), true, text);
  });
  test('bylines, stamps, credits, labels, menus, links and names in capitals are not titles', () => {
    for (const text of [
      'Par Nguyễn Thị Hương',
      'By Jane Roe, Reuters',
      'Posted on November 19, 2025 by Claire Dubois',
      'Publié le 19 novembre 2025 à 17h40',
      'Updated: Nov. 19, 2025 | 17:40',
      'Photo : Trần Minh Đức',
      'Delegates in Hanoi (Reuters)',
      'Reading time: 2 min',
      '5 Min Read',
      'Lecture : 3 min',
      'Texte : Lê Thu Hà',
      'Текст: Лида Буслаева',
      'Contact presse : Phạm Quốc Bảo',
      'Accueil | Vietnam | Cambodge',
      'JANE ROE, REUTERS',
      'BANGKOK LEDGER STAFF WRITERS',
      'Partager sur Facebook et Twitter',
      'Voir https://www.example.org/article',
      'Home',
      'La délégation est arrivée mercredi à Hanoï.',
    ]) assert.equal(shaped(text), false, text);
  });
  test('bylineLike: bylines and time stamps, not prose', () => {
    assert.equal(bylineLike('Par Nguyễn Thị Hương | Publié le 19 novembre 2025 à 17h40'), true);
    assert.equal(bylineLike('By Jane Roe, Reuters'), true);
    assert.equal(bylineLike('Updated: Nov. 19, 2025 | 17:40'), true);
    assert.equal(bylineLike('18/11/2025 09:12'), true);
    assert.equal(bylineLike('The ministers met in Hanoi this week.'), false);
  });
  test('stampLike: times and relative dates in several languages', () => {
    for (const text of ['Updated Nov 19, 9:41 AM', '1 hour ago', '3 days ago', 'il y a 2 heures', 'Publié le 19 novembre']) assert.equal(stampLike(text), true, text);
    assert.equal(stampLike('Six countries renew their pledge'), false);
  });
  test('a final full stop is allowed only when the caller says so (a headline with a date line under it)', () => {
    const text = 'Why the COMMIT process still matters.';
    assert.equal(isTitleShaped(text, enLine(text)), false);
    assert.equal(isTitleShaped(text, enLine(text), true), true);
    assert.equal(isTitleShaped('Read the report here,', enLine('Read the report here,'), true), false);
  });
  test('a headline that comes back inside another line ("3 responses to “…”") beats the same line that does not; a line repeated whole, as menus are, less so', () => {
    const text = 'Six countries renew their pledge against trafficking in Hanoi';
    const features = enLine(text);
    const none = new Set<string>();
    const at = (repeated: 'none' | 'alone' | 'inside') => titleScore({ text, features, distance: 2, bylineAfter: 0, repeated }, none);
    assert.ok(at('inside') > at('alone') && at('alone') > at('none'));
  });
  test('a headline with a standfirst under it beats the standfirst, which is nearer the article', () => {
    const none = new Set<string>();
    const headline = 'Three cases of plague diagnosed in China';
    const standfirst = 'Officials say the risk of an outbreak is low, but many are concerned about how the cases were reported';
    const h = titleScore({ text: headline, features: enLine(headline), distance: 1, bylineAfter: 0, standfirstAfter: true }, none);
    const s = titleScore({ text: standfirst, features: enLine(standfirst), distance: 0, bylineAfter: 0 }, none);
    assert.ok(h > s, `headline ${h} vs standfirst ${s}`);
  });
  test('a headline followed by a byline beats one without, at the same distance', () => {
    const text = 'Scam-compound survivors return home to debts and few jobs';
    const features = enLine(text);
    const none = new Set<string>();
    assert.ok(titleScore({ text, features, distance: 2, bylineAfter: 1 }, none) > titleScore({ text, features, distance: 2, bylineAfter: 0 }, none));
  });
  test('a headline with its byline beats a nearer section label', () => {
    const none = new Set<string>();
    const headline = 'Thailand to open three more shelters for trafficking victims';
    const label = 'Human Trafficking Watch';
    const h = titleScore({ text: headline, features: enLine(headline), distance: 3, bylineAfter: 1 }, none);
    const l = titleScore({ text: label, features: enLine(label), distance: 0, bylineAfter: 0 }, none);
    assert.ok(h > l, `headline ${h} vs label ${l}`);
  });
  test('a name and role has a lower score than a headline at the same place', () => {
    const none = new Set<string>();
    const name = 'Bryan DeArdo, CBS Sports';
    const headline = 'Six countries renew their pledge against trafficking in Hanoi';
    const n = titleScore({ text: name, features: enLine(name), distance: 1, bylineAfter: 1 }, none);
    const h = titleScore({ text: headline, features: enLine(headline), distance: 1, bylineAfter: 1 }, none);
    assert.ok(h > n, `headline ${h} vs name ${n}`);
  });
  test('a file name that names the article favours the matching line; a hash names nothing', () => {
    const words = fileNameWords('2025-11-19_les-six-pays-du-commit-resserrent-leur-cooperation.txt');
    assert.ok(words.has('commit') && words.has('cooperation'));
    assert.equal(fileNameWords('000_a3c95080bac12c67.txt').size, 0);
    const text = 'Les six pays du COMMIT resserrent leur coopération';
    const features = frLine(text);
    assert.ok(titleScore({ text, features, distance: 4, bylineAfter: 0 }, words) > titleScore({ text, features, distance: 4, bylineAfter: 0 }, new Set()));
  });
});

describe('comments', () => {
  test('headers that open a comment thread, in several languages', () => {
    for (const text of ['Comments', '12 Comments', '3 responses to “Why the COMMIT process still matters.”', 'Leave a Reply', '4 commentaires', 'Réagir à cet article', '2 Comentários', 'Join the conversation'])
      assert.equal(isCommentsHeader(text), true, text);
  });
  test('an article’s own sentences about comments are not headers', () => {
    for (const text of ['Comments made by the minister on Tuesday were widely reported.', 'Comment les réseaux recrutent leurs victimes', 'Responses to the crisis varied across the region'])
      assert.equal(isCommentsHeader(text), false, text);
  });
  test('who wrote a comment: "X on <date> said:", "X says:", "X a écrit :"', () => {
    for (const text of ['Nguyễn Minh Anh on November 22, 2025 at 9:14 am said:', 'Peter says:', 'Claire a écrit :']) assert.equal(isCommentAuthor(text), true, text);
    assert.equal(isCommentAuthor('The minister said: “We will act.”'), false);
  });
});
