/**
 * Images in a note are files of the vault (`attachments/…`), written by the app, never fetched.
 * This is what such a file is: its format read from its bytes, its name in the vault, its path
 * as a Markdown link destination, and the file chooser that picks them.
 */
import { isInVault } from './schema/vault-image.ts';

/** Writes the bytes into the vault and resolves to their vault-relative path, like `attachments/x.png`. */
export type SaveAttachment = (name: string, bytes: Uint8Array) => Promise<string>;

export type ImageKind = 'png' | 'jpeg' | 'gif' | 'webp';

/** What the file chooser offers. SVG is refused: it is a document that can carry scripts and fetch. */
export const IMAGE_ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,.png,.jpg,.jpeg,.gif,.webp';

const EXTENSIONS: Record<ImageKind, string[]> = { png: ['png'], jpeg: ['jpg', 'jpeg'], gif: ['gif'], webp: ['webp'] };

export class ImageInsertError extends Error {
  /** `unsupported`: not a PNG, JPEG, GIF or WebP (an SVG, a PDF…); `failed`: the vault could not keep it. */
  readonly reason: 'unsupported' | 'failed';
  readonly fileName: string;

  constructor(reason: 'unsupported' | 'failed', fileName: string, cause?: unknown) {
    super(reason === 'unsupported' ? `${fileName} is not a PNG, JPEG, GIF or WebP image` : `${fileName} could not be saved`, { cause });
    this.name = 'ImageInsertError';
    this.reason = reason;
    this.fileName = fileName;
  }
}

/** The image's format, from its first bytes (a file's name and declared type are only claims). */
export function sniffImage(bytes: Uint8Array): ImageKind | null {
  const at = (offset: number, ...values: number[]) => values.every((value, i) => bytes[offset + i] === value);
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (at(0, 0x47, 0x49, 0x46, 0x38) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'gif';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'webp';
  return null;
}

/** A file someone meant as a picture (so a refused SVG is reported, not silently pasted as nothing). */
export function looksLikeImage(file: File): boolean {
  return file.type.startsWith('image/') || /\.(png|jpe?g|gif|webp|svg|bmp|tiff?|heic|avif)$/i.test(file.name);
}

function timestamp(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/** A plain file name for the vault: no folders, no characters a file system refuses, the right extension. */
export function attachmentName(original: string, kind: ImageKind): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const stem = (dot > 0 ? base.slice(0, dot) : base)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  const ext = EXTENSIONS[kind].includes(extension) ? extension : (EXTENSIONS[kind][0] ?? kind);
  // A browser names every pasted screenshot `image.png`.
  const named = stem && !/^image$/i.test(stem) ? stem : `pasted-image-${timestamp()}`;
  return `${named}.${ext}`;
}

/** A path that reads as one link destination in Markdown: spaces, brackets and `%` are percent-encoded. */
export function markdownSafePath(path: string): string {
  return path.replace(/[\s%()<>[\]#?\\]/gu, (c) => (c.charCodeAt(0) < 0x80 ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(c)));
}

/** A vault-relative path: no scheme (`https:`, `data:`, `file:`…), not protocol-relative, not absolute. */
export function isVaultPath(src: string): boolean {
  return isInVault(src);
}

export function isWebAddress(src: string): boolean {
  return /^(https?:)?\/\//i.test(src.trim());
}

export function absoluteWebAddress(src: string): string {
  const value = src.trim();
  return value.startsWith('//') ? `https:${value}` : value;
}

/** Opens the system's file chooser for pictures; resolves to the files chosen (none if cancelled). */
export function chooseImageFiles(): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = IMAGE_ACCEPT;
    input.multiple = true;
    input.addEventListener('change', () => resolve(Array.from(input.files ?? [])), { once: true });
    input.addEventListener('cancel', () => resolve([]), { once: true });
    input.click();
  });
}
