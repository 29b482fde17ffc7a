import { useCallback, useRef, useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { fileToBase64 } from './dropped-files.ts';
import type { ImportResult } from '../../electron/api.ts';

/** The name a pasted article goes by in the summary; no file name can hold a NUL, so none is mistaken for it. */
export const CLIPBOARD = '\u0000clipboard';

/** The largest file sent for import; mirrors MAX_IMPORT_BYTES of the contract, which checks again. */
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ImportProgress {
  total: number;
  done: number;
  current: string | null;
  results: ImportResult[];
  skipped: number;
  running: boolean;
}

const idle: ImportProgress = { total: 0, done: 0, current: null, results: [], skipped: 0, running: false };

/**
 * Imports files one by one, so that progress is exact and one bad file never stops the rest.
 * Files added while a batch runs join its queue.
 */
export function useImport(tooLarge: (size: number) => string) {
  const [progress, setProgress] = useState<ImportProgress>(idle);
  const queue = useRef<File[]>([]);
  const running = useRef(false);

  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    while (queue.current.length > 0) {
      const file = queue.current.shift() as File;
      setProgress((p) => ({ ...p, current: file.name }));
      let result: ImportResult;
      if (file.size > MAX_IMPORT_BYTES) {
        result = { name: file.name, status: 'failed', reason: tooLarge(file.size) };
      } else {
        try {
          result = await api.importFile({ name: file.name, dataBase64: await fileToBase64(file) });
        } catch (error) {
          result = { name: file.name, status: 'failed', reason: errorMessage(error) };
        }
      }
      setProgress((p) => ({ ...p, done: p.done + 1, results: [...p.results, result] }));
    }
    running.current = false;
    setProgress((p) => ({ ...p, current: null, running: false }));
  }, [tooLarge]);

  const importFiles = useCallback(
    (files: File[], skipped = 0) => {
      if (files.length === 0 && skipped === 0) return;
      queue.current.push(...files);
      setProgress((p) => (p.running ? { ...p, total: p.total + files.length, skipped: p.skipped + skipped } : { ...idle, total: files.length, skipped, running: true }));
      void run();
    },
    [run],
  );

  const importPaste = useCallback(async (text: string, html: string) => {
    setProgress({ ...idle, total: 1, current: CLIPBOARD, running: true });
    let result: ImportResult;
    try {
      result = { ...(await api.importPaste({ text, html })), name: CLIPBOARD };
    } catch (error) {
      result = { name: CLIPBOARD, status: 'failed', reason: errorMessage(error) };
    }
    setProgress({ ...idle, total: 1, done: 1, results: [result] });
  }, []);

  const reset = useCallback(() => {
    if (!running.current) setProgress(idle);
  }, []);

  return { progress, importFiles, importPaste, reset };
}
