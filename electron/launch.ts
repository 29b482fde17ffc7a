import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './core/app-paths.ts';
import { runWebHost } from './host/run-web-host.ts';

/**
 * `npm start`: the desktop app when Electron's binary is installed, else Carnet in the system
 * browser through the web host, so the app runs wherever Node does.
 */
function electronBinary(): string | null {
  const dir = path.join(projectRoot(), 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
if (binary) {
  const child = spawn(binary, [projectRoot(), ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
} else {
  console.log('Electron’s binary is not installed (run "npm install" with internet access to get it): opening Carnet in your browser instead.');
  await runWebHost(process.argv.slice(2));
}
