import { inlineHost } from '../search/search-host.ts';
import { SearchService } from '../search/search-service.ts';
import type { SearchHit, SearchKind, SearchResults } from '../search/search-types.ts';
import type { Vault } from '../vault/vault.ts';
import type { CliIo } from './carnet.ts';

/** `carnet search` and `carnet reindex`: the same index and queries as the app, in-line. */

export async function runSearch(vault: Vault, text: string, kinds: SearchKind[] | undefined, limit: number, json: boolean, io: CliIo): Promise<number> {
  const service = new SearchService(vault, inlineHost());
  try {
    await service.whenReady();
    const results = await service.search({ text, kinds, limit });
    if (json) io.out(JSON.stringify(results, null, 2));
    else io.out(describe(results));
    return results.error ? 2 : 0;
  } finally {
    await service.stop();
  }
}

export async function runReindex(vault: Vault, json: boolean, io: CliIo): Promise<number> {
  const service = new SearchService(vault, inlineHost());
  const started = Date.now();
  try {
    await service.whenReady().catch(() => undefined);
    await service.reindex((done, total) => {
      if (!json) io.err(`Building the index: shard ${done} of ${total}`);
    });
    const status = service.status();
    const seconds = (Date.now() - started) / 1000;
    io.out(json ? JSON.stringify({ ...status, seconds }, null, 2) : `Indexed ${status.documents} documents (${status.total} shards) in ${seconds.toFixed(1)} s.`);
    return 0;
  } finally {
    await service.stop();
  }
}

function describe(results: SearchResults): string {
  if (results.error) return results.error;
  const { source, note, annotation } = results.counts;
  const lines = [`${results.total} results: ${source} sources, ${note} notes, ${annotation} annotations`];
  for (const hit of results.hits) lines.push(describeHit(hit));
  return lines.join('\n');
}

function describeHit(hit: SearchHit): string {
  const about = [hit.publisher, hit.date].filter(Boolean).join(', ');
  const mark = (text: string, ranges: [number, number][]) => {
    let out = '';
    let at = 0;
    for (const [start, end] of ranges) {
      out += `${text.slice(at, start)}[${text.slice(start, end)}]`;
      at = end;
    }
    return out + text.slice(at);
  };
  return `\n[${hit.kind}] ${hit.title}${about ? ` — ${about}` : ''}\n    ${mark(hit.snippet.text, hit.snippet.highlights)}`;
}
