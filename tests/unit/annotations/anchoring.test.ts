import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anchor, describe, type AnchorResult } from '../../../electron/annotations/anchoring.ts';
import { fold, toOriginal } from '../../../electron/annotations/text-fold.ts';

const P1 = 'Le processus COMMIT réunit six pays de la sous-région du Grand Mékong depuis 2004.';
const P2 = "La sixième réunion ministérielle s'est tenue à Hà Nội, au Việt Nam, le 19 novembre 2025.";
const P3 = 'Les ministres y ont adopté un plan d’action — le cinquième — contre la traite des êtres humains.';
const P4 = 'Đại diện các nước đã thảo luận về tuyển dụng trực tuyến và « les offres d’emploi trompeuses ».';
const BODY = [P1, P2, P3, P4].join('\n\n');
const QUOTE = 'un plan d’action — le cinquième — contre la traite';

function annotate(body: string, exact: string): ReturnType<typeof describe> {
  const start = body.indexOf(exact);
  assert.notEqual(start, -1);
  return describe(body, start, start + exact.length);
}

function assertAnchoredOn(body: string, got: AnchorResult, expected: string): void {
  assert.equal(got.state, 'anchored', JSON.stringify(got));
  if (got.state !== 'anchored') return;
  assert.equal(body.slice(got.start, got.end), expected);
}

test('fold maps folded offsets back to the exact original stretch', () => {
  const original = 'l’été  —\u00a0« très   chaud »';
  const folded = fold(original);
  assert.equal(folded.text, 'l\'été - "très chaud"');
  const from = folded.text.indexOf('très');
  const { start, end } = toOriginal(folded, from, from + 'très chaud'.length);
  assert.equal(original.slice(start, end), 'très   chaud');
  const nfd = fold('Việt Nam'.normalize('NFD'));
  assert.equal(nfd.text, 'Việt Nam');
  assert.equal(toOriginal(nfd, 0, nfd.text.length).end, 'Việt Nam'.normalize('NFD').length);
});

test('describe then anchor on the unchanged body gives the same offsets', () => {
  const selectors = annotate(BODY, QUOTE);
  assert.ok(selectors.quote.prefix.length >= 32 && selectors.quote.suffix.length >= 32);
  assert.match(selectors.quote.prefix, /^\S/);
  assert.deepEqual(anchor(BODY, selectors), { state: 'anchored', ...selectors.position });
});

test('an inserted paragraph before shifts the anchor', () => {
  const selectors = annotate(BODY, QUOTE);
  const edited = `Un paragraphe ajouté en tête, sur la coopération régionale.\n\n${BODY}`;
  const got = anchor(edited, selectors);
  assertAnchoredOn(edited, got, QUOTE);
  assert.ok(got.state === 'anchored' && got.start > selectors.position.start);
});

test('a deleted paragraph before shifts the anchor back', () => {
  const selectors = annotate(BODY, QUOTE);
  const edited = [P1, P3, P4].join('\n\n');
  assertAnchoredOn(edited, anchor(edited, selectors), QUOTE);
});

test('changed quotes, apostrophes and dashes inside the passage still anchor, on the new text', () => {
  const selectors = annotate(BODY, QUOTE);
  const edited = BODY.replace(QUOTE, "un plan d'action -- le cinquième – contre la traite").replace('« les offres', '"les offres');
  assertAnchoredOn(edited, anchor(edited, selectors), "un plan d'action -- le cinquième – contre la traite");
});

test('guillemets with non-breaking spaces anchor on straight quotes', () => {
  const selectors = annotate(BODY, '« les offres d’emploi trompeuses »');
  const edited = BODY.replace('« les offres d’emploi trompeuses »', '"les offres d\'emploi trompeuses"');
  assertAnchoredOn(edited, anchor(edited, selectors), '"les offres d\'emploi trompeuses"');
});

