import fs from 'node:fs/promises';
import { registerHooks } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT, tempDir } from './temp-dir.ts';
import { waitFor } from './wait-for.ts';
import type * as FakeElectron from './fake-electron.ts';

export const FAKE_ELECTRON_URL = pathToFileURL(path.join(PROJECT_ROOT, 'tests', 'helpers', 'fake-electron.ts')).href;
export const RENDERER_URL = pathToFileURL(path.join(PROJECT_ROOT, 'dist', 'renderer', 'index.html')).href;

/**
 * Runs electron/main.ts in plain Node against the stand-in `electron` module, with its settings and
 * Documents folder in a temporary folder, once the main window is up. One per test file: main.ts
 * starts the app as it is imported.
 */
export async function startFakeMain(): Promise<{ fake: typeof FakeElectron; documents: string; cleanup: () => Promise<void> }> {
  registerHooks({
    resolve: (specifier, context, nextResolve) => (specifier === 'electron' ? { url: FAKE_ELECTRON_URL, shortCircuit: true } : nextResolve(specifier, context)),
  });
  const temp = await tempDir();
  const documents = path.join(temp.dir, 'Documents');
  process.env.FAKE_ELECTRON_USERDATA = path.join(temp.dir, 'config');
  process.env.FAKE_ELECTRON_DOCUMENTS = documents;
  await fs.mkdir(documents);
  const fake = (await import(FAKE_ELECTRON_URL)) as typeof FakeElectron;
  await import('../../electron/main.ts');
  await waitFor(() => fake.recorded.windows.length === 1, 'the main window');
  return { fake, documents, cleanup: temp.remove };
}
