import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the app keeps its settings and finds its resources when it runs without Electron
 * (web host, CLI, tests). The folders match Electron's `userData` for a product named Carnet,
 * so the desktop app and the web host share recent vaults.
 */
export function defaultConfigDir(): string {
  if (process.env.CARNET_CONFIG_DIR) return path.resolve(process.env.CARNET_CONFIG_DIR);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Carnet');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Carnet');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Carnet');
}

export function defaultDocumentsDir(): string {
  if (process.env.CARNET_DOCUMENTS_DIR) return path.resolve(process.env.CARNET_DOCUMENTS_DIR);
  const documents = path.join(os.homedir(), 'Documents');
  return fs.existsSync(documents) ? documents : os.homedir();
}

/**
 * The project folder: this module sits two levels below it both as source
 * (electron/core/) and when bundled (dist/node/).
 */
export function projectRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export function defaultResourcesDir(): string {
  return path.join(projectRoot(), 'resources');
}

export function appVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