test('a re-wrapped text anchors across the new line breaks', () => {
  const selectors = annotate(BODY, QUOTE);
  const edited = BODY.replace(/ (?=\S{4,})/g, (space, at: number) => (at % 3 === 0 ? '\n' : space)).replace('un plan', 'un\n  plan');
  const got = anchor(edited, selectors);
  assert.equal(got.state, 'anchored');
  assert.ok(got.state === 'anchored');
  assert.equal(fold(edited.slice(got.start, got.end)).text, fold(QUOTE).text);
});

test('a typo inside the quote needs review and shows the new text', () => {
  const selectors = annotate(BODY, QUOTE);
  const edited = BODY.replace('cinquième', 'cinqième');
  const got = anchor(edited, selectors);
  assert.equal(got.state, 'needs-review', JSON.stringify(got));
  assert.ok(got.state === 'needs-review');
  assert.equal(got.found, edited.slice(got.start, got.end));
  assert.match(got.found, /^un plan d’action — le cinqième — contre la traite/);
  assert.ok(got.score >= 0.75);
});

test('a moved paragraph anchors at its new place', () => {
  const selectors = annotate(BODY, QUOTE);
  const edited = [P3, P1, P4, P2].join('\n\n');
  assertAnchoredOn(edited, anchor(edited, selectors), QUOTE);
});

test('a deleted passage is an orphan', () => {
  const selectors = annotate(BODY, QUOTE);
  assert.deepEqual(anchor([P1, P2, P4].join('\n\n'), selectors), { state: 'orphan' });
});

test('a quote occurring twice: the context picks the right occurrence', () => {
  const twice = `${P1}\n\nÀ Hà Nội, le plan d’action fut adopté sans débat.\n\n${P2}\n\nÀ Phnom Penh, le plan d’action fut discuté longuement.`;
  const exact = 'le plan d’action';
  const second = twice.lastIndexOf(exact);
  const selectors = describe(twice, second, second + exact.length);
  assert.match(selectors.quote.prefix, /Phnom Penh/);
  const edited = `Introduction nouvelle.\n\n${twice}`;
  const got = anchor(edited, selectors);
  assertAnchoredOn(edited, got, exact);
  assert.ok(got.state === 'anchored' && got.start === edited.lastIndexOf(exact));
});

test('offsets always map to the real text of the body', () => {
  const nfdBody = BODY.normalize('NFD').replaceAll(' ', '\u00a0 ');
  const selectors = annotate(BODY, QUOTE);
  const got = anchor(nfdBody, selectors);
  assert.equal(got.state, 'anchored');
  assert.ok(got.state === 'anchored');
  assert.equal(fold(nfdBody.slice(got.start, got.end)).text, fold(QUOTE).text);
  assert.equal(nfdBody.slice(got.start, got.end).normalize('NFC').replaceAll('\u00a0 ', ' '), QUOTE);
});

test('a twin sentence is never taken for an annotated copy that was deleted or edited', () => {
  const twin = 'Les passeurs recrutent désormais sur les messageries.';
  const first = `Au Cambodge, la police l’a constaté. ${twin}`;
  const second = `Au Laos, les enquêteurs aussi. ${twin}`;
  const body = [P1, first, second, P3].join('\n\n');
  const start = body.lastIndexOf(twin);
  const selectors = describe(body, start, start + twin.length);
  // The copy in the second paragraph was annotated; that paragraph goes, then it gets a typo instead.
  const deleted = anchor([P1, first, P3].join('\n\n'), selectors);
  assert.notEqual(deleted.state, 'anchored', JSON.stringify(deleted));
  const typo = anchor([P1, first, second.replace('messageries', 'messageriess'), P3].join('\n\n'), selectors);
  assert.equal(typo.state, 'needs-review', JSON.stringify(typo));
  // The same sentence filling whole paragraphs: describe grows the context, and only it decides.
  const alone = [P1, twin, P2, twin, P3].join('\n\n');
  const at = alone.lastIndexOf(twin);
  const whole = describe(alone, at, at + twin.length);
  assert.ok(whole.quote.prefix.length >= 64 || whole.quote.suffix.length >= 64);
  assert.notEqual(anchor([P1, twin, P2, P3].join('\n\n'), whole).state, 'anchored');
  assertAnchoredOn(alone, anchor(alone, whole), twin);
});
