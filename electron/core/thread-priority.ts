import { readlinkSync } from 'node:fs';
import os from 'node:os';

/**
 * On Linux a thread has its own scheduling priority: a worker lowers its own (its id is the last
 * part of /proc/thread-self), so that on a machine with few cores the app's thread, which answers
 * the window, gets the processor first. Elsewhere threads share the process's priority: left as is.
 */
export function yieldToTheApp(niceness: number): void {
  if (process.platform !== 'linux') return;
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId !== process.pid) os.setPriority(threadId, niceness);
  } catch {
    // No /proc, or not allowed: the worker runs at the app's priority.
  }
}
