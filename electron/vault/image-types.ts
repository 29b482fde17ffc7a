/**
 * The image formats a note may show: PNG, JPEG, GIF and WebP, recognised by their first bytes.
 * A file's name and a browser's declared type are only claims; SVG, HTML and PDF are refused
 * because a browser runs or renders them as documents, whatever they are called.
 */

export interface ImageType {
  /** The extension Carnet gives the file. */
  ext: 'png' | 'jpg' | 'gif' | 'webp';
  mime: 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';
}

const PNG: ImageType = { ext: 'png', mime: 'image/png' };
const JPEG: ImageType = { ext: 'jpg', mime: 'image/jpeg' };
const GIF: ImageType = { ext: 'gif', mime: 'image/gif' };
const WEBP: ImageType = { ext: 'webp', mime: 'image/webp' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The format of `bytes`, or null. The whole fixed header must be there and say something sensible
 * (a non-zero size, a known chunk): a signature alone, or a file cut inside its header, is no image.
 */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  const at = (offset: number, values: readonly number[]) => values.every((value, i) => bytes[offset + i] === value);
  const ascii = (offset: number, text: string) => at(offset, [...text].map((c) => c.charCodeAt(0)));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  // PNG: signature, then the IHDR chunk (length 13) with a non-zero width and height.
  if (at(0, PNG_SIGNATURE)) {
    const ok = bytes.length >= 33 && view.getUint32(8) === 13 && ascii(12, 'IHDR') && view.getUint32(16) > 0 && view.getUint32(20) > 0;
    return ok ? PNG : null;
  }
  // JPEG: start of image, then a first marker segment that is whole (its length counts its own two bytes).
  if (at(0, [0xff, 0xd8, 0xff])) {
    const marker = bytes[3] ?? 0;
    const ok = bytes.length >= 6 && marker >= 0xc0 && marker <= 0xfe && view.getUint16(4) >= 2 && 4 + view.getUint16(4) <= bytes.length;
    return ok ? JPEG : null;
  }
  // GIF: GIF87a or GIF89a, then the logical screen's width and height (little-endian), non-zero.
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) {
    const ok = bytes.length >= 13 && view.getUint16(6, true) > 0 && view.getUint16(8, true) > 0;
    return ok ? GIF : null;
  }
  // WebP: a RIFF container of type WEBP whose first chunk is one of WebP's three kinds.
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) {
    const ok = bytes.length >= 20 && (ascii(12, 'VP8 ') || ascii(12, 'VP8L') || ascii(12, 'VP8X'));
    return ok ? WEBP : null;
  }
  return null;
}

/**
 * Whether a file sniffed as `type` also looks whole at its end, where the format makes that
 * checkable without decoding: a PNG has its IEND chunk, a WebP is as long as its RIFF header says,
 * a JPEG an end-of-image marker, a GIF its trailer byte. Trailing bytes are allowed (phones append data to photos).
 */
export function looksComplete(type: ImageType, bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (type.ext) {
    case 'png':
      return buffer.lastIndexOf('IEND') >= 33;
    case 'webp':
      return buffer.readUInt32LE(4) + 8 <= buffer.length;
    case 'jpg':
      return buffer.lastIndexOf(Buffer.from([0xff, 0xd9])) >= 4;
    case 'gif':
      return buffer.lastIndexOf(0x3b) >= 13;
  }
}
