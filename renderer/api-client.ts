import type { CarnetApi, CarnetEvents, EventName, EventPayloads, MethodName, Reply } from '../electron/api.ts';

/**
 * The renderer's only way to the Node side. Under Electron it uses the preload bridge; in a
 * browser, the web host, whose address carries the session token as its first path segment.
 * Both are typed by the contract; failures arrive as ApiError with the code and message to show.
 */

export class ApiError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

interface Bridge {
  methods: Record<string, (input: unknown) => Promise<Reply<unknown>>>;
  on: CarnetEvents['on'];
}

declare global {
  interface Window {
    carnetBridge?: Bridge;
  }
}

type Transport = (method: MethodName, input: unknown) => Promise<Reply<unknown>>;

function webBase(): string {
  const [, token = ''] = window.location.pathname.split('/');
  return `/${token}/`;
}

function bridgeTransport(bridge: Bridge): Transport {
  return (method, input) => {
    const call = bridge.methods[method];
    if (!call) return Promise.resolve({ ok: false, error: { code: 'unknown-method', message: `This Carnet window does not offer "${method}".` } });
    return call(input);
  };
}

const httpTransport: Transport = async (method, input) => {
  let response: Response;
  try {
    response = await fetch(`${webBase()}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input ?? {}) });
  } catch {
    return { ok: false, error: { code: 'offline', message: 'Carnet’s host is not answering. Is the "npm run web" process still running?' } };
  }
  if (response.headers.get('content-type')?.startsWith('application/json')) return (await response.json()) as Reply<unknown>;
  return { ok: false, error: { code: `http-${response.status}`, message: (await response.text()) || `The host answered ${response.status}.` } };
};

const transport: Transport = window.carnetBridge ? bridgeTransport(window.carnetBridge) : httpTransport;

export const api = new Proxy({} as CarnetApi, {
  get: (_target, method: string) => async (input: unknown) => {
    const reply = await transport(method as MethodName, input);
    if (!reply.ok) throw new ApiError(reply.error.code, reply.error.message);
    return reply.value;
  },
});

function webEvents(): CarnetEvents['on'] {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let source: EventSource | null = null;
  const connect = (): void => {
    source = new EventSource(`${webBase()}events`);
    for (const name of ['vaultChanged', 'vaultOpened', 'vaultClosed', 'menuCommand', 'searchStatus'] satisfies EventName[]) {
      source.addEventListener(name, (event) => {
        const payload = JSON.parse((event as MessageEvent<string>).data) as never;
        for (const listener of listeners.get(name) ?? []) listener(payload);
      });
    }
  };
  return (event, listener) => {
    if (!source) connect();
    const set = listeners.get(event) ?? new Set();
    set.add(listener as (payload: never) => void);
    listeners.set(event, set);
    return () => set.delete(listener as (payload: never) => void);
  };
}

export const onEvent: CarnetEvents['on'] = window.carnetBridge ? window.carnetBridge.on : webEvents();
export const front: 'electron' | 'web' = window.carnetBridge ? 'electron' : 'web';
export type { EventPayloads };

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Where the page loads a file of the vault from (an image in `attachments/`): under Electron the
 * `carnet-vault:` scheme the main process serves; in the web front, the host's own address.
 */
export function vaultFileUrl(vaultPath: string): string {
  const encoded = vaultPath.split('/').map((part) => encodeURIComponent(decodeURIComponentSafe(part))).join('/');
  return window.carnetBridge ? `carnet-vault://vault/${encoded}` : `${webBase()}vault/${encoded}`;
}

/** A %-escaped text decoded, or left as it is when its escapes are malformed. */
export function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
