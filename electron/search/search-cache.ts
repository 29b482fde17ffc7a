import { ANALYZER_VERSION } from './analyzers.ts';
import type { StoredShard } from './search-engine.ts';
import type { Vault } from '../vault/vault.ts';

/**
 * Shards on disk, `.carnet/index/shard-<key>.json`: a header line (key, what the shard was built
 * from, analyzer version) then Lunr's JSON. A start loads the shards whose documents are unchanged;
 * deleting the folder loses nothing but the time to rebuild.
 */

const FORMAT = 'carnet-search-shard';

function fileName(key: string): string {
  return `shard-${key}.json`;
}

export async function readShards(vault: Vault): Promise<StoredShard[]> {
  const shards: StoredShard[] = [];
  for (const [name, text] of await vault.readCache('index')) {
    const newline = text.indexOf('\n');
    if (!name.startsWith('shard-') || newline === -1) continue;
    try {
      const header = JSON.parse(text.slice(0, newline)) as { format?: string; analyzer?: number; key?: string; builtFrom?: string };
      if (header.format !== FORMAT || header.analyzer !== ANALYZER_VERSION || !header.key || !header.builtFrom) continue;
      shards.push({ key: header.key, builtFrom: header.builtFrom, json: text.slice(newline + 1) });
    } catch {
      // A damaged cache file is rebuilt like a missing one.
    }
  }
  return shards;
}

export async function writeShards(vault: Vault, shards: StoredShard[], liveKeys: string[]): Promise<void> {
  for (const shard of shards) {
    const header = JSON.stringify({ format: FORMAT, analyzer: ANALYZER_VERSION, key: shard.key, builtFrom: shard.builtFrom });
    await vault.writeCache('index', fileName(shard.key), `${header}\n${shard.json}`);
  }
  const live = new Set(liveKeys.map(fileName));
  const stale = (await vault.listCache('index')).filter((name) => name.startsWith('shard-') && !live.has(name));
  await vault.removeCache('index', stale);
}
