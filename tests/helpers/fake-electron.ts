/**
 * A stand-in for the `electron` module, so main.ts can run in plain Node (Electron's binary cannot
 * be downloaded here). It records what main.ts asks of Electron, for the tests to inspect.
 */
type Listener = (...args: unknown[]) => unknown;

export interface FakeWebContents {
  session: FakeSession;
  listeners: Map<string, Listener[]>;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null;
  sent: unknown[][];
  on(event: string, listener: Listener): FakeWebContents;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void;
  send(...args: unknown[]): void;
  /** The PDF of the page loaded, as fake bytes that name what was printed. */
  printToPDF(options: Record<string, unknown>): Promise<Buffer>;
}

function webContents(): FakeWebContents {
  return {
    session: session.defaultSession,
    listeners: new Map(),
    windowOpenHandler: null,
    sent: [],
    on(event, listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    },
    setWindowOpenHandler(handler) {
      this.windowOpenHandler = handler;
    },
    send(...args) {
      this.sent.push(args);
    },
    async printToPDF(options) {
      const window = recorded.windows.find((w) => w.webContents === this);
      const html = window?.loadedFile ? await import('node:fs/promises').then((fs) => fs.readFile(window.loadedFile as string, 'utf8')) : '';
      recorded.printed.push({ html, options });
      return Buffer.from(`%PDF-1.7 fake\n${html.length}`);
    },
  };
}

export const recorded = {
  appListeners: new Map<string, Listener[]>(),
  windows: [] as BrowserWindow[],
  ipcHandlers: new Map<string, Listener>(),
  menu: null as unknown,
  quitCalls: 0,
  opened: [] as string[],
  /** What dialog.showMessageBox was asked, and the button index the next ones answer (1: Cancel). */
  messageBoxes: [] as { owner: unknown; options: MessageBoxOptions }[],
  messageBoxResponse: 1,
  /** The file the next save dialog answers, or null for Cancel; what was printed to PDF. */
  saveDialogPath: null as string | null,
  printed: [] as { html: string; options: Record<string, unknown> }[],
  locale: 'en-US',
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  rendererListeners: new Map<string, Listener[]>(),
  /** What protocol.registerSchemesAsPrivileged was given, before the app was ready. */
  privilegedSchemes: [] as { scheme: string; privileges?: Record<string, boolean> }[],
};

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown) {
    recorded.exposed.set(key, api);
  },
};

export const ipcRenderer = {
  invoke: async (...args: unknown[]) => {
    recorded.invoked.push(args);
    return { ok: true, value: null };
  },
  on(channel: string, listener: Listener) {
    recorded.rendererListeners.set(channel, [...(recorded.rendererListeners.get(channel) ?? []), listener]);
  },
  removeListener(channel: string, listener: Listener) {
    recorded.rendererListeners.set(channel, (recorded.rendererListeners.get(channel) ?? []).filter((l) => l !== listener));
  },
};

let ready = false;

export const app = {
  isPackaged: false,
  requestSingleInstanceLock: () => true,
  on(event: string, listener: Listener) {
    recorded.appListeners.set(event, [...(recorded.appListeners.get(event) ?? []), listener]);
    return app;
  },
  emit(event: string, ...args: unknown[]) {
    for (const listener of recorded.appListeners.get(event) ?? []) listener(...args);
  },
  isReady: () => ready,
  whenReady: () =>
    Promise.resolve().then(() => {
      ready = true;
    }),
  getLocale: () => recorded.locale,
  getPath: (name: string) => {
    const value = process.env[`FAKE_ELECTRON_${name.toUpperCase()}`];
    if (!value) throw new Error(`fake electron: no path for ${name}`);
    return value;
  },
  quit: () => {
    recorded.quitCalls++;
  },
};

export class BrowserWindow {
  readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>;
  readonly webContents = webContents();
  loadedFile: string | null = null;
  constructor(options: BrowserWindow['options']) {
    this.options = options;
    recorded.windows.push(this);
  }
  static getAllWindows(): BrowserWindow[] {
    return recorded.windows;
  }
  once(): this {
    return this;
  }
  on(): this {
    return this;
  }
  loadFile(file: string): Promise<void> {
    this.loadedFile = file;
    return Promise.resolve();
  }
  show(): void {}
  destroyed = false;
  destroy(): void {
    this.destroyed = true;
  }
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
}

export const ipcMain = {
  handle(channel: string, listener: Listener) {
    recorded.ipcHandlers.set(channel, listener);
  },
};

/** A session records the handlers and settings main.ts gives it. */
export class FakeSession {
  readonly partition: string;
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  dictionaryDownloadUrl: string | null = null;
  beforeRequest: Listener | null = null;
  readonly protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  readonly protocol = {
    handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
      this.protocolHandlers.set(scheme, handler);
    },
  };
  readonly webRequest = {
    onBeforeRequest: (listener: Listener) => {
      this.beforeRequest = listener;
    },
  };
  constructor(partition: string) {
    this.partition = partition;
  }
  setPermissionRequestHandler(handler: Listener) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener) {
    this.permissionCheckHandler = handler;
  }
  setSpellCheckerDictionaryDownloadURL(url: string) {
    if (!URL.canParse(url)) throw new TypeError('The URL you provided to setSpellCheckerDictionaryDownloadURL is not a valid URL');
    this.dictionaryDownloadUrl = url;
  }
}

const sessions = new Map<string, FakeSession>();

/** As in Electron: a session exists only once the app is ready, and each new one is announced with `session-created`. */
function fromPartition(partition: string): FakeSession {
  if (!ready) throw new TypeError('Session can only be received when app is ready');
  let found = sessions.get(partition);
  if (!found) {
    found = new FakeSession(partition);
    sessions.set(partition, found);
    app.emit('session-created', found);
  }
  return found;
}

export const session = {
  get defaultSession(): FakeSession {
    return fromPartition('');
  },
  fromPartition,
};

/** As in Electron: privileged schemes can be declared only before the app is ready. */
export const protocol = {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]) {
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    recorded.privilegedSchemes.push(...schemes);
  },
};

export const Menu = {
  buildFromTemplate: (template: unknown) => template,
  setApplicationMenu(menu: unknown) {
    recorded.menu = menu;
  },
};

interface MessageBoxOptions {
  type?: string;
  buttons?: string[];
  defaultId?: number;
  cancelId?: number;
  message: string;
  detail?: string;
}

export const dialog = {
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async () => (recorded.saveDialogPath ? { canceled: false, filePath: recorded.saveDialogPath } : { canceled: true, filePath: '' }),
  showMessageBox: async (...args: unknown[]) => {
    const [owner, options] = args.length > 1 ? args : [null, args[0]];
    recorded.messageBoxes.push({ owner, options: options as MessageBoxOptions });
    return { response: recorded.messageBoxResponse, checkboxChecked: false };
  },
  showErrorBox: (title: string, content: string) => {
    throw new Error(`${title}: ${content}`);
  },
};

export const shell = {
  openExternal: async (url: string) => {
    recorded.opened.push(url);
  },
};

export const nativeTheme = { shouldUseDarkColors: false };

export { webContents as makeWebContents };
