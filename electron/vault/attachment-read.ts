import fs from 'node:fs/promises';
import path from 'node:path';
import { ATTACHMENTS_FOLDER } from './attachment-store.ts';
import { sniffImage, type ImageType } from './image-types.ts';
import { isWithin } from './vault-paths.ts';

/**
 * A vault file for a page to show, shared by the web host (`/<token>/vault/<path>`) and Electron's
 * `carnet-vault:` scheme: only images (by their bytes) in `attachments/`, never a note, a source,
 * `.carnet/` or anything a link leads to outside the folder. The page asking is ours, but what it
 * asks for comes from Markdown the user may have pasted from anywhere.
 */

/** On every answer: the bytes are an image and nothing else, and can never run as a page. */
export const ATTACHMENT_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
  // The file can be replaced by hand or by a sync tool: check again rather than show a stale copy.
  'Cache-Control': 'no-cache',
};

export type AttachmentResponse =
  | { status: 200; mime: ImageType['mime']; bytes: Buffer; headers: Record<string, string> }
  | { status: 403 | 404; headers: Record<string, string> };

/** Files put in attachments/ by hand can be any size; past this one the page is not worth the memory. */
const MAX_SERVED_BYTES = 100 * 1024 * 1024;

/** `O_NOFOLLOW` where the platform has it: the last step is re-checked at open, not only before it. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0);

/**
 * `requestedPath` is vault-relative and still percent-encoded, as it came in the address
 * (`attachments/mekong%20map.png`). 403: never served (outside attachments/, not an image);
 * 404: no such file.
 */
export async function readAttachment(vaultRoot: string, requestedPath: string): Promise<AttachmentResponse> {
  const segments = decodedSegments(requestedPath);
  if (!segments) return refuse(403);
  if (segments[0] !== ATTACHMENTS_FOLDER || segments.length < 2) return refuse(403);
  try {
    const realRoot = await fs.realpath(vaultRoot);
    // attachments/ itself may be a link, as long as it stays in the vault; the file must stay in it.
    const realFolder = await fs.realpath(path.join(vaultRoot, ATTACHMENTS_FOLDER));
    if (!isWithin(realRoot, realFolder)) return refuse(403);
    const real = await fs.realpath(path.join(vaultRoot, ...segments));
    if (!isWithin(realFolder, real) || real === realFolder) return refuse(403);
    const handle = await fs.open(real, OPEN_FLAGS);
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) return refuse(404);
      if (stat.size > MAX_SERVED_BYTES) return refuse(403);
      const bytes = await handle.readFile();
      // The type is read from the bytes, never from the name: an `x.png` holding SVG or HTML is refused.
      const type = sniffImage(bytes);
      if (!type) return refuse(403);
      return { status: 200, mime: type.mime, bytes, headers: { ...ATTACHMENT_HEADERS, 'Content-Type': type.mime } };
    } finally {
      await handle.close();
    }
  } catch {
    // Missing, unreadable, a loop of links, a link swapped in at the last step: nothing to show.
    return refuse(404);
  }
}

/** The path's parts, decoded once; null when the path could name something other than itself. */
function decodedSegments(requestedPath: string): string[] | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestedPath);
  } catch {
    return null;
  }
  // A backslash is a separator on Windows, a drive letter or a leading slash an absolute path.
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.startsWith('/') || /^[a-zA-Z]:/.test(decoded)) return null;
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return null;
  return segments;
}

function refuse(status: 403 | 404): AttachmentResponse {
  return { status, headers: { ...ATTACHMENT_HEADERS } };
}
