import { runCli } from '../../electron/cli/carnet.ts';

/** Runs `carnet` in this process, as the terminal would, and gives what it printed on each stream. */
export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
