/**
 * Attacks through the file system and the transport: links in an imported folder (the CLI's code
 * path), linked vault folders, the stale-lock race, a vault in /proc, a broken % escape. Rows 7, 8, 11, 12, 13.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { promisify } from 'node:util';
import { PROJECT_ROOT, type Bench } from './hostile-harness.ts';
import { compare, isClear, losses, measure, Row, short, snapshot } from './hostile-measure.ts';
import { deadPid, isDead, lockRacerScript } from '../helpers/lock-racer.ts';
import { backToMain } from './hostile-attacks.ts';
import { Vault } from '../../electron/vault/vault.ts';
import type { NoteDetail, VaultInfo } from '../../electron/vault/vault-records.ts';

const run = promisify(execFile);

// ---------------------------------------------------------------------------------------------
// Row 7: a folder full of links, imported with `carnet import` (the CLI's own process).

interface CliReport {
  counts: { imported: number; duplicates: number; failed: number; skipped: number };
  results: { name: string; path: string; status: string; reason?: string }[];
  links: { name: string; path: string; kind: string; reason: string }[];
}

export async function folderLinks(bench: Bench): Promise<Row> {
  const row = new Row(7, 'Folder import with links (outside file, /etc/passwd, dangling, linked folder, outside .md) via `carnet import`, 3 runs');
  row.hostInvolved = false;
  const vaultDir = path.join(bench.base, 'cli-vault');
  await (await Vault.create(vaultDir, 'CLI')).close();
  const folder = path.join(bench.base, 'import-folder');
  await fs.mkdir(folder);
  await fs.writeFile(path.join(folder, 'article.txt'), 'A real article\n\nThe six Mekong countries met again to review their cooperation against trafficking, and agreed on a new plan.\n');
  const links: Record<string, string> = {
    'to-outside.txt': path.join(bench.outside, 'secret.txt'),
    'to-passwd.txt': '/etc/passwd',
    'dangling.txt': path.join(bench.outside, 'no-such-file.txt'),
    'linked-folder': bench.outside,
    'to-hostname.md': path.join(bench.outside, 'hostname'),
  };
  for (const [name, target] of Object.entries(links)) await fs.symlink(target, path.join(folder, name));
  const secrets = ['OUTSIDE-SECRET-7f3a', 'outside-host-7f3a', ...(await fs.readFile('/etc/passwd', 'utf8').catch(() => '')).split('\n').filter((line) => line.length > 12).slice(0, 3)];

  await measure(bench, row, async () => {
    for (let runNumber = 1; runNumber <= 3; runNumber++) {
      const before = await snapshot(vaultDir);
      const child = await run(process.execPath, [path.join(PROJECT_ROOT, 'electron', 'cli', 'cli-main.ts'), 'import', '--vault', vaultDir, '--json', folder], { maxBuffer: 16 * 1048576 }).catch(
        (error: { stdout?: string; stderr?: string; code?: number }) => ({ stdout: error.stdout ?? '', stderr: `${error.stderr ?? ''} (exit ${error.code})` }),
      );
      row.lose(losses(compare(before, await snapshot(vaultDir)), (f) => f.startsWith('.carnet/')), `run ${runNumber}`);
      let report: CliReport | null = null;
      try {
        report = JSON.parse(child.stdout) as CliReport;
      } catch {
        row.defect(`run ${runNumber}: the CLI printed no JSON report: ${short(child.stdout + child.stderr, 300)}`);
      }
      for (const name of Object.keys(links)) {
        const link = report?.links.find((l) => l.name === name);
        const imported = report?.results.find((r) => r.name === name && r.status !== 'failed');
        row.attempt(link !== undefined && imported === undefined, link?.reason ?? '', imported ? `${name} was imported (${imported.status})` : `${name} has no line saying why it was not followed`);
      }
      for (const entry of await fs.readdir(vaultDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const text = await fs.readFile(path.join(entry.parentPath, entry.name), 'latin1');
        const leaked = secrets.filter((secret) => text.includes(secret));
        if (leaked.length) row.escape([`${path.relative(vaultDir, path.join(entry.parentPath, entry.name))} holds bytes of an outside file (${leaked[0]?.slice(0, 20)}…)`], `run ${runNumber}`);
      }
      if (runNumber === 1) row.extras.push(`CLI summary: ${report ? `${report.counts.imported} imported, ${report.counts.failed} failed, ${report.links.length} links not followed (${report.links.map((l) => `${l.name}: ${l.kind}`).join(', ')})` : 'none'}`);
    }
  });
  return row;
}

// ---------------------------------------------------------------------------------------------
// Row 8: a vault whose notes/, .carnet/ or sources/originals/ is a link out of it.

export async function linkedVaultFolders(bench: Bench): Promise<Row> {
  const row = new Row(8, 'Vault whose notes/, .carnet/ or sources/originals/ is a symlink to an outside folder (open, then try to write)');
  const vaults: [string, string][] = [];
  for (const folder of ['notes', '.carnet', 'sources/originals']) {
    const root = path.join(bench.base, `linked-${folder.replace(/[/.]/g, '')}`, 'vault');
    await (await Vault.create(root, `Linked ${folder}`)).close();
    const target = path.join(bench.outside, `linked-${folder.replace(/[/.]/g, '')}`);
    await fs.cp(path.join(root, folder), target, { recursive: true });
    await fs.rm(path.join(root, folder), { recursive: true });
    await fs.symlink(target, path.join(root, folder));
    vaults.push([folder, root]);
  }
  await measure(bench, row, async () => {
    for (let round = 0; round < 2; round++) {
      for (const [folder, root] of vaults) {
        const opened = await bench.api<VaultInfo>('openVault', { path: root });
        const reason = opened.value?.readOnlyReason?.en ?? opened.error?.message ?? opened.body;
        const note = opened.ok ? await bench.api<NoteDetail>('createNote', { title: 'Escape attempt', body: 'written outside?' }) : null;
        const imported = opened.ok ? await bench.api('importFile', { name: 'escape.txt', dataBase64: Buffer.from('An article that must not land outside the vault, whatever the links say.\n').toString('base64') }) : null;
        const refused = note !== null && !note.ok && isClear(note.error?.message) && imported !== null && !imported.ok;
        const why = !opened.ok ? `did not open: ${opened.error?.message}` : !opened.value?.readOnly ? 'opened writable' : !refused ? `a write was not refused clearly (createNote: ${note?.error?.message ?? 'accepted'}; importFile: ${imported?.error?.message ?? 'accepted'})` : '';
        row.attempt(opened.ok && opened.value?.readOnly === true && refused, reason, `${folder}: ${why}`);
        if (round === 0 && note?.error) row.extras.push(`${folder}: a note refused with "${short(note.error.message)}"`);
      }
    }
    await backToMain(bench);
  });
  return row;
}

// ---------------------------------------------------------------------------------------------
// Row 11: 3–6 processes finding the same stale lock at the same instant, 50 rounds.

const RACER = lockRacerScript();

function racer(root: string): { child: ChildProcess; next: () => Promise<string>; send: (line: string) => void } {
  const child = spawn(process.execPath, ['--input-type=module', '-e', RACER, root], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const waiter = waiting.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  return {
    child,
    send: (line) => child.stdin?.write(`${line}\n`),
    next: () => {
      const ready = lines.shift();
      if (ready !== undefined) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`racer ${child.pid} said nothing for 20 s`)), 20_000);
        waiting.push((line) => (clearTimeout(timer), resolve(line)));
      });
    },
  };
}

export async function staleLockRace(bench: Bench): Promise<Row> {
  const row = new Row(11, 'Stale lock race: 3–6 processes take over a dead PID’s lock at once, 50 rounds');
  const root = path.join(bench.base, 'lock-race');
  await fs.mkdir(path.join(root, '.carnet'), { recursive: true });
  const file = path.join(root, '.carnet', 'lock');
  const racers = Array.from({ length: 6 }, () => racer(root));
  let twoHolders = 0;
  let noHolder = 0;
  const perRound = new Map<number, number>();
  let dead = await deadPid();
  try {
    await measure(bench, row, async () => {
      for (const r of racers) if ((await r.next()) !== 'ready') throw new Error('a racer did not start');
      for (let round = 0; round < 50; round++) {
        while (!isDead(dead)) dead = await deadPid();
        await fs.writeFile(file, JSON.stringify({ pid: dead, host: os.hostname(), since: '2026-01-01T00:00:00.000Z' }));
        const racing = [...racers].sort(() => Math.random() - 0.5).slice(0, 3 + Math.floor(Math.random() * 4));
        const startAt = Date.now() + 20;
        for (const r of racing) r.send(`${round} ${startAt}`);
        const answers = await Promise.all(racing.map((r) => r.next()));
        const holders = answers.filter((a) => / (held|overlap)$/.test(a)).length;
        const overlap = answers.some((a) => a.endsWith(' overlap'));
        if (overlap) twoHolders++;
        if (holders === 0) noHolder++;
        const lost = answers.filter((a) => a.includes(' lost '));
        const message = lost[0]?.replace(/^\d+ lost \S+ /, '') ?? 'one racer took the lock; the others were told it is held';
        const strange = answers.filter((a) => !/ (held|overlap)$/.test(a) && !/ lost locked /.test(a));
        perRound.set(holders, (perRound.get(holders) ?? 0) + 1);
        // Two holders one after the other (the first released, a patient racer took it next) is the lock working; two at once is not.
        row.attempt(!overlap && holders >= 1 && strange.length === 0, message, overlap ? `round ${round}: two holders at once: ${answers.join(' | ')}` : holders === 0 ? `round ${round}: nobody took the stale lock: ${answers.join(' | ')}` : `round ${round}: ${strange.join(' | ')}`);
      }
    });
  } finally {
    for (const r of racers) r.child.stdin?.end();
    await Promise.all(racers.map((r) => new Promise((resolve) => (r.child.exitCode !== null ? resolve(null) : r.child.once('exit', resolve)))));
  }
  row.extras.push(`rounds with two holders at once: ${twoHolders} (target 0); rounds with no holder: ${noHolder}; successive holders per round ${JSON.stringify(Object.fromEntries(perRound))}`);
  row.hostInvolved = false;
  return row;
}

// ---------------------------------------------------------------------------------------------
// Row 12: a vault in /proc, where `mkdir -p` never ends.

export async function vaultInProc(bench: Bench): Promise<Row> {
  const row = new Row(12, 'createVault at /proc/carnet-x through the API');
  await measure(bench, row, async () => {
    let worst = 0;
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const reply = await bench.api('createVault', { path: '/proc/carnet-x' });
      const ms = performance.now() - started;
      worst = Math.max(worst, ms);
      row.attempt(!reply.ok && ms < 1000, reply.error?.message ?? reply.body, reply.ok ? 'a vault was created in /proc' : `answered in ${ms.toFixed(0)} ms`);
    }
    const info = await bench.api<VaultInfo>('vaultInfo');
    if (info.value?.root !== bench.mainVault) row.defect(`the open vault changed to ${info.value?.root ?? info.error?.message}`);
    row.extras.push(`slowest answer: ${worst.toFixed(0)} ms (target < 1,000 ms)`);
  });
  return row;
}

// ---------------------------------------------------------------------------------------------
// Row 13: an API method name with a broken % escape.

export async function brokenEscape(bench: Bench): Promise<Row> {
  const row = new Row(13, 'Broken % escape in the API method name (/api/%E0%A4%A ×5, %, list%ZZNotes, %C0%AF)');
  await measure(bench, row, async () => {
    for (const escape of ['%E0%A4%A', '%E0%A4%A', '%E0%A4%A', '%E0%A4%A', '%E0%A4%A', '%', 'list%ZZNotes', '%C0%AF']) {
      const logged = bench.logged.length;
      const answer = await bench.post(`/api/${escape}`, '{}');
      const quiet = bench.logged.length === logged;
      row.attempt(answer.status === 400 && quiet, answer.error?.message ?? answer.body, answer.status !== 400 ? `${escape}: HTTP ${answer.status}` : `${escape}: something was logged`);
    }
  });
  return row;
}
