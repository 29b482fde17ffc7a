import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { CarnetError } from '../core/carnet-error.ts';
import type { ImportInput, ImportedDocument } from './imported-document.ts';
import type { ImportReply, ImportRequest } from './import-messages.ts';

/**
 * Imports run in a worker thread, so that a heavy or hostile file never stalls the app's own
 * thread (the window's IPC, the web host), and with limits, so that it cannot take the machine:
 * a time limit per file, a V8 heap limit (the worker dies with ERR_WORKER_OUT_OF_MEMORY), and a
 * watch on its buffers, since decompressed data (a PDF's streams) lives outside the heap and no
 * `resourceLimits` option bounds it. Past a limit the worker is ended and the file refused
 * with the reason; the next file gets a fresh worker.
 *
 * A small pool rather than one worker per file: a warm worker has jsdom and pdfjs loaded already,
 * which costs a new one ~0.7 s per file (a warm one adds ~1.5 ms to a file's ~10 ms).
 * At most two workers, and one on a two-core machine, so that the window and the search worker
 * keep a core; idle workers are unreferenced and end after a while, returning their memory.
 */

export interface ImportLimits {
  /** Wall-clock time for one file, from the moment a worker takes it. Default: 60 s, plus 5 s per MB. */
  timeMs?: number;
  /** The worker's buffers (outside the heap), checked while it works. Default: 1,024 MB. */
  bufferMb?: number;
}

/** A 10 MB saved page (150,000 elements) peaks at ~1.6 GB of heap in jsdom and Readability. */
const HEAP_MB = 2048;
/** Readability recurses along the tree, whose depth html-limits.ts caps at 400: 4 MB is plenty. */
const STACK_MB = 4;
/** Buffers hold the file and what pdfjs decodes, which pdf-limits.ts caps at 512 MB in all. */
const BUFFER_MB = 1024;
const MEMORY_CHECK_MS = 100;
const IDLE_MS = 20_000;
/** A worker is replaced after this many files, so that whatever a long batch leaves behind in it does not pile up. */
const RECYCLE_AFTER = 200;
const MAX_WORKERS = Math.max(1, Math.min(2, os.availableParallelism() - 1));

export function defaultTimeLimitMs(size: number): number {
  return 60_000 + Math.floor(size / 1048576) * 5_000;
}

/**
 * The worker script next to this module: the .ts source in development and tests, the bundled .js
 * when built. Packaged, the bundle sits in app.asar, and the worker unpacked beside it
 * (electron-builder's asarUnpack): a worker thread loads a plain file.
 */
