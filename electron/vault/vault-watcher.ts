import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { classifyVaultPath } from './vault-files.ts';
import { toVaultRelative } from './vault-paths.ts';

/**
 * Sees files changed outside Carnet (a text editor, git, a sync tool) and hands their
 * vault-relative paths to the vault in small batches. Our own writes come back here too;
 * the vault recognises them by revision and stays quiet.
 */
export class VaultWatcher {
  private watcher: FSWatcher | null = null;
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  private readonly root: string;
  private readonly onFiles: (relatives: string[]) => Promise<void>;

  constructor(root: string, onFiles: (relatives: string[]) => Promise<void>) {
    this.root = root;
    this.onFiles = onFiles;
  }

  async start(): Promise<void> {
    const root = this.root;
    this.watcher = watch(root, {
      ignoreInitial: true,
      // Editors and sync tools write in several steps: wait until the file holds still.
      awaitWriteFinish: { stabilityThreshold: 120, pollInterval: 40 },
      ignored: (file: string) => {
        const relative = toVaultRelative(root, file);
        return relative === '.carnet' || relative.startsWith('.carnet/') || relative.startsWith('.git/') || relative === 'node_modules' || relative.startsWith('sources/originals');
      },
    });
    this.watcher.on('all', (_event: string, file: string) => this.queue(file));
    await new Promise<void>((resolve) => this.watcher?.once('ready', () => resolve()));
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.watcher?.close();
    this.watcher = null;
    await this.running;
  }

  private queue(file: string): void {
    const relative = toVaultRelative(this.root, path.resolve(file));
    if (!classifyVaultPath(relative)) return;
    this.pending.add(relative);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const batch = [...this.pending];
      this.pending.clear();
      this.running = this.running.then(() => this.onFiles(batch)).catch((error: unknown) => {
        console.error('[carnet] could not reload changed files:', error);
      });
    }, 50);
  }
}
