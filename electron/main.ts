import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, shell, type IpcMainInvokeEvent, type MenuItemConstructorOptions } from 'electron';
import { EVENT_CHANNEL, METHOD_CHANNEL_PREFIX, METHODS_ARGUMENT, methodSchemas, type EventName, type EventPayloads, type MenuCommand, type MethodName } from './api.ts';
import { projectRoot } from './core/app-paths.ts';
import { CarnetSession } from './core/carnet-session.ts';
import { createDispatcher } from './core/dispatcher.ts';
import { createHandlers } from './core/handlers.ts';
import { hardenApp } from './electron-security.ts';
import { createLinkOpener } from './external-links.ts';
import { registerVaultScheme, serveVaultFiles } from './vault-protocol.ts';
import { languageOfLocale } from './core/ui-language.ts';
import { guardUnsavedClose } from './unsaved-close.ts';
import { defaultWorkerUrl, workerHost } from './search/search-host.ts';
import { createPdfPrinter } from './pdf-printer.ts';

/** The Electron front: windows, menus and dialogs, wired to the shared services. No business logic here. */

const rendererFile = path.join(projectRoot(), 'dist', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererFile).href;
// Packaged, the resources (the sample vault) are beside app.asar; in development they are in resources/.
const resourcesDir = app.isPackaged ? process.resourcesPath : path.join(projectRoot(), 'resources');
let mainWindow: BrowserWindow | null = null;
let session: CarnetSession | null = null;
/** The language of dialogs and error messages: the user's choice, else the system's. */
const language = () => session?.language() ?? languageOfLocale(app.getLocale());
/** Every way to the web goes through here: http(s) only, after the user agreed in a dialog. */
const openExternal = createLinkOpener({ dialog, shell, owner: () => mainWindow, language });

if (!app.requestSingleInstanceLock()) {
  // One process per user: a second launch focuses the first window instead of fighting over the vault lock.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // The note images' scheme must be declared before ready; it is served once the session exists (start).
  registerVaultScheme();
  hardenApp({
    rendererUrl: () => rendererUrl,
    openExternal,
    // Spell-check dictionaries are never downloaded: the "server" is a local folder (electron-security.ts).
    dictionaryUrl: pathToFileURL(path.join(resourcesDir, 'dictionaries') + path.sep).href,
  });
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('Carnet could not start', String(error));
    app.quit();
  });
}

async function start(): Promise<void> {
  session = new CarnetSession({
    configDir: app.getPath('userData'),
    documentsDir: app.getPath('documents'),
    resourcesDir,
    systemLanguage: () => languageOfLocale(app.getLocale()),
    // Packaged, the search worker is unpacked beside app.asar (electron-builder's asarUnpack): a worker thread loads a plain file.
    searchHost: () => workerHost(app.isPackaged ? pathToFileURL(path.join(process.resourcesPath, 'app.asar.unpacked', 'dist', 'node', 'search-worker.js')) : defaultWorkerUrl()),
  });
  await session.start();
  serveVaultFiles(() => session?.vaultOrNull?.root ?? null);
  const dispatch = createDispatcher(
    createHandlers(session, {
      front: 'electron',
      pickFolder: async (purpose) => {
        const options = {
          title: purpose === 'open' ? 'Open a Carnet vault' : 'Choose a folder for the new vault',
          properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
        };
        const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      printToPdf: createPdfPrinter({ owner: () => mainWindow, title: () => (language() === 'fr' ? 'Enregistrer en PDF' : 'Save as PDF') }),
      openExternal,
    }),
    undefined,
    language,
  );
  for (const name of Object.keys(methodSchemas) as MethodName[]) {
    ipcMain.handle(`${METHOD_CHANNEL_PREFIX}${name}`, (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event)) return { ok: false, error: { code: 'forbidden', message: 'Refused: the request did not come from Carnet’s own page.' } };
      return dispatch(name, input);
    });
  }
  session.onEvent(<E extends EventName>(event: E, payload: EventPayloads[E]) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(EVENT_CHANNEL, event, payload);
  });
  Menu.setApplicationMenu(buildMenu());
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1320,
    height: 860,
    minWidth: 760,
    minHeight: 480,
    title: 'Carnet',
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1c1b19' : '#faf8f4',
    webPreferences: {
      preload: path.join(projectRoot(), 'dist', 'node', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // A middle click on a link must not open a window of its own (window.open is denied anyway).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
      additionalArguments: [`${METHODS_ARGUMENT}${Object.keys(methodSchemas).join(',')}`],
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  const window = mainWindow;
  guardUnsavedClose({
    onPreventUnload: (listener) => window.webContents.on('will-prevent-unload', listener),
    close: () => window.close(),
    askCloseAnyway: (words) => dialog.showMessageBoxSync(window, { type: 'warning', message: words.message, detail: words.detail, buttons: [words.stay, words.close], defaultId: 0, cancelId: 0 }) === 1,
    language,
    setTimeout: (run, ms) => setTimeout(run, ms),
    now: () => Date.now(),
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadFile(rendererFile);
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  return event.senderFrame?.url === rendererUrl;
}

function send(command: MenuCommand): void {
  mainWindow?.webContents.send(EVENT_CHANNEL, 'menuCommand', { command });
}

function buildMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Note', accelerator: 'CmdOrCtrl+N', click: () => send('newNote') },
        { label: 'Import…', accelerator: 'CmdOrCtrl+Shift+I', click: () => send('import') },
        { type: 'separator' },
        { label: 'Quick Open…', accelerator: 'CmdOrCtrl+K', click: () => send('quickOpen') },
        { label: 'Search Everything…', accelerator: 'CmdOrCtrl+Shift+F', click: () => send('searchPane') },
        { type: 'separator' },
        { label: 'Open Vault…', accelerator: 'CmdOrCtrl+O', click: () => send('openVault') },
        { label: 'New Vault…', accelerator: 'CmdOrCtrl+Shift+N', click: () => send('createVault') },
        { type: 'separator' },
        { label: 'Trash', click: () => send('showTrash') },
        { label: 'Problems', click: () => send('showProblems') },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { label: 'Back', accelerator: 'Alt+Left', click: () => send('back') },
        { label: 'Forward', accelerator: 'Alt+Right', click: () => send('forward') },
        { label: 'Toggle Details Pane', accelerator: 'CmdOrCtrl+\\', click: () => send('toggleDetails') },
        { label: 'Toggle Split View', accelerator: 'CmdOrCtrl+Shift+\\', click: () => send('toggleSplit') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const, accelerator: 'F12' }]),
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !session) return;
  // Flush pending writes and release the vault lock before the process ends.
  event.preventDefault();
  quitting = true;
  void session.stop().finally(() => app.quit());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
