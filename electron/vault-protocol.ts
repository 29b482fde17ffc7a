import { protocol, session } from 'electron';
import { ATTACHMENT_HEADERS, readAttachment } from './vault/attachment-read.ts';

/**
 * `carnet-vault://vault/<path>`: how the Electron window shows a note's images, which are files of
 * the open vault. The page is a file: URL that may not read the disk itself; this scheme hands it
 * exactly what the web host's `/vault/` route does (attachment-read.ts), and nothing else.
 */

export const VAULT_SCHEME = 'carnet-vault';

/**
 * Before the app is ready (Electron refuses later). `standard` gives the URLs a host and a path
 * parsed like http's; `secure` keeps them from counting as mixed content. No fetch, no CORS, no
 * bypassing the page's CSP: the page only shows these files as <img>.
 */
export function registerVaultScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: VAULT_SCHEME, privileges: { standard: true, secure: true } }]);
}

/** After ready: answers the scheme on the windows' session, from whichever vault is open at the time. */
export function serveVaultFiles(vaultRoot: () => string | null): void {
  session.defaultSession.protocol.handle(VAULT_SCHEME, (request) => vaultFileResponse(request, vaultRoot));
}

export async function vaultFileResponse(request: Request, vaultRoot: () => string | null): Promise<Response> {
  const url = new URL(request.url);
  const root = vaultRoot();
  if (url.host !== 'vault' || root === null || (request.method !== 'GET' && request.method !== 'HEAD')) {
    return new Response(null, { status: 404, headers: ATTACHMENT_HEADERS });
  }
  // The pathname is still percent-encoded, as readAttachment expects; only its leading slash goes.
  const file = await readAttachment(root, url.pathname.slice(1));
  if (file.status !== 200) return new Response(null, { status: file.status, headers: file.headers });
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.bytes), { status: 200, headers: file.headers });
}
