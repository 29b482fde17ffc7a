import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CarnetSession } from '../../electron/core/carnet-session.ts';
import { createDispatcher } from '../../electron/core/dispatcher.ts';
import { createHandlers } from '../../electron/core/handlers.ts';
import { startWebHost, type WebHost } from '../../electron/host/web-host.ts';
import { PROJECT_ROOT, tempDir } from './temp-dir.ts';

/** End-to-end harness: the real built renderer, served by the real web host, in Debian's Chromium. */

export const CHROMIUM = process.env.CARNET_CHROMIUM ?? '/usr/bin/chromium';
export const RENDERER_DIR = path.join(PROJECT_ROOT, 'dist', 'renderer');
export const SCREENSHOTS = path.join(PROJECT_ROOT, 'tests', 'e2e', 'screenshots');

/** Why e2e tests cannot run here, or null when they can. */
export function e2eUnavailable(): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`;
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) return 'the renderer is not built (npm run build)';
  return null;
}

export interface Harness {
  session: CarnetSession;
  host: WebHost;
  browser: BrowserContext;
  page: Page;
  /** Browser console errors and failed requests, for asserting a clean run. */
  errors: string[];
  close: () => Promise<void>;
}

export async function startHarness(vaultPath: string, options: { colorScheme?: 'light' | 'dark'; locale?: string } = {}): Promise<Harness> {
  const config = await tempDir('carnet-config-');
  const profile = await tempDir('carnet-chromium-');
  const session = new CarnetSession({ configDir: config.dir, documentsDir: config.dir, resourcesDir: path.join(PROJECT_ROOT, 'resources') });
  await session.start(vaultPath);
  const dispatch = createDispatcher(createHandlers(session, { front: 'web', openExternal: async () => false }), undefined, () => session.language());
  const host = await startWebHost({ dispatch, subscribe: (listener) => session.onEvent(listener), rendererDir: RENDERER_DIR, vaultRoot: () => session.vaultOrNull?.root ?? null });
  // A fresh profile per run (Playwright passes it as --user-data-dir).
  const context = await chromium.launchPersistentContext(profile.dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1360, height: 860 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-GB',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(host.url);
  return {
    session,
    host,
    browser: context,
    page,
    errors,
    close: async () => {
      await context.close();
      await host.close();
      await session.stop();
      await config.remove();
      await profile.remove();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Waits until a locator matches `count` elements (the page's CSP forbids Playwright's string predicates). */
export async function waitForCount(locator: ReturnType<Page['locator']>, count: number, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await locator.count()) !== count) {
    if (Date.now() > deadline) throw new Error(`Expected ${count} elements, found ${await locator.count()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
