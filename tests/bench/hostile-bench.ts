/**
 * "Lose nothing, ever": attacks and faults run against the real services, through the real web
 * host (and the CLI where that is the way in), while a pinger asks the host for `appInfo` every
 * 20 ms. Prints the table of the closing note — attempts, handled with a clear message, files lost
 * or changed, escapes, worst time the app stayed unresponsive — then what each row was told, the
 * figures behind the heavy rows, and every defect seen. Figures, not pass/fail: never part of `npm test`.
 *
 *   node tests/bench/hostile-bench.ts                      every row
 *   CARNET_HOSTILE_ROWS=9,10 node tests/bench/hostile-bench.ts   only those rows
 */
import os from 'node:os';
import { startBench, type Bench } from './hostile-harness.ts';
import { Row } from './hostile-measure.ts';
import { diskFull, handEditedOriginal, oddMarkdown, pasteFragments, yamlBomb } from './hostile-attacks.ts';
import { brokenEscape, folderLinks, linkedVaultFolders, staleLockRace, vaultInProc } from './hostile-attacks-system.ts';
import { heavyHtml, pdfBomb } from './hostile-attacks-heavy.ts';

const UNRESPONSIVE_TARGET_MS = 100;

/**
 * The attacks, each with the numbers of the rows it fills. The PDF bomb runs before the heavy HTML:
 * the 10 MB page leaves an import worker holding ~1 GB for a while, which would hide the bomb's own peak.
 */
const ATTACKS: [number[], string, (bench: Bench) => Promise<Row | Row[]>][] = [
  [[1, 2], 'Disk full (saving a note; importing)', diskFull],
  [[3], 'Paste of browser fragments', pasteFragments],
  [[4], 'Markdown with odd metadata', oddMarkdown],
  [[5], 'Hand-edited original: in front matter', handEditedOriginal],
  [[6], 'YAML alias bomb', yamlBomb],
  [[7], 'Folder import with links', folderLinks],
  [[8], 'Linked vault folders', linkedVaultFolders],
  [[10], 'PDF flate bomb', pdfBomb],
  [[9], 'Heavy HTML', heavyHtml],
  [[11], 'Stale lock race', staleLockRace],
  [[12], 'createVault in /proc', vaultInProc],
  [[13], 'Broken % escape', brokenEscape],
];

const only = new Set((process.env.CARNET_HOSTILE_ROWS ?? '').split(',').filter(Boolean).map(Number));

const ms = (value: number) => `${value.toFixed(0)} ms`;
const cell = (text: string) => text.replace(/\|/g, '\\|');

function printReport(rows: Row[], seconds: number): void {
  console.log(`\nHostile benchmark: ${rows.length} rows in ${seconds.toFixed(0)} s, ${os.availableParallelism()} cores, Node ${process.version}, ${process.platform}\n`);
  console.log('| # | attack or fault | attempts | handled with a clear message | files lost or changed | escapes | worst unresponsive (ping round-trip) | worst event-loop lag |');
  console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    if (row.skipped) {
      console.log(`| ${row.n} | ${cell(row.name)} | — | ${cell(row.skipped)} | — | — | — | — |`);
      continue;
    }
    console.log(`| ${row.n} | ${cell(row.name)} | ${row.attempts} | ${row.handled} | ${row.lost} | ${row.escapes} | ${ms(row.worstPingMs)} (${row.pings} pings)${row.hostInvolved ? '' : ' †'} | ${ms(row.worstLagMs)}${row.hostInvolved ? '' : ' †'} |`);
  }
  if (rows.some((row) => !row.hostInvolved)) console.log('\n† The attack runs in other processes (the CLI, lock racers); the host only answers pings meanwhile, so these figures show the load on this machine, not the app stalling.');
  console.log('\nWhat the user was told (first 100 characters of the first clear message seen):\n');
  for (const row of rows) console.log(`${row.n}. ${row.skipped ? row.skipped : row.message ? `"${row.message}"` : '(no clear message seen)'}`);
  console.log('\nFigures behind the rows:\n');
  for (const row of rows) for (const extra of row.extras) console.log(`- ${row.n}: ${extra}`);
  const defects = rows.flatMap((row) => {
    const found = row.defects.map((d) => `row ${row.n}: ${d}`);
    if (!row.hostInvolved) return found;
    if (row.worstPingMs > UNRESPONSIVE_TARGET_MS && !row.defects.some((d) => d.includes('to answer a ping'))) found.push(`row ${row.n}: the host took up to ${ms(row.worstPingMs)} to answer a ping (target < ${UNRESPONSIVE_TARGET_MS} ms)`);
    if (row.worstLagMs > UNRESPONSIVE_TARGET_MS) found.push(`row ${row.n}: the event loop stalled up to ${ms(row.worstLagMs)} (target < ${UNRESPONSIVE_TARGET_MS} ms)`);
    return found;
  });
  console.log(`\nDefects (${defects.length}):\n`);
  for (const defect of defects) console.log(`- ${defect}`);
  if (defects.length === 0) console.log('- none');
}

const started = performance.now();
const bench = await startBench();
const rows: Row[] = [];
try {
  for (const [numbers, name, attack] of ATTACKS) {
    if (only.size && !numbers.some((n) => only.has(n))) continue;
    const t0 = performance.now();
    process.stderr.write(`[hostile] ${numbers.join(', ')}. ${name}… `);
    try {
      rows.push(...[await attack(bench)].flat());
    } catch (error) {
      // Setting the attack up failed: the rows say so rather than vanish from the table.
      for (const n of numbers) {
        const row = new Row(n, name);
        row.defect(`the bench could not run this attack: ${error instanceof Error ? error.message : String(error)}`);
        rows.push(row);
      }
    }
    process.stderr.write(`${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }
} finally {
  await bench.close();
}
printReport(rows.sort((a, b) => a.n - b.n), (performance.now() - started) / 1000);
