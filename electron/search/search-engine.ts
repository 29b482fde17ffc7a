import { SearchIndex } from './search-index.ts';
import type { SearchDoc } from './search-documents.ts';
import type { SearchQuery, SearchResults } from './search-query.ts';

/**
 * The index's operations as requests and replies, so that the same engine runs in a worker
 * thread (the app: typing never waits for indexing) or in-line (the CLI, tests).
 */

export interface StoredShard {
  key: string;
  builtFrom: string;
  /** The shard's index as text (compact-index.ts): read where it is used, not copied across threads as objects. */
  json: string;
}

export type EngineRequest =
  | { type: 'load'; docs: SearchDoc[]; stored: StoredShard[]; rebuildAll?: boolean }
  | { type: 'update'; upsert: SearchDoc[]; remove: string[] }
  | { type: 'search'; query: SearchQuery }
  | { type: 'compact'; limit?: number }
  | { type: 'export'; keys: string[] };

export interface EngineReplies {
  load: { adopted: number; rebuilt: string[]; shards: string[] };
  update: { rebuilt: string[]; shards: string[]; stale: number; documents: number };
  compact: { rebuilt: string[]; shards: string[]; stale: number };
  search: SearchResults;
  export: StoredShard[];
}

export type Progress = (done: number, total: number) => void;

export function createEngine() {
  const index = new SearchIndex();
  return (request: EngineRequest, progress?: Progress): EngineReplies[EngineRequest['type']] => {
    switch (request.type) {
      case 'load': {
        index.retainOnly(new Set(request.docs.map((d) => d.ref)));
        index.upsert(request.docs);
        if (request.rebuildAll) index.markAllDirty();
        index.rebalance();
        let adopted = 0;
        for (const stored of request.stored) {
          if (index.adopt({ key: stored.key, builtFrom: stored.builtFrom, encoded: stored.json })) adopted++;
        }
        const rebuilt = index.flush(progress);
        return { adopted, rebuilt, shards: index.shardKeys() };
      }
      case 'update':
        index.remove(request.remove);
        index.upsert(request.upsert);
        return { rebuilt: index.flush(progress), shards: index.shardKeys(), stale: index.staleShards, documents: index.docs.size };
      case 'compact':
        return { rebuilt: index.compact(progress, request.limit), shards: index.shardKeys(), stale: index.staleShards };
      case 'search':
        return index.search(request.query);
      case 'export':
        // Only the shards asked for are serialised: a save after one edit writes one shard.
        return index.persistable(new Set(request.keys)).map((s) => ({ key: s.key, builtFrom: s.builtFrom, json: s.encoded }));
    }
  };
}
