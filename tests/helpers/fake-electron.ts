/**
 * A stand-in for the `electron` module, so main.ts can run in plain Node (Electron's binary cannot
 * be downloaded here). It records what main.ts asks of Electron, for the tests to inspect.
 */
type Listener = (...args: unknown[]) => unknown;

export interface FakeWebContents {
  listeners: Map<string, Listener[]>;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null;
  sent: unknown[][];
  on(event: string, listener: Listener): FakeWebContents;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void;
  send(...args: unknown[]): void;
}

function webContents(): FakeWebContents {
  return {
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
  };
}

export const recorded = {
  appListeners: new Map<string, Listener[]>(),
  windows: [] as BrowserWindow[],
  ipcHandlers: new Map<string, Listener>(),
  permissionRequestHandler: null as Listener | null,
  permissionCheckHandler: null as Listener | null,
  menu: null as unknown,
  quitCalls: 0,
  opened: [] as string[],
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  rendererListeners: new Map<string, Listener[]>(),
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

export const app = {
  isPackaged: false,
  requestSingleInstanceLock: () => true,
  on(event: string, listener: Listener) {
    recorded.appListeners.set(event, [...(recorded.appListeners.get(event) ?? []), listener]);
    return app;
  },
  whenReady: () => Promise.resolve(),
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

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: Listener) {
      recorded.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Listener) {
      recorded.permissionCheckHandler = handler;
    },
  },
};

export const Menu = {
  buildFromTemplate: (template: unknown) => template,
  setApplicationMenu(menu: unknown) {
    recorded.menu = menu;
  },
};

export const dialog = {
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showMessageBox: async () => ({ response: 1 }),
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
