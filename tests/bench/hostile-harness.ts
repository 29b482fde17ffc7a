/**
 * The harness of the hostile benchmark: the real session behind the real web host, an API client,
 * and a pinger in a worker thread (its own event loop, so it keeps sending while the host's is stalled).
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { CarnetSession } from '../../electron/core/carnet-session.ts';
import { createDispatcher } from '../../electron/core/dispatcher.ts';
import { createHandlers } from '../../electron/core/handlers.ts';
import { startWebHost, type WebHost } from '../../electron/host/web-host.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface ApiAnswer<T = unknown> {
  status: number;
  ok: boolean;
  value?: T;
  error?: { code: string; message: string };
  /** The raw body, for answers that are not the contract's JSON. */
  body: string;
}

// ---------------------------------------------------------------------------------------------
// The pinger: a worker thread asking `appInfo` every 20 ms, and sampling the process's RSS.

const PINGER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let worst = 0, count = 0, errors = 0, peakRss = process.memoryUsage.rss(), sentAt = null, stopped = false;
function ping() {
  if (stopped) return;
  const started = performance.now();
  sentAt = started;
  const done = (failed) => {
    const rtt = performance.now() - started;
    sentAt = null;
    worst = Math.max(worst, rtt);
    count++;
    if (failed) errors++;
    setTimeout(ping, Math.max(0, 20 - rtt));
  };
  const req = http.request({ host: '127.0.0.1', port: workerData.port, path: '/' + workerData.token + '/api/appInfo', method: 'POST', agent,
    headers: { Host: '127.0.0.1:' + workerData.port, 'Content-Type': 'application/json', 'Content-Length': 2 } }, (res) => {
    res.resume();
    res.on('end', () => done(res.statusCode !== 200));
  });
  req.on('error', () => done(true));
  req.end('{}');
}
setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage.rss()); }, 20);
parentPort.on('message', (message) => {
  if (message === 'stop') { stopped = true; agent.destroy(); process.exit(0); }
  const pending = sentAt === null ? 0 : performance.now() - sentAt;
  parentPort.postMessage({ worst: Math.max(worst, pending), count, errors, peakRss: Math.max(peakRss, process.memoryUsage.rss()) });
  worst = 0; count = 0; errors = 0; peakRss = process.memoryUsage.rss();
});
ping();
`;

export interface PingReport {
  worst: number;
  count: number;
  errors: number;
  peakRss: number;
}

export class Pinger {
  private readonly worker: Worker;

  constructor(port: number, token: string) {
    this.worker = new Worker(PINGER, { eval: true, workerData: { port, token } });
  }

  /** The figures since the last mark, and a fresh start. */
  mark(): Promise<PingReport> {
    return new Promise((resolve) => {
      this.worker.once('message', (report: PingReport) => resolve(report));
      this.worker.postMessage('mark');
    });
  }

  async stop(): Promise<void> {
    this.worker.postMessage('stop');
    await new Promise((resolve) => this.worker.once('exit', resolve));
  }
}

// ---------------------------------------------------------------------------------------------
// The bench: a session on a copy of the sample vault, served by the web host, and what it logged.

export interface Bench {
  base: string;
  mainVault: string;
  outside: string;
  session: CarnetSession;
  host: WebHost;
  pinger: Pinger;
  /** Everything logged through console.error or the dispatcher's log, in order. */
  logged: string[];
  api: <T = unknown>(method: string, input?: unknown) => Promise<ApiAnswer<T>>;
  post: (route: string, body: string) => Promise<ApiAnswer>;
  lag: ReturnType<typeof monitorEventLoopDelay>;
  close: () => Promise<void>;
}

export async function startBench(): Promise<Bench> {
  const base = await fs.mkdtemp(path.join(os.tmpdir(), 'carnet-hostile-'));
  const mainVault = path.join(base, 'vault');
  const outside = path.join(base, 'outside');
  await fs.cp(path.join(PROJECT_ROOT, 'resources', 'sample-vault'), mainVault, { recursive: true });
  await fs.mkdir(outside);
  await fs.writeFile(path.join(outside, 'secret.txt'), 'OUTSIDE-SECRET-7f3a: a file beside the vault that nothing may copy or change.\n');
  await fs.writeFile(path.join(outside, 'hostname'), 'outside-host-7f3a\n');
  await fs.writeFile(path.join(base, 'outside.txt'), 'OUTSIDE-BESIDE-7f3a: beside the vault.\n');
  const rendererDir = path.join(base, 'renderer');
  await fs.mkdir(rendererDir);
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Carnet</title>');

  const logged: string[] = [];
  const originalError = console.error;
  console.error = (...args: unknown[]) => void logged.push(format(...args));
  const config = path.join(base, 'config');
  await fs.mkdir(config);
  const session = new CarnetSession({ configDir: config, documentsDir: config, resourcesDir: path.join(PROJECT_ROOT, 'resources'), systemLanguage: () => 'en' });
  await session.start(mainVault);
  const dispatch = createDispatcher(createHandlers(session, { front: 'web', openExternal: async () => false }), (line) => void logged.push(line), () => session.language());
  const host = await startWebHost({ dispatch, subscribe: (listener) => session.onEvent(listener), rendererDir });
  const pinger = new Pinger(host.port, host.token);
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();

  const post = (route: string, body: string): Promise<ApiAnswer> =>
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: `/${host.token}${route}`,
          method: 'POST',
          headers: { Host: `127.0.0.1:${host.port}`, Origin: `http://127.0.0.1:${host.port}`, 'Content-Type': 'application/json', 'Accept-Language': 'en' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let reply: { ok?: boolean; value?: unknown; error?: { code: string; message: string } } = {};
            try {
              reply = JSON.parse(text) as typeof reply;
            } catch {
              // Not the contract's JSON: the status and body say what happened.
            }
            resolve({ status: res.statusCode ?? 0, ok: reply.ok === true, value: reply.value, error: reply.error, body: text });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  const api = async <T = unknown>(method: string, input: unknown = {}): Promise<ApiAnswer<T>> => (await post(`/api/${method}`, JSON.stringify(input))) as ApiAnswer<T>;

  return {
    base,
    mainVault,
    outside,
    session,
    host,
    pinger,
    logged,
    api,
    post,
    lag,
    close: async () => {
      lag.disable();
      await pinger.stop();
      await host.close();
      await session.stop();
      console.error = originalError;
      await fs.rm(base, { recursive: true, force: true });
    },
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds or the time is up; false on timeout. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(50);
  }
  return false;
}
