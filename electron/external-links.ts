import type { BrowserWindow, Dialog, Shell } from 'electron';
import type { UiLanguage } from './core/carnet-error.ts';
import { webAddress } from './core/web-address.ts';

/**
 * The one way out of Carnet to the web: an http(s) address, opened in the system browser only after
 * the user agreed in a dialog of the main process. The page asks first too, but the page shows
 * imported content and is not trusted to have asked: this check holds even if it did not.
 */

export interface LinkOpenerDeps {
  dialog: Pick<Dialog, 'showMessageBox'>;
  shell: Pick<Shell, 'openExternal'>;
  /** The window the dialog belongs to, if one is open. */
  owner: () => BrowserWindow | null;
  /** The language of the dialog, read when it opens (the user may have changed it since the start). */
  language: () => UiLanguage;
}

const TEXT: Record<UiLanguage, { message: string; open: string; cancel: string }> = {
  en: { message: 'Open this address in your web browser?', open: 'Open in browser', cancel: 'Cancel' },
  fr: { message: 'Ouvrir cette adresse dans votre navigateur ?', open: 'Ouvrir dans le navigateur', cancel: 'Annuler' },
};


/** Returns `open(url)`: true when the address was handed to the system browser. */
export function createLinkOpener(deps: LinkOpenerDeps): (url: string) => Promise<boolean> {
  return async (url) => {
    const address = webAddress(url);
    if (!address) return false;
    const text = TEXT[deps.language()];
    const options = {
      type: 'question' as const,
      buttons: [text.open, text.cancel],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
      title: 'Carnet',
      message: text.message,
      detail: address,
    };
    const owner = deps.owner();
    const { response } = owner ? await deps.dialog.showMessageBox(owner, options) : await deps.dialog.showMessageBox(options);
    if (response !== 0) return false;
    await deps.shell.openExternal(address);
    return true;
  };
}
