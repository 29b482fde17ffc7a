import { app, dialog, session, shell, type BrowserWindow, type WebContents } from 'electron';

/**
 * The window rules of DESIGN.md: no navigation away from the app, no new windows, no webviews,
 * every permission denied; a link to the web opens in the system browser after the user agrees.
 */
export function hardenApp(rendererUrl: () => string, ownerWindow: () => BrowserWindow | null): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (url !== rendererUrl()) {
        event.preventDefault();
        void confirmExternal(url, ownerWindow());
      }
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      void confirmExternal(url, ownerWindow());
      return { action: 'deny' };
    });
  });
}

export async function confirmExternal(url: string, owner: BrowserWindow | null): Promise<boolean> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  const options = {
    type: 'question' as const,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this address in your web browser?',
    detail: parsed.href,
  };
  const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
  if (response !== 0) return false;
  await shell.openExternal(parsed.href);
  return true;
}