export function defaultImportWorkerUrl(moduleUrl: string = import.meta.url): URL {
  const url = new URL(moduleUrl.endsWith('.ts') ? './import-worker.ts' : './import-worker.js', moduleUrl);
  return new URL(url.href.replace(/\/app\.asar\//, '/app.asar.unpacked/'));
}

interface Task {
  input: ImportInput;
  limits: ImportLimits;
  siteChrome?: string[];
  resolve: (document: ImportedDocument) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  task?: Task & { id: number; timer: NodeJS.Timeout; memoryCheck: NodeJS.Timeout };
  served: number;
  idle?: NodeJS.Timeout;
  retired: boolean;
}

const queue: Task[] = [];
const slots: Slot[] = [];
let nextId = 1;

/**
 * Reads one file in a worker thread; rejects with a CarnetError the user can read, whatever happens there.
 * `siteChrome`: for a text capture, the lines of its site's chrome learnt from other captures (site-chrome.ts).
 */
export function importInWorker(input: ImportInput, limits: ImportLimits = {}, siteChrome?: Iterable<string>): Promise<ImportedDocument> {
  return new Promise((resolve, reject) => {
    queue.push({ input, limits, resolve, reject, ...(siteChrome ? { siteChrome: [...siteChrome] } : {}) });
    pump();
  });
}

/** Ends every import worker (files being read are refused); for a clean shutdown and for tests. */
export async function stopImportWorkers(): Promise<void> {
  for (const task of queue.splice(0)) task.reject(stopped());
  await Promise.all([...slots].map((slot) => retire(slot, stopped())));
}

function pump(): void {
  while (queue.length > 0) {
    const slot = slots.find((s) => !s.task && !s.retired) ?? (slots.length < MAX_WORKERS ? spawn() : undefined);
    if (!slot) return;
    start(slot, queue.shift()!);
  }
}

function spawn(): Slot {
  const worker = new Worker(defaultImportWorkerUrl(), { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, stackSizeMb: STACK_MB } });
  worker.unref();
  const slot: Slot = { worker, served: 0, retired: false };
  slots.push(slot);
  worker.on('message', (reply: ImportReply) => {
    const task = slot.task;
    if (slot.retired || !task || reply.id !== task.id) return;
    finish(slot);
    if ('error' in reply) task.reject(new CarnetError(reply.error.code, { en: reply.error.en, fr: reply.error.fr }));
    else task.resolve({ ...reply.document, original: { bytes: reply.original.bytes ?? task.input.bytes, extension: reply.original.extension } });
    if (++slot.served >= RECYCLE_AFTER) void retire(slot);
    else idle(slot);
    pump();
  });
  worker.on('error', (error: Error) => void retire(slot, (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooMuchMemory(HEAP_MB) : crashed(error.message)));
  worker.on('exit', (code) => void retire(slot, crashed(`exit code ${code}`)));
  return slot;
}

function start(slot: Slot, task: Task): void {
  clearTimeout(slot.idle);
  const id = nextId++;
  const timeMs = task.limits.timeMs ?? defaultTimeLimitMs(task.input.bytes.length);
  const bufferMb = task.limits.bufferMb ?? BUFFER_MB;
  const timer = setTimeout(() => void retire(slot, tooSlow(timeMs)), timeMs).unref();
  let measuring = false;
  const memoryCheck = setInterval(() => {
    // A worker busy in native code answers late: one question at a time. (Electron's Node has had
    // `getHeapStatistics` on workers since 22.16; without it, the heap limit and the time limit remain.)
    if (measuring || typeof slot.worker.getHeapStatistics !== 'function') return;
    measuring = true;
    slot.worker
      .getHeapStatistics()
      .then((heap) => {
        if (slot.task?.id === id && heap.external_memory > bufferMb * 1048576) void retire(slot, tooMuchMemory(bufferMb));
      })
      .catch(() => undefined)
      .finally(() => (measuring = false));
  }, MEMORY_CHECK_MS).unref();
  slot.task = { ...task, id, timer, memoryCheck };
  // The worker gets a copy: the caller's bytes stay as they are, to be kept as the original.
  const bytes = new Uint8Array(task.input.bytes);
  slot.worker.ref();
  slot.worker.postMessage({ id, name: task.input.name, bytes, ...(task.siteChrome?.length ? { siteChrome: task.siteChrome } : {}) } satisfies ImportRequest, [bytes.buffer]);
}

function finish(slot: Slot): void {
  if (!slot.task) return;
  clearTimeout(slot.task.timer);
  clearInterval(slot.task.memoryCheck);
  slot.task = undefined;
}

function idle(slot: Slot): void {
  slot.worker.unref();
  slot.idle = setTimeout(() => void retire(slot), IDLE_MS).unref();
}

/** Ends a worker; the file it was reading, if any, is refused with `reason`. */
async function retire(slot: Slot, reason?: CarnetError): Promise<void> {
  if (slot.retired) return;
  slot.retired = true;
  const task = slot.task;
  finish(slot);
  clearTimeout(slot.idle);
  slots.splice(slots.indexOf(slot), 1);
  if (task) task.reject(reason ?? crashed('stopped'));
  pump();
  await slot.worker.terminate();
}

function tooSlow(timeMs: number): CarnetError {
  const seconds = (language: string) => (timeMs / 1000).toLocaleString(language, { maximumFractionDigits: timeMs < 10_000 ? 1 : 0 });
  return new CarnetError('too-heavy', {
    en: `This file took longer than ${seconds('en')} s to read and was stopped: it is probably built to be hard to read (deeply nested markup, or data that expands enormously). Nothing was imported. If you need its text, open it in a browser or PDF reader and save or paste the article as plain text.`,
    fr: `La lecture de ce fichier a pris plus de ${seconds('fr')} s et a été arrêtée : il est sans doute conçu pour être difficile à lire (balisage imbriqué à l’extrême, ou données qui gonflent énormément). Rien n’a été importé. Si vous avez besoin de son texte, ouvrez-le dans un navigateur ou un lecteur PDF, puis enregistrez ou collez l’article en texte brut.`,
  });
}

function tooMuchMemory(megabytes: number): CarnetError {
  return new CarnetError('too-heavy', {
    en: `Reading this file needed more than ${megabytes} MB of memory and was stopped: it is probably built to be hard to read (for instance compressed data that expands enormously). Nothing was imported. If you need its text, open it in a browser or PDF reader and save or paste the article as plain text.`,
    fr: `La lecture de ce fichier demandait plus de ${megabytes} Mo de mémoire et a été arrêtée : il est sans doute conçu pour être difficile à lire (par exemple des données compressées qui gonflent énormément). Rien n’a été importé. Si vous avez besoin de son texte, ouvrez-le dans un navigateur ou un lecteur PDF, puis enregistrez ou collez l’article en texte brut.`,
  });
}

function crashed(detail: string): CarnetError {
  return new CarnetError('unreadable', {
    en: `Reading this file stopped unexpectedly (${detail}). Nothing was imported. Try again; if it fails again, open the file in another program and save a fresh copy to import.`,
    fr: `La lecture de ce fichier s’est arrêtée de façon inattendue (${detail}). Rien n’a été importé. Réessayez ; si l’échec se répète, ouvrez le fichier dans un autre programme et enregistrez-en une nouvelle copie à importer.`,
  });
}

function stopped(): CarnetError {
  return new CarnetError('unreadable', {
    en: 'The import was stopped because Carnet is closing. Nothing was imported from this file; import it again next time.',
    fr: 'L’import a été arrêté parce que Carnet se ferme. Rien n’a été importé de ce fichier ; importez-le de nouveau la prochaine fois.',
  });
}
