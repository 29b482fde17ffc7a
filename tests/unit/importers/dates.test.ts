import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates, parseDate } from '../../../electron/importers/metadata/dates.ts';

test('dates in French, English and numeric forms', () => {
  const cases: [string, string | null, string?][] = [
    ['19/11/2025', '2025-11-19'],
    ['VietnamPlusVietnamPlus19/11/2025', '2025-11-19'],
    ['Publié le 19.11.2025 à 10h', '2025-11-19'],
    ['le 19 novembre 2025', '2025-11-19'],
    ['Le 1er décembre 2024, à Phnom Penh', '2024-12-01'],
    ['Mis à jour : 3 févr. 2025', '2025-02-03'],
    ['Nov. 19, 2025', '2025-11-19'],
    ['November 19, 2025', '2025-11-19'],
    ['19 November 2025', '2025-11-19'],
    ['2025-11-19T08:30:00+07:00', '2025-11-19'],
    ['03/04/2025', '2025-04-03', 'fr'],
    ['03/04/2025', null, 'en'],
    ['04/23/2025', '2025-04-23', 'en'],
    ['31/02/2025', null],
    ['le 19 novembre', null],
    ['5.200 trafiquants, 3.200 affaires', null],
    ['la période 2016-2020', null],
  ];
  for (const [text, expected, language] of cases) assert.equal(parseDate(text, { language }), expected, text);
});

test('a date without its year is found as such, for the caller to complete or leave empty', () => {
  assert.deepEqual(findDates('Le 19 novembre, à Hanoï').map((d) => d.date), ['--11-19']);
});
