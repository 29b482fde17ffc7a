import { app, session, type Session, type WebContents } from 'electron';

export interface HardenOptions {
  /** The one page the windows may show. */
  rendererUrl: () => string;
  /** Opens a web address in the system browser after the user agreed (external-links.ts). */
  openExternal: (url: string) => Promise<boolean>;
  /** A local folder (file: URL, trailing slash) standing in for Chromium's dictionary download server. */
  dictionaryUrl: string;
}

/** Schemes that leave the machine. The renderer is a file: page and fetches nothing (DESIGN.md). */
const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

/**
 * The window rules of DESIGN.md: no navigation away from the app, no new windows, no webviews,
 * every permission denied; a link to the web opens in the system browser after the user agrees.
 * And offline, truly: no session reaches the network, not even for spell-check dictionaries.
 */
export function hardenApp(options: HardenOptions): void {
  // Every session is hardened as it is created; the default one too, which Electron hands out
  // only once the app is ready (reading `session.defaultSession` before then throws).
  app.on('session-created', (created) => hardenSession(created, options));
  void app.whenReady().then(() => hardenSession(session.defaultSession, options));
  app.on('web-contents-created', (_event, contents: WebContents) => {
    hardenSession(contents.session, options);
    contents.on('will-navigate', (event, url) => {
      if (url !== options.rendererUrl()) {
        event.preventDefault();
        void options.openExternal(url);
      }
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      void options.openExternal(url);
      return { action: 'deny' };
    });
  });
}

const hardened = new WeakSet<Session>();

function hardenSession(target: Session, options: HardenOptions): void {
  if (hardened.has(target)) return;
  hardened.add(target);
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  // Spell checking: macOS uses the OS's checker and downloads nothing. On Windows and Linux, Chromium
  // fetches a missing Hunspell dictionary from Google's CDN. Carnet ships no dictionaries and points that
  // fetch at a local folder (a file: URL), so it never leaves the machine. What still checks spelling:
  // Windows' own checker for the languages it has, and any .bdic already in <userData>/Dictionaries.
  target.setSpellCheckerDictionaryDownloadURL(options.dictionaryUrl);
  // The safety net: whatever asks this session for the network (a stray <img src="https://…"> that
  // got past the CSP, a devtools extension), the request is cancelled before it is made.
  target.webRequest.onBeforeRequest((details, callback) => callback({ cancel: NETWORK_SCHEMES.has(schemeOf(details.url)) }));
}

function schemeOf(url: string): string {
  const colon = url.indexOf(':');
  return colon < 0 ? '' : url.slice(0, colon + 1).toLowerCase();
}
