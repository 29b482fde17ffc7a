import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultConfigDir, defaultDocumentsDir, defaultResourcesDir, projectRoot } from '../core/app-paths.ts';
import { CarnetSession } from '../core/carnet-session.ts';
import { createDispatcher } from '../core/dispatcher.ts';
import { createHandlers } from '../core/handlers.ts';
import { openInSystemBrowser } from './open-browser.ts';
import { startWebHost } from './web-host.ts';

/** `npm run web -- [--vault DIR] [--port N] [--no-open]`: Carnet in the system browser. */
export async function runWebHost(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { vault: { type: 'string' }, port: { type: 'string' }, 'no-open': { type: 'boolean', default: false } },
  });
  const rendererDir = path.join(projectRoot(), 'dist', 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    console.error('carnet: the renderer is not built yet. Run "npm run build" first.');
    process.exit(1);
  }
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`carnet: --port takes a number from 0 to 65535, not "${values.port}".`);
    process.exit(2);
  }
  const session = new CarnetSession({ configDir: defaultConfigDir(), documentsDir: defaultDocumentsDir(), resourcesDir: defaultResourcesDir() });
  await session.start(values.vault ? path.resolve(values.vault) : undefined);
  if (session.vaultError) console.error(`carnet: ${session.vaultError}`);
  const dispatch = createDispatcher(createHandlers(session, { front: 'web', openExternal: async (url) => openInSystemBrowser(url) }), undefined, () => session.language());
  const host = await startWebHost({ dispatch, subscribe: (listener) => session.onEvent(listener), rendererDir, port, vaultRoot: () => session.vaultOrNull?.root ?? null });
  console.log(`Carnet is serving ${session.vaultOrNull?.root ?? 'no vault yet'} at ${host.url}`);
  console.log('Only this address (with its token) opens it. Press Ctrl+C to stop.');
  if (!values['no-open']) openInSystemBrowser(host.url);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await session.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
