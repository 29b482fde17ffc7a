import { parentPort } from 'node:worker_threads';
import { createEngine, type EngineRequest } from './search-engine.ts';

/** The search engine's thread: requests in order, progress while shards are built. */
const engine = createEngine();
parentPort?.on('message', (message: { id: number; request: EngineRequest }) => {
  try {
    const reply = engine(message.request, (done, total) => parentPort?.postMessage({ id: message.id, progress: { done, total } }));
    parentPort?.postMessage({ id: message.id, reply });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
