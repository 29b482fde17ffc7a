import sniffHTMLEncoding from 'html-encoding-sniffer';
import { getBOMEncoding, labelToName, legacyHookDecode } from '@exodus/bytes/encoding.js';
import { checkedText, decodeText, NotTextError } from './decode-text.ts';
import { importError } from './imported-document.ts';

/**
 * A saved page's bytes to text, as a browser would read them: a BOM first, then the charset the
 * transport named (a MIME part's), then `<meta charset>` / `http-equiv` / the XML declaration,
 * found by jsdom's own sniffer (html-encoding-sniffer) and decoded by jsdom's own decoder
 * (@exodus/bytes, which replaced whatwg-encoding in jsdom 28+). Without a declaration, strict UTF-8
 * or else Windows-1252 (decode-text.ts), as before.
 *
 * Two departures from the standard, both for pages whose declaration is wrong, which saved pages
 * often are (a template's `iso-8859-1` left over after the site moved to UTF-8, or the reverse):
 * non-ASCII bytes that are valid UTF-8 are read as UTF-8 whatever the page says (text in a legacy
 * encoding is almost never valid UTF-8), and a page declared UTF-8 that is not falls back to
 * Windows-1252 rather than to a page of replacement characters.
 */

/** The standard prescans 1,024 bytes; a parser also obeys a later `<meta>` in the head, which we look for up to here. */
const HEAD_SCAN_BYTES = 65536;

export interface DecodedHtml {
  html: string;
  /** The WHATWG name of the encoding used (`UTF-8`, `GBK`, `windows-1250`…). */
  encoding: string;
}

export function decodeHtml(bytes: Uint8Array, transportLabel?: string): DecodedHtml {
  try {
    return decodeChecked(bytes, transportLabel);
  } catch (error) {
    if (error instanceof NotTextError) throw importError(error.text);
    throw error;
  }
}

function decodeChecked(bytes: Uint8Array, transportLabel: string | undefined): DecodedHtml {
  if (getBOMEncoding(bytes)) {
    const encoding = sniffHTMLEncoding(bytes);
    return { html: checkedText(legacyHookDecode(bytes, encoding)), encoding };
  }
  let declared = (transportLabel ? labelToName(transportLabel) : null) ?? declaredInMarkup(bytes);
  // `replacement` (ISO-2022-KR, HZ…) would turn the whole page into one U+FFFD: no use to anyone.
  if (declared === 'replacement') declared = undefined;
  const utf8 = strictUtf8(bytes);
  if (!declared || (declared === 'UTF-8' && utf8 === undefined)) {
    // Nothing (or a false UTF-8) declared: the same rules as text captures, BOM-less UTF-16 included.
    const decoded = decodeText(bytes);
    return { html: decoded.text, encoding: decoded.encoding === 'windows-1252' ? 'windows-1252' : decoded.encoding.toUpperCase() };
  }
  if (utf8 !== undefined && (declared === 'UTF-8' || hasNonAscii(bytes))) return { html: checkedText(utf8), encoding: 'UTF-8' };
  return { html: checkedText(legacyHookDecode(bytes, declared)), encoding: declared };
}

/** The encoding the markup declares, or undefined. The sniffer answers our empty default when it finds none. */
function declaredInMarkup(bytes: Uint8Array): string | undefined {
  const found = sniffHTMLEncoding(bytes, { defaultEncoding: '' });
  if (found) return found;
  const head = bytes.subarray(0, HEAD_SCAN_BYTES);
  const body = bodyStart(head);
  if (body <= 1024) return undefined;
  // The prescan stops at the limit rather than at <body>: a `<meta>` in the body does not count.
  return sniffHTMLEncoding(bytes, { defaultEncoding: '', maxPrescanBytes: body }) || undefined;
}

/** Where `<body` starts (any case), or the end of the bytes. */
function bodyStart(bytes: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(bytes).toLowerCase();
  const at = text.indexOf('<body');
  return at < 0 ? bytes.length : at;
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}
