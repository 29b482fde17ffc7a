import { parentPort } from 'node:worker_threads';
import { yieldToTheApp } from '../core/thread-priority.ts';
import { CarnetError, type CarnetErrorCode } from '../core/carnet-error.ts';
import { bodyFingerprint } from './content-fingerprint.ts';
import { importDocument } from './import-document.ts';
import type { ImportReply, ImportRequest } from './import-messages.ts';

/**
 * The import thread: one file at a time, in through `postMessage`, out as a document or an error
 * the user can read. Run by import-runner.ts, which limits its time and memory and ends it when a
 * file goes past them: whatever a hostile file does here, the app's own thread keeps answering.
 */

// pdfjs runs its own "worker" in this thread when given one: handed over here, it is bundled with
// this file, so that the built worker needs nothing beside it (it runs unpacked from the app archive).
// Loading, pdfjs warns that it cannot draw without a canvas package: the text import draws nothing.
const pdfjsReady = quietly(/^Warning: Cannot (load "@napi-rs\/canvas"|polyfill)/, async () => {
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  await import('pdfjs-dist/legacy/build/pdf.mjs');
});

yieldToTheApp(10);

parentPort?.on('message', (request: ImportRequest) => {
  void answer(request).then(({ reply, transfer }) => parentPort?.postMessage(reply, transfer));
});

async function answer(request: ImportRequest): Promise<{ reply: ImportReply; transfer: ArrayBuffer[] }> {
  try {
    await pdfjsReady.catch(() => undefined); // without it, pdfjs looks for its worker file itself
    const siteChrome = request.siteChrome?.length ? new Set(request.siteChrome) : undefined;
    const { original, ...imported } = await importDocument({ name: request.name, bytes: request.bytes }, siteChrome);
    // Hashing a long body takes the app's thread a while: done here, where waiting costs nothing.
    const document = { ...imported, fingerprint: bodyFingerprint(imported.body) };
    // The importers keep the bytes they were given as the original: no need to send them back.
    const same = original.bytes === request.bytes;
    const bytes = same ? undefined : new Uint8Array(original.bytes);
    return { reply: { id: request.id, document, original: { extension: original.extension, bytes } }, transfer: bytes ? [bytes.buffer as ArrayBuffer] : [] };
  } catch (error) {
    return { reply: { id: request.id, error: describe(error) }, transfer: [] };
  }
}

function describe(error: unknown): { code: CarnetErrorCode; en: string; fr: string } {
  if (error instanceof CarnetError) return { code: error.code, ...error.text };
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return {
      code: 'too-heavy',
      en: 'This file is nested too deeply to be read (it is probably built to be hard to read). Nothing was imported. If you need its text, open it elsewhere and save or paste the article as plain text.',
      fr: 'Ce fichier est imbriqué trop profondément pour être lu (il est sans doute conçu pour être difficile à lire). Rien n’a été importé. Si vous avez besoin de son texte, ouvrez-le ailleurs et enregistrez ou collez l’article en texte brut.',
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'unreadable',
    en: `Carnet could not read this file (${detail}). Nothing was imported. If it opens in another program, save a fresh copy from there and import that.`,
    fr: `Carnet n’a pas pu lire ce fichier (${detail}). Rien n’a été importé. S’il s’ouvre dans un autre programme, enregistrez-en une nouvelle copie depuis celui-ci et importez-la.`,
  };
}

async function quietly(unwanted: RegExp, load: () => Promise<void>): Promise<void> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!(typeof args[0] === 'string' && unwanted.test(args[0]))) warn(...args);
  };
  try {
    await load();
  } finally {
    console.warn = warn;
  }
}
