/**
 * `npm run security`: Doyensec's Electronegativity over Carnet's Electron code, offline, failing on
 * any finding nobody has explained. The tool has no configuration file for accepted findings (only
 * inline comments), so the reviewed ones are listed, each with its reason, in
 * electronegativity-reviewed.json beside this file, matched by check, file and source line.
 *
 * What is scanned: the TypeScript sources, not the bundles in dist/ — electron/ (main process,
 * preload, services), renderer/ (its page, whose CSP the tool checks, and its code) and package.json.
 * The sources are what people edit and what a finding should point at; the renderer bundle would add
 * React's, ProseMirror's and DOMPurify's code, whose findings are not ours and move with every update.
 *
 * Offline: the tool fetches translations and Electron's release list with `got` at every run (and
 * its CLI crashes when that fails). Here `got` is replaced by offline-got.cjs, which refuses every
 * request before any connection; the release-list check is excluded (see the reviewed file).
 */
import fs from 'node:fs/promises';
import { createRequire, registerHooks } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const SCANNED = ['electron', 'renderer', 'package.json'];
const offlineGotUrl = pathToFileURL(path.join(import.meta.dirname, 'offline-got.cjs')).href;
const require = createRequire(import.meta.url);

const reason = z.string().min(20, 'Say why, in a sentence.');
const reviewedSchema = z
  .object({
    excludedChecks: z.array(z.object({ check: z.string().min(1), reason }).strict()),
    findings: z.array(z.object({ id: z.string().min(1), file: z.string().min(1), sample: z.string(), reason }).strict()),
  })
  .strict();
export type Reviewed = z.infer<typeof reviewedSchema>;
export const loadReviewed = async (): Promise<Reviewed> => reviewedSchema.parse(JSON.parse(await fs.readFile(path.join(import.meta.dirname, 'electronegativity-reviewed.json'), 'utf8')));

export interface Issue {
  id: string;
  file: string;
  sample?: string;
  location: { line: number; column: number };
  description: string;
  severity: { name: string };
  confidence: { name: string };
}
export interface RunResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Issue[];
}

/** Which findings are explained by the reviewed list, which are not, and which entries of the list no longer match anything. */
export function triage(issues: Issue[], reviewed: Reviewed['findings']) {
  const matches = (entry: Reviewed['findings'][number], issue: Issue) => entry.id === issue.id && entry.file === issue.file && entry.sample === (issue.sample ?? '').trim();
  return {
    explained: issues.filter((issue) => reviewed.some((entry) => matches(entry, issue))),
    unexplained: issues.filter((issue) => !reviewed.some((entry) => matches(entry, issue))),
    stale: reviewed.filter((entry) => !issues.some((issue) => matches(entry, issue))),
  };
}

let offlineHook = false;

/** Runs Electronegativity over copies of `entries` (paths under `root`), with `got` refused. */
export async function scan(root: string, entries: string[], excludedChecks: string[], electronVersion: string): Promise<RunResult & { refused: string[] }> {
  if (!offlineHook) {
    registerHooks({
      resolve: (specifier, context, nextResolve) =>
        specifier === 'got' && context.parentURL?.includes('/@doyensec/electronegativity/') ? { url: offlineGotUrl, shortCircuit: true } : nextResolve(specifier, context),
    });
    offlineHook = true;
  }
  const run = require('@doyensec/electronegativity') as (options: Record<string, unknown>) => Promise<RunResult>;
  const refused = (require(fileURLToPath(offlineGotUrl)) as { refused: string[] }).refused;
  // One input folder holding exactly what is scanned, so that paths in findings read as in the repository.
  const input = await fs.mkdtemp(path.join(os.tmpdir(), 'carnet-electronegativity-'));
  try {
    for (const entry of entries) await fs.cp(path.join(root, entry), path.join(input, entry), { recursive: true });
    const before = refused.length;
    const result = await run({ input, isRelative: true, customScan: [], excludeFromScan: excludedChecks, electronVersionOverride: electronVersion, parserPlugins: [] });
    return { ...result, refused: refused.slice(before) };
  } finally {
    await fs.rm(input, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const started = performance.now();
  const reviewed = await loadReviewed();
  const pkg = JSON.parse(await fs.readFile(path.join(projectRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const electronVersion = pkg.devDependencies.electron ?? '';
  if (!/^\d+\.\d+\.\d+$/.test(electronVersion)) throw new Error(`package.json: Electron's version "${electronVersion}" is not pinned exactly.`);
  const result = await scan(projectRoot, SCANNED, reviewed.excludedChecks.map((entry) => entry.check), electronVersion);
  const refused = result.refused;

  const { explained, unexplained, stale } = triage(result.issues, reviewed.findings);
  const broken = result.errors.filter((error) => !error.tolerable);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `electronegativity: ${result.globalChecks + result.atomicChecks} checks (${reviewed.excludedChecks.length} excluded) over ${SCANNED.join(', ')}, assuming Electron ${electronVersion}; ` +
      `${result.issues.length} finding(s), ${explained.length} reviewed, ${unexplained.length} unexplained; ${seconds} s; ${refused.length} network request(s) refused (${[...new Set(refused)].join(', ') || 'none'}).`,
  );
  for (const issue of unexplained) {
    console.log(`  UNEXPLAINED ${issue.id} (${issue.severity.name}, ${issue.confidence.name}) ${issue.file}:${issue.location.line}:${issue.location.column}: ${issue.description}`);
    if (issue.sample) console.log(`    ${issue.sample.trim()}`);
  }
  for (const entry of stale) console.log(`  STALE reviewed entry, matches nothing any more (remove or update it): ${entry.id} ${entry.file}: ${entry.sample}`);
  for (const error of result.errors) console.log(`  ${error.tolerable ? 'warning' : 'NOT SCANNED'}: ${error.file}: ${error.message}`);
  if (unexplained.length > 0) console.log('Fix each unexplained finding, or, if it is a false positive, add it with its reason to tests/security/electronegativity-reviewed.json.');
  return unexplained.length + stale.length + broken.length === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  process.exitCode = await main();
}
