import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText } from '../../../electron/importers/decode-text.ts';
import { importDocument } from '../../../electron/importers/import-document.ts';

const TEXT = 'Coopération régionale à Hà Nội\n\nLes délégués ont salué « l’élan » du processus COMMIT, lancé en 2004 : « Nous irons plus loin », a déclaré le ministre.\n';

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const bytes: number[] = bom ? (bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes.push(...(bigEndian ? [code >> 8, code & 0xff] : [code & 0xff, code >> 8]));
  }
  return Uint8Array.from(bytes);
}

/** Windows-1252 for the characters this text uses beyond Latin-1 (’ « » are in 1252's 0x80–0x9F or Latin-1). */
function windows1252(text: string): Uint8Array {
  const extra: Record<string, number> = { '’': 0x92, '€': 0x80, 'œ': 0x9c };
  return Uint8Array.from([...text].map((c) => extra[c] ?? c.charCodeAt(0)));
}

test('UTF-8 with and without BOM, UTF-16 LE/BE with and without BOM, Windows-1252 and Latin-1 all read as the same text', () => {
  const latin = 'Coopération régionale à Hanoi\n\nLes délégués ont salué « l\'élan » du processus, lancé en 2004.\n';
  const utf8 = new TextEncoder().encode(TEXT);
  const cases: [string, Uint8Array, string, string][] = [
    ['utf-8', utf8, TEXT, 'utf-8'],
    ['utf-8 BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]), TEXT, 'utf-8'],
    ['utf-16le BOM', utf16(TEXT, false, true), TEXT, 'utf-16le'],
    ['utf-16be BOM', utf16(TEXT, true, true), TEXT, 'utf-16be'],
    ['utf-16le', utf16(TEXT, false, false), TEXT, 'utf-16le'],
    ['utf-16be', utf16(TEXT, true, false), TEXT, 'utf-16be'],
    ['windows-1252', windows1252(latin.replace("l'élan", 'l’élan')), latin.replace("l'élan", 'l’élan'), 'windows-1252'],
    ['latin-1', Uint8Array.from([...latin].map((c) => c.charCodeAt(0))), latin, 'windows-1252'],
  ];
  for (const [label, bytes, expected, encoding] of cases) {
    const decoded = decodeText(bytes);
    assert.equal(decoded.text, expected, label);
    assert.equal(decoded.encoding, encoding, label);
  }
});

test('CRLF line ends become LF; an imported Windows-1252 capture keeps its accents', async () => {
  const bytes = windows1252('Titre de l’article sur la coopération\r\n\r\nLe texte de l’article, assez long pour être un paragraphe, parle de la coopération régionale et des délégués.\r\n');
  const { metadata, body } = await importDocument({ name: 'capture.txt', bytes });
  assert.equal(metadata.title, 'Titre de l’article sur la coopération');
  assert.equal(body, 'Le texte de l’article, assez long pour être un paragraphe, parle de la coopération régionale et des délégués.');
});
