import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, METHOD_CHANNEL_PREFIX, METHODS_ARGUMENT } from './api-channels.ts';
import type { EventName, EventPayloads, Reply } from './api.ts';

/**
 * Exposes the contract and nothing else: one function per method of api.ts (no generic invoke),
 * and a subscription to the contract's events. Validation happens in the main process.
 * The method names come from main (which reads them off api.ts) as a launch argument,
 * so that this sandboxed script stays small and free of the schema library.
 */

const names = (process.argv.find((arg) => arg.startsWith(METHODS_ARGUMENT)) ?? METHODS_ARGUMENT).slice(METHODS_ARGUMENT.length).split(',').filter((name) => /^[a-zA-Z]+$/.test(name));
const methods = Object.fromEntries(
  names.map((name) => [name, (input: unknown): Promise<Reply<unknown>> => ipcRenderer.invoke(`${METHOD_CHANNEL_PREFIX}${name}`, input)]),
);

function on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
  const handler = (_event: IpcRendererEvent, name: string, payload: EventPayloads[E]): void => {
    if (name === event) listener(payload);
  };
  ipcRenderer.on(EVENT_CHANNEL, handler);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  };
}

contextBridge.exposeInMainWorld('carnetBridge', { methods, on });
