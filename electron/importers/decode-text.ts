import type { Bilingual } from '../core/carnet-error.ts';
/**
 * Bytes to text for imported files: BOMs, strict UTF-8, BOM-less UTF-16, else Windows-1252
 * (which the WHATWG Encoding standard also uses for "ISO-8859-1": both read `é` right).
 * Hand-written because the decision is four rules over TextDecoder, and a statistical detector
 * would misread short French captures that strict UTF-8 validation settles for certain.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Bytes that are not text, with the reason in each language the UI speaks. */
export class NotTextError extends Error {
  readonly text: Bilingual;
  constructor(text: Bilingual) {
    super(text.en);
    this.text = text;
  }
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return checked(decode('utf-8', bytes.subarray(3)), 'utf-8');
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return checked(decode('utf-16le', bytes.subarray(2)), 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return checked(decode('utf-16be', bytes.subarray(2)), 'utf-16be');
  const utf16 = guessUtf16(bytes);
  if (utf16) return checked(decode(utf16, bytes), utf16);
  try {
    return checked(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8');
  } catch {
    return checked(decode('windows-1252', bytes), 'windows-1252');
  }
}

function decode(encoding: TextEncodingName, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}

/** ASCII-heavy text in UTF-16 without a BOM has a NUL in every other byte. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, 4096);
  if (sample.length < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const pairs = Math.floor(sample.length / 2);
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Text has no NULs and few control characters; a binary file renamed .txt has plenty. */
function checked(text: string, encoding: TextEncodingName): DecodedText {
  return { text: checkedText(text), encoding };
}

/** The same check for text decoded elsewhere (a page in its declared charset): the text, tidied, or a NotTextError. */
export function checkedText(text: string): string {
  const sample = text.slice(0, 65536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) throw new NotTextError({
        en: 'This file holds binary data (it contains NUL bytes), not text. Is it really a text file? Open it in the program that made it and save it as text or PDF.',
        fr: 'Ce fichier contient des données binaires (des octets NUL), pas du texte. Est-ce vraiment un fichier texte ? Ouvrez-le dans le programme qui l’a créé et enregistrez-le en texte ou en PDF.',
      });
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.01) throw new NotTextError({
      en: 'This file does not look like text (too many control characters). Is it really a text file? Open it in the program that made it and save it as text or PDF.',
      fr: 'Ce fichier ne ressemble pas à du texte (trop de caractères de contrôle). Est-ce vraiment un fichier texte ? Ouvrez-le dans le programme qui l’a créé et enregistrez-le en texte ou en PDF.',
    });
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
