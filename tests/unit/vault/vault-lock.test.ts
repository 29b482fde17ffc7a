import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { promisify } from 'node:util';
import { Vault } from '../../../electron/vault/vault.ts';
import { VaultLock } from '../../../electron/vault/vault-lock.ts';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { deadPid, isDead, lockRacerScript } from '../../helpers/lock-racer.ts';

const run = promisify(execFile);
const OPEN_IN_CHILD = `
import { Vault } from ${JSON.stringify(path.resolve(import.meta.dirname, '../../../electron/vault/vault.ts'))};
try { const v = await Vault.open(process.argv[1], { watch: false }); console.log('opened'); await v.close(); }
catch (e) { console.log(e.code + ': ' + e.message); }
`;

async function newVault(): Promise<{ root: string; remove: () => Promise<void> }> {
  const { dir, remove } = await tempDir();
  const root = path.join(dir, 'vault');
  await (await Vault.create(root)).close();
  return { root, remove };
}

test('a second process cannot open a vault that is open: it gets a clear lock error', async () => {
  const { root, remove } = await newVault();
  const vault = await Vault.open(root, { watch: false });
  try {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', OPEN_IN_CHILD, root]);
    assert.match(stdout, /^locked: This vault is already open in another Carnet window \(process \d+/);
    assert.match(stdout, /open this vault read-only/);
  } finally {
    await vault.close();
    await remove();
  }
});

test('after the first process closes the vault, a second one opens it', async () => {
  const { root, remove } = await newVault();
  try {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', OPEN_IN_CHILD, root]);
    assert.equal(stdout.trim(), 'opened');
  } finally {
    await remove();
  }
});

test('a lock left by a dead process is taken over', async () => {
  const { root, remove } = await newVault();
  try {
    const child = spawn(process.execPath, ['-e', '']);
    const deadPid = child.pid as number;
    await new Promise((resolve) => child.once('exit', resolve));
    await fs.writeFile(path.join(root, '.carnet', 'lock'), JSON.stringify({ pid: deadPid, host: os.hostname(), since: '2026-01-01T00:00:00Z' }));
    const vault = await Vault.open(root, { watch: false });
    const lock = JSON.parse(await fs.readFile(path.join(root, '.carnet', 'lock'), 'utf8')) as { pid: number };
    assert.equal(lock.pid, process.pid);
    await vault.close();
    await assert.rejects(fs.access(path.join(root, '.carnet', 'lock')), 'closing releases the lock');
  } finally {
    await remove();
  }
});

test('an empty lock file left by a crash long ago is taken over; a fresh one is waited for, then respected', async () => {
  const { root, remove } = await newVault();
  const lockFile = path.join(root, '.carnet', 'lock');
  try {
    await fs.writeFile(lockFile, '');
    // Its writer stays busy writing it (kept fresh), past the whole patience window.
    const fresh = setInterval(() => void fs.utimes(lockFile, new Date(), new Date()).catch(() => undefined), 200);
    const started = Date.now();
    await assert.rejects(
      Vault.open(root, { watch: false }).finally(() => clearInterval(fresh)),
      (error: unknown) =>
        error instanceof CarnetError &&
        error.code === 'locked' &&
        /^Another Carnet is opening this vault at this very moment\./.test(error.in('en')) &&
        /^Un autre Carnet est en train d’ouvrir ce coffre/.test(error.in('fr')),
    );
    assert.ok(Date.now() - started >= 4_500, `waited ${Date.now() - started} ms before giving up`);
    const old = new Date(Date.now() - 60_000);
    await fs.utimes(lockFile, old, old);
    const vault = await Vault.open(root, { watch: false });
    await vault.close();
  } finally {
    await remove();
  }
});

test('a lock held from another machine (a shared folder) is respected', async () => {
  const { root, remove } = await newVault();
  try {
    await fs.writeFile(path.join(root, '.carnet', 'lock'), JSON.stringify({ pid: 1, host: 'field-laptop', since: '2026-11-01T08:00:00Z' }));
    await assert.rejects(Vault.open(root, { watch: false }), /process 1 on field-laptop/);
    const readOnly = await Vault.open(root, { readOnly: true, watch: false });
    assert.equal(readOnly.info().readOnly, true);
    await readOnly.close();
  } finally {
    await remove();
  }
});

// ---------------------------------------------------------------------------------------------
// Takeover races, reused PIDs, and release: the lock is held by one process at a time, always.

const LOCK_MODULE = path.resolve(import.meta.dirname, '../../../electron/vault/vault-lock.ts');
const HOLD_MS = 50;
const TRIALS = Number(process.env.CARNET_LOCK_TRIALS) || 200;

const RACER = lockRacerScript(HOLD_MS);

/** Takes the lock and holds it until its stdin closes. */
const HOLDER = `
import { VaultLock } from ${JSON.stringify(LOCK_MODULE)};
const lock = await VaultLock.acquire(process.argv[1]);
console.log('held');
process.stdin.resume();
process.stdin.on('end', async () => { await lock.release(); process.exit(0); });
`;

interface Child {
  child: ChildProcess;
  next: (timeoutMs?: number) => Promise<string>;
  send: (line: string) => void;
  stop: () => Promise<void>;
}

/** A child running `script` (an ES module) with `arg`, read line by line. */
function startChild(script: string, arg: string): Child {
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, arg], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const waiter = waiting.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  return {
    child,
    send: (line) => child.stdin?.write(`${line}\n`),
    next: (timeoutMs = 15_000) => {
      const ready = lines.shift();
      if (ready !== undefined) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`child ${child.pid} said nothing for ${timeoutMs} ms`)), timeoutMs);
        waiting.push((line) => {
          clearTimeout(timer);
          resolve(line);
        });
      });
    },
    stop: async () => {
      child.stdin?.end();
      const timer = setTimeout(() => child.kill(), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function bootId(): Promise<string | null> {
  if (process.platform !== 'linux') return null;
  return (await fs.readFile('/proc/sys/kernel/random/boot_id', 'utf8')).trim();
}

async function lockDir(): Promise<{ root: string; file: string; remove: () => Promise<void> }> {
  const { dir, remove } = await tempDir();
  await fs.mkdir(path.join(dir, '.carnet'));
  return { root: dir, file: path.join(dir, '.carnet', 'lock'), remove };
}

test(`many processes finding a stale lock at once: exactly one holds it (${TRIALS} rounds)`, { timeout: 170_000 }, async (t) => {
  const { root, file, remove } = await lockDir();
  const host = os.hostname();
  const boot = await bootId();
  const racers = Array.from({ length: 6 }, () => startChild(RACER, root));
  const started = Date.now();
  let dead = await deadPid();
  let overlaps = 0;
  let noHolder = 0;
  const holdersPerRound = new Map<number, number>();
  const overlapRounds: string[] = [];
  try {
    for (const racer of racers) assert.equal(await racer.next(30_000), 'ready');
    for (let round = 0; round < TRIALS; round++) {
      while (!isDead(dead)) dead = await deadPid();
      // Every round starts from a stale lock: a dead PID, in the old format or the new one.
      const stale =
        round % 2 === 0
          ? { pid: dead, host, since: '2026-01-01T00:00:00.000Z' }
          : { pid: dead, host, since: '2026-01-01T00:00:00.000Z', nonce: `stale-${round}`, startTime: '12345', bootId: boot };
      await fs.writeFile(file, JSON.stringify(stale));
      const count = 3 + Math.floor(Math.random() * 4);
      const racing = [...racers].sort(() => Math.random() - 0.5).slice(0, count);
      const startAt = Date.now() + 15;
      for (const racer of racing) racer.send(`${round} ${startAt}`);
      const answers = await Promise.all(racing.map((racer) => racer.next()));
      for (const answer of answers) {
        const [said, outcome, code] = answer.split(' ');
        assert.equal(Number(said), round, answer);
        if (outcome === 'lost') assert.equal(code, 'locked', answer);
        else assert.ok(outcome === 'held' || outcome === 'overlap', answer);
      }
      const holders = answers.filter((answer) => !answer.includes(' lost')).length;
      const overlapping = answers.filter((answer) => answer.endsWith(' overlap')).length;
      holdersPerRound.set(holders, (holdersPerRound.get(holders) ?? 0) + 1);
      if (holders === 0) noHolder++;
      if (overlapping > 0) {
        overlaps++;
        overlapRounds.push(`round ${round} (${count} racers): ${answers.join(', ')}`);
      }
      await assert.rejects(fs.access(path.join(root, 'holder')), 'the holder unmarked itself');
    }
  } finally {
    await Promise.all(racers.map((racer) => racer.stop()));
    t.diagnostic(
      `${TRIALS} rounds in ${((Date.now() - started) / 1000).toFixed(1)} s: ${overlaps} with two holders at once, ${noHolder} with no holder; ` +
        `holders per round ${JSON.stringify(Object.fromEntries(holdersPerRound))}`,
    );
    await remove();
  }
  assert.deepEqual(overlapRounds, [], 'never two holders at once');
  assert.equal(noHolder, 0, 'a stale lock is always taken over by someone');
  assert.deepEqual(await fs.readdir(path.join(root, '.carnet')).catch(() => []), [], 'no lock, no claim left behind');
});

test('a lock naming a live process that is not a Carnet (PID 1, a reused PID, a reboot) is taken over', async () => {
  const { root, file, remove } = await lockDir();
  const host = os.hostname();
  const boot = await bootId();
  const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
  const sleeperPid = sleeper.pid as number;
  const takesOver = async (stale: object, why: string) => {
    await fs.writeFile(file, JSON.stringify(stale));
    const lock = await VaultLock.acquire(root).catch((error: unknown) => assert.fail(`${why}: ${String(error)}`));
    const written = JSON.parse(await fs.readFile(file, 'utf8')) as { pid: number; nonce: string };
    assert.equal(written.pid, process.pid, why);
    assert.equal(written.nonce, lock.owner.nonce, why);
    await lock.release();
    await assert.rejects(fs.access(file), `${why}: released`);
  };
  try {
    await takesOver({ pid: 1, host, since: '2026-01-01T00:00:00.000Z' }, 'old format, PID 1');
    await takesOver({ pid: 1, host, since: '2026-01-01T00:00:00.000Z', nonce: 'n', startTime: 'not-its-start', bootId: boot }, 'PID 1, another start time');
    await takesOver(
      { pid: sleeperPid, host, since: new Date(Date.now() - 3_600_000).toISOString() },
      'old format, a PID whose process started after the lock was written',
    );
    await takesOver(
      { pid: process.pid, host, since: new Date().toISOString(), nonce: 'n', startTime: 'not-our-start', bootId: boot },
      'our own PID, another start time (a PID reused by us)',
    );
    if (process.platform === 'linux') {
      const stat = await fs.readFile(`/proc/${sleeperPid}/stat`, 'utf8');
      const startTime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
      await takesOver({ pid: sleeperPid, host, since: new Date().toISOString(), nonce: 'n', startTime, bootId: 'another-boot' }, 'another boot');
    }
  } finally {
    sleeper.kill();
    await remove();
  }
});

test('a lock held by a live Carnet is refused, saying who holds it and what to do, in English and French', async () => {
  const { root, file, remove } = await lockDir();
  const holder = startChild(HOLDER, root);
  try {
    assert.equal(await holder.next(30_000), 'held');
    const before = await fs.readFile(file, 'utf8');
    const pid = holder.child.pid as number;
    await assert.rejects(VaultLock.acquire(root), (error: unknown) => {
      assert.ok(error instanceof CarnetError);
      assert.equal(error.code, 'locked');
      assert.match(
        error.in('en'),
        new RegExp(
          `^This vault is already open in another Carnet window \\(process ${pid}, since \\S+\\)\\. Close it there, or open this vault read-only\\. ` +
            `If no other Carnet is running \\(after a crash\\), delete \\.carnet/lock in the vault folder\\.$`,
        ),
      );
      assert.match(
        error.in('fr'),
        new RegExp(
          `^Ce coffre est déjà ouvert dans une autre fenêtre de Carnet \\(processus ${pid}, depuis \\S+\\)\\. Fermez-le là-bas, ou ouvrez ce coffre en lecture seule\\. ` +
            `Si aucun autre Carnet n’est ouvert \\(après un plantage\\), supprimez \\.carnet/lock dans le dossier du coffre\\.$`,
        ),
      );
      return true;
    });
    assert.equal(await fs.readFile(file, 'utf8'), before, 'the holder’s lock is left as it was');
    // And the same process asking twice is refused too: its own lock is live.
    await holder.stop();
    const mine = await VaultLock.acquire(root);
    await assert.rejects(VaultLock.acquire(root), (error: unknown) => error instanceof CarnetError && error.code === 'locked' && /déjà ouvert/.test(error.in('fr')));
    await mine.release();
  } finally {
    await holder.stop();
    await remove();
  }
});

test('release() removes the lock only while it is still ours', async () => {
  const { root, file, remove } = await lockDir();
  try {
    const first = await VaultLock.acquire(root);
    // The lock went away under it (someone cleaned .carnet), and another opening in this same process took it.
    await fs.rm(file);
    const second = await VaultLock.acquire(root);
    await first.release();
    const left = JSON.parse(await fs.readFile(file, 'utf8')) as { pid: number; nonce: string };
    assert.equal(left.nonce, second.owner.nonce, 'the other lock is still there');
    // Someone else's lock, even naming our PID and host, is not ours either.
    const foreign = JSON.stringify({ ...second.owner, nonce: 'someone-else' });
    await fs.writeFile(file, foreign);
    await second.release();
    assert.equal(await fs.readFile(file, 'utf8'), foreign);
    await fs.rm(file);
    const third = await VaultLock.acquire(root);
    await third.release();
    await assert.rejects(fs.access(file), 'our own lock is removed');
  } finally {
    await remove();
  }
});

test('a takeover interrupted by a crash (a claim left by a dead process) does not block the vault', async () => {
  const { root, file, remove } = await lockDir();
  try {
    const host = os.hostname();
    const stale = JSON.stringify({ pid: await deadPid(), host, since: '2026-01-01T00:00:00.000Z' });
    await fs.writeFile(file, stale);
    // The claim name is the lock's: `lock.claim-` and the first 16 hex digits of the SHA-256 of the stale content.
    const claim = `${file}.claim-${createHash('sha256').update(stale).digest('hex').slice(0, 16)}`;
    await fs.writeFile(claim, JSON.stringify({ pid: await deadPid(), host, since: new Date().toISOString(), nonce: 'crashed', startTime: '1', bootId: await bootId() }));
    const lock = await VaultLock.acquire(root);
    assert.deepEqual((await fs.readdir(path.dirname(file))).sort(), ['lock']);
    await lock.release();
  } finally {
    await remove();
  }
});

/** The machine's boot time as Carnet computes it where there is no boot id. */
function bootTimeNow(): number {
  return Date.now() - os.uptime() * 1000;
}

test('where boot ids cannot tell, a lock recorded in another boot (by its boot time) is taken over, even naming a live PID', async () => {
  const { root, file, remove } = await lockDir();
  const host = os.hostname();
  const boot = bootTimeNow();
  // A live process that is not a Carnet (the test runner), no start time (as on Windows), no boot id.
  const lockFrom = (bootTime: number, since: number) => JSON.stringify({ pid: process.ppid, host, since: new Date(since).toISOString(), nonce: 'n', startTime: null, bootId: null, bootTime });
  try {
    // The same boot (within a minute's jitter): the live PID holds it.
    for (const bootTime of [boot + 30_000, boot - 30_000]) {
      await fs.writeFile(file, lockFrom(bootTime, Date.now() - 1_000));
      await assert.rejects(VaultLock.acquire(root), (error: unknown) => error instanceof CarnetError && error.code === 'locked' && error.in('en').includes(`process ${process.ppid}`));
    }
    // A boot time far from today's, but the lock written after today's boot: a clock stepped back, not a reboot.
    await fs.writeFile(file, lockFrom(boot - 86_400_000, Date.now() - 1_000));
    await assert.rejects(VaultLock.acquire(root), (error: unknown) => error instanceof CarnetError && error.code === 'locked');
    // Written a day ago in a boot that ended since: every process of then is gone, whoever has that PID now.
    await fs.writeFile(file, lockFrom(boot - 86_400_000, boot - 82_800_000));
    const lock = await VaultLock.acquire(root);
    const written = JSON.parse(await fs.readFile(file, 'utf8')) as { pid: number; nonce: string; bootTime: number };
    assert.equal(written.pid, process.pid);
    assert.equal(written.nonce, lock.owner.nonce);
    assert.ok(Math.abs(written.bootTime - bootTimeNow()) < 2_000, `records its boot time: ${written.bootTime} vs ${bootTimeNow()}`);
    await lock.release();
    // A lock from before boot times were recorded keeps the old rule: a live PID with no start time holds it.
    await fs.writeFile(file, JSON.stringify({ pid: process.ppid, host, since: new Date(boot - 82_800_000).toISOString(), nonce: 'n', startTime: null, bootId: null }));
    await assert.rejects(VaultLock.acquire(root), (error: unknown) => error instanceof CarnetError && error.code === 'locked');
  } finally {
    await remove();
  }
});

test('file-system failures come out as plain words, never as a raw error code', async () => {
  const { root, file, remove } = await lockDir();
  try {
    // .carnet/lock is a folder.
    await fs.mkdir(file);
    await assert.rejects(VaultLock.acquire(root), (error: unknown) => {
      assert.ok(error instanceof CarnetError, String(error));
      assert.equal(error.code, 'io');
      assert.match(error.in('en'), /^\.carnet\/lock is a folder where Carnet expected a file/);
      assert.match(error.in('fr'), /^\.carnet\/lock est un dossier/);
      assert.doesNotMatch(error.in('en') + error.in('fr'), /EISDIR|EEXIST/);
      return true;
    });
    assert.ok((await fs.stat(file)).isDirectory(), 'left as it was');
    await fs.rm(file, { recursive: true });
    // .carnet is a file.
    await fs.rm(path.join(root, '.carnet'), { recursive: true });
    await fs.writeFile(path.join(root, '.carnet'), '');
    await assert.rejects(VaultLock.acquire(root), (error: unknown) => {
      assert.ok(error instanceof CarnetError, String(error));
      assert.match(error.in('en'), /^A file stands where Carnet expected a folder on the way to \.carnet\/lock/);
      assert.doesNotMatch(error.in('en') + error.in('fr'), /EEXIST|ENOTDIR/);
      return true;
    });
  } finally {
    await remove();
  }
});

test('a lock another Carnet is still writing is waited for: it opens once that one gives up, or names that one once written', async () => {
  const { root, file, remove } = await lockDir();
  try {
    // The other Carnet failed to write its lock and removed it.
    await fs.writeFile(file, '');
    const gone = setTimeout(() => void fs.rm(file, { force: true }), 300);
    const started = Date.now();
    const lock = await VaultLock.acquire(root).finally(() => clearTimeout(gone));
    assert.ok(Date.now() - started >= 250, 'waited for it');
    await lock.release();
    // The other Carnet finished writing its lock: it holds the vault.
    await fs.writeFile(file, '');
    const other = { pid: process.ppid, host: os.hostname(), since: new Date().toISOString(), nonce: 'other', startTime: null, bootId: await bootId(), bootTime: bootTimeNow() };
    const written = setTimeout(() => void fs.writeFile(file, JSON.stringify(other)), 300);
    await assert.rejects(
      VaultLock.acquire(root).finally(() => clearTimeout(written)),
      (error: unknown) => error instanceof CarnetError && error.code === 'locked' && error.in('en').startsWith(`This vault is already open in another Carnet window (process ${process.ppid},`),
    );
    assert.deepEqual(JSON.parse(await fs.readFile(file, 'utf8')), other, 'its lock is left as it was');
  } finally {
    await remove();
  }
});
