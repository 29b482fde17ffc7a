import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { atomicWrite } from '../vault/atomic-write.ts';
import { languageSchema, themeSchema, type RecentVault, type Settings } from '../api.ts';

/** The app's own preferences (theme, language, recent vaults), kept outside any vault. */

const settingsSchema = z.object({
  theme: themeSchema.catch('system'),
  language: languageSchema.catch('system'),
  recentVaults: z
    .array(z.object({ path: z.string(), name: z.string(), opened: z.string() }))
    .catch([]),
});

const MAX_RECENT = 12;

export class SettingsStore {
  private settings: Settings = { theme: 'system', language: 'system', recentVaults: [] };
  private readonly file: string;

  constructor(configDir: string) {
    this.file = path.join(configDir, 'settings.json');
  }

  /** True when no settings existed: the first start, which opens the sample vault. */
  async load(): Promise<{ firstStart: boolean }> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch {
      return { firstStart: true };
    }
    try {
      this.settings = settingsSchema.parse(JSON.parse(text));
    } catch {
      // Keep the unreadable file for the user to look at, and start from defaults.
      const aside = `${this.file}.unreadable-${Date.now()}`;
      await fs.rename(this.file, aside).catch(() => undefined);
      console.error(`[carnet] settings could not be read; moved to ${aside}`);
    }
    return { firstStart: false };
  }

  get(): Settings {
    return structuredClone(this.settings);
  }

  async update(change: Partial<Pick<Settings, 'theme' | 'language'>>): Promise<Settings> {
    this.settings = { ...this.settings, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) };
    await this.save();
    return this.get();
  }

  async rememberVault(vault: Omit<RecentVault, 'opened'>): Promise<void> {
    const others = this.settings.recentVaults.filter((v) => path.resolve(v.path) !== path.resolve(vault.path));
    this.settings.recentVaults = [{ ...vault, opened: new Date().toISOString() }, ...others].slice(0, MAX_RECENT);
    await this.save();
  }

  async forgetVault(vaultPath: string): Promise<Settings> {
    this.settings.recentVaults = this.settings.recentVaults.filter((v) => path.resolve(v.path) !== path.resolve(vaultPath));
    await this.save();
    return this.get();
  }

  private async save(): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await atomicWrite(this.file, `${JSON.stringify(this.settings, null, 2)}\n`);
  }
}
