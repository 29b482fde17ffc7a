import { parentPort } from 'node:worker_threads';
import { createEngine, type EngineRequest } from './search-engine.ts';
import { yieldToTheApp } from '../core/thread-priority.ts';

// Building a shard for a long source takes seconds: the window's thread goes first. Queries are
// milliseconds long and barely feel a lower priority.
yieldToTheApp(5);

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
