import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLinkOpener, type LinkOpenerDeps } from '../../../electron/external-links.ts';
import { languageOfLocale } from '../../../electron/core/ui-language.ts';
import { webAddress } from '../../../electron/core/web-address.ts';

/** electron/external-links.ts with a stand-in dialog and shell: what is asked, what is opened. */

function harness(answer: number, language: 'en' | 'fr' = 'en') {
  const asked: unknown[][] = [];
  const opened: string[] = [];
  const deps: LinkOpenerDeps = {
    dialog: {
      showMessageBox: async (...args: unknown[]) => {
        asked.push(args);
        return { response: answer, checkboxChecked: false };
      },
    },
    shell: {
      openExternal: async (url: string) => {
        opened.push(url);
      },
    },
    owner: () => null,
    language: () => language,
  };
  return { open: createLinkOpener(deps), asked, opened };
}

test('only http and https addresses are web addresses', () => {
  assert.equal(webAddress('https://example.org/a b'), 'https://example.org/a%20b');
  assert.equal(webAddress('HTTP://Example.org'), 'http://example.org/');
  for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'carnet://source/s1', 'data:text/html,<b>', 'mailto:a@b.c', 'ms-msdt:/id', '//example.org', 'example.org', '']) {
    assert.equal(webAddress(url), undefined, url);
  }
});

test('the language of a system locale: French for any French locale, else English', () => {
  for (const locale of ['fr', 'fr-FR', 'fr-CA', 'FR-be']) assert.equal(languageOfLocale(locale), 'fr', locale);
  for (const locale of ['en-US', 'de-DE', 'fri', '']) assert.equal(languageOfLocale(locale), 'en', locale);
});

test('a web link opens only once the user chose Open; Cancel is the default', async () => {
  const cancelled = harness(1);
  assert.equal(await cancelled.open('https://example.org/'), false);
  assert.deepEqual(cancelled.opened, []);
  assert.equal(cancelled.asked.length, 1);
  const [options] = cancelled.asked[0] as [{ buttons: string[]; defaultId: number; cancelId: number; detail: string }];
  assert.deepEqual([options.buttons, options.defaultId, options.cancelId, options.detail], [['Open in browser', 'Cancel'], 1, 1, 'https://example.org/']);

  const confirmed = harness(0, 'fr');
  assert.equal(await confirmed.open('https://example.org/'), true);
  assert.deepEqual(confirmed.opened, ['https://example.org/']);
  assert.deepEqual((confirmed.asked[0]?.[0] as { buttons: string[] }).buttons, ['Ouvrir dans le navigateur', 'Annuler']);
});

test('file:, javascript: and carnet: links are refused without a dialog, whatever the answer would be', async () => {
  const eager = harness(0);
  for (const url of ['file:///C:/Windows/System32/calc.exe', 'javascript:alert(1)', 'carnet://note/n1']) {
    assert.equal(await eager.open(url), false, url);
  }
  assert.deepEqual(eager.asked, []);
  assert.deepEqual(eager.opened, []);
});
