import { Worker } from 'node:worker_threads';
import { createEngine, type EngineReplies, type EngineRequest, type Progress } from './search-engine.ts';

/** Where the engine runs: a worker thread in the app, in-line for the CLI and tests. */
export interface SearchHost {
  call<T extends EngineRequest>(request: T, progress?: Progress): Promise<EngineReplies[T['type']]>;
  stop(): Promise<void>;
}

export function inlineHost(): SearchHost {
  const engine = createEngine();
  return {
    call: async (request, progress) => engine(request, progress) as never,
    stop: async () => undefined,
  };
}

/** The worker script next to this module: the .ts source in development, the bundled .js when built. */
export function defaultWorkerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './search-worker.ts' : './search-worker.js', import.meta.url);
}

export function workerHost(url: URL = defaultWorkerUrl()): SearchHost {
  const worker = new Worker(url);
  worker.unref();
  let next = 1;
  const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void; progress?: Progress }>();
  worker.on('message', (message: { id: number; reply?: unknown; error?: string; progress?: { done: number; total: number } }) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    if (message.progress) return waiting.progress?.(message.progress.done, message.progress.total);
    pending.delete(message.id);
    if (message.error !== undefined) waiting.reject(new Error(message.error));
    else waiting.resolve(message.reply as never);
  });
  worker.on('error', (error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  });
  return {
    call: (request, progress) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject, progress });
        worker.postMessage({ id, request });
      }),
    stop: async () => {
      await worker.terminate();
    },
  };
}
