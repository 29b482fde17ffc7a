import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';

/**
 * A note's exported HTML made into a PDF by Chromium's own printing (`printToPDF`), saved where the
 * user chooses: the desktop app's PDF export. The HTML is our cleaned export (no script, a CSP that
 * loads nothing); it is shown in a hidden window with JavaScript off, from a temporary file that is
 * removed afterwards. The web front prints through the browser instead (renderer/export/print-html.ts).
 */
export function createPdfPrinter(options: { owner: () => BrowserWindow | null; title: () => string }) {
  return async (html: string, fileName: string): Promise<string | null> => {
    const owner = options.owner();
    const saveOptions = { title: options.title(), defaultPath: path.join(app.getPath('documents'), fileName), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
    const chosen = owner ? await dialog.showSaveDialog(owner, saveOptions) : await dialog.showSaveDialog(saveOptions);
    if (chosen.canceled || !chosen.filePath) return null;
    let folder: string | null = null;
    let window: BrowserWindow | null = null;
    try {
      folder = await fs.mkdtemp(path.join(os.tmpdir(), 'carnet-print-'));
      const page = path.join(folder, 'note.html');
      window = new BrowserWindow({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, spellcheck: false, disableBlinkFeatures: 'Auxclick' } });
      await fs.writeFile(page, html, 'utf8');
      await window.loadFile(page);
      const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: false, generateDocumentOutline: true });
      await fs.writeFile(chosen.filePath, pdf);
      return chosen.filePath;
    } finally {
      window?.destroy();
      // The note's text is not left behind in the temporary folder, whatever failed.
      if (folder) await fs.rm(folder, { recursive: true, force: true });
    }
  };
}
