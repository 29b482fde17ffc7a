import fs from 'node:fs/promises';
import path from 'node:path';

/** Polls `check` until it returns a truthy value or the time runs out (events from the file watcher take a moment). */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 8000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until `file` (missing counts as empty) holds text `ready` accepts, and returns that text; on time-out, says what it held. */
export async function waitForFile(file: string, ready: (text: string) => boolean, timeoutMs = 10_000): Promise<string> {
  let last = '';
  try {
    return await waitFor(
      async () => {
        last = await fs.readFile(file, 'utf8').catch(() => '');
        return ready(last) ? { text: last } : null;
      },
      path.basename(file),
      timeoutMs,
    ).then((found) => found.text);
  } catch {
    throw new Error(`${path.basename(file)} never matched; it holds:\n${last}`);
  }
}
