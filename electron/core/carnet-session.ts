import fs from 'node:fs/promises';
import path from 'node:path';
import { CarnetError, type UiLanguage } from './carnet-error.ts';
import { systemLanguage } from './ui-language.ts';
import { copySampleVault, installSampleVault } from './sample-vault.ts';
import { SettingsStore } from './settings-store.ts';
import { Vault } from '../vault/vault.ts';
import type { EventName, EventPayloads, Settings } from '../api.ts';
import type { VaultInfo } from '../vault/vault-records.ts';
import { SearchService } from '../search/search-service.ts';
import { stopImportWorkers } from '../importers/import-runner.ts';
import { workerHost, type SearchHost } from '../search/search-host.ts';

export interface SessionOptions {
  configDir: string;
  documentsDir: string;
  resourcesDir: string;
  /** Where the search engine runs; a worker thread unless told otherwise. */
  searchHost?: () => SearchHost;
  /** The system's language, for users who left the preference on "system" (Electron asks the OS). */
  systemLanguage?: () => UiLanguage;
}

type Emit = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/**
 * The services every front shares: settings, and the one open vault. Started and stopped
 * explicitly, so that quitting flushes pending writes and releases the vault lock.
 */
export class CarnetSession {
  readonly settings: SettingsStore;
  private current: Vault | null = null;
  private searchService: SearchService | null = null;
  private lastError: string | null = null;
  private readonly listeners = new Set<Emit>();
  private readonly options: SessionOptions;

  constructor(options: SessionOptions) {
    this.options = options;
    this.settings = new SettingsStore(options.configDir);
  }

  /**
   * Opens `vaultPath` when given (creating it from the sample if the folder is missing or empty),
   * else the most recent vault, else — on a first start — a fresh copy of the sample vault.
   */
  async start(vaultPath?: string): Promise<void> {
    const { firstStart } = await this.settings.load();
    try {
      if (vaultPath) {
        await this.openOrSeed(vaultPath);
      } else {
        const recent = this.settings.get().recentVaults[0];
        if (recent) await this.openVault(recent.path);
        else if (firstStart) await this.openSampleVault();
      }
    } catch (error) {
      this.lastError = error instanceof CarnetError ? error.in(this.language()) : error instanceof Error ? error.message : String(error);
    }
  }

  async stop(): Promise<void> {
    // Imports first: one finishing after the vault closed would have nowhere to go.
    await stopImportWorkers();
    await this.closeVault('Carnet is closing.');
    this.listeners.clear();
  }

  onEvent(listener: Emit): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get vault(): Vault {
    if (!this.current) throw noVault();
    return this.current;
  }

  get vaultOrNull(): Vault | null {
    return this.current;
  }

  get search(): SearchService {
    if (!this.searchService) throw noVault();
    return this.searchService;
  }

  get vaultError(): string | null {
    return this.lastError;
  }

  /** The language messages are written in: the user's choice, else the system's. */
  language(): UiLanguage {
    const preference = this.settings.get().language;
    return preference === 'system' ? (this.options.systemLanguage ?? systemLanguage)() : preference;
  }

  getSettings(): Settings {
    return this.settings.get();
  }

  async openVault(folder: string, readOnly = false): Promise<VaultInfo> {
    const root = path.resolve(folder);
    if (this.current && this.current.root === root && this.current.readOnly === readOnly) return this.current.info();
    // Open the new vault before closing the old one: a vault that cannot be opened leaves the user where they were.
    const vault = await Vault.open(root, { readOnly });
    await this.adopt(vault);
    return vault.info();
  }

  async createVault(folder: string, name?: string): Promise<VaultInfo> {
    const vault = await Vault.create(folder, name);
    await this.adopt(vault);
    return vault.info();
  }

  async openSampleVault(): Promise<VaultInfo> {
    const target = await installSampleVault(this.sampleDir, path.join(this.options.documentsDir, 'Carnet Sample Vault'));
    return this.openVault(target);
  }

  private async openOrSeed(folder: string): Promise<void> {
    const entries = await fs.readdir(folder).catch(() => null);
    if (entries === null || entries.length === 0) await copySampleVault(this.sampleDir, folder);
    await this.openVault(folder);
  }

  private get sampleDir(): string {
    return path.join(this.options.resourcesDir, 'sample-vault');
  }

  private async adopt(vault: Vault): Promise<void> {
    await this.closeVault('Another vault was opened.');
    this.current = vault;
    this.lastError = null;
    vault.onChange((changes) => this.emit('vaultChanged', { changes }));
    this.searchService = new SearchService(vault, (this.options.searchHost ?? (() => workerHost()))(), (status) => this.emit('searchStatus', status));
    await this.settings.rememberVault({ path: vault.root, name: vault.manifest.name });
    this.emit('vaultOpened', vault.info());
  }

  private async closeVault(reason: string): Promise<void> {
    if (!this.current) return;
    const closing = this.current;
    const search = this.searchService;
    this.current = null;
    this.searchService = null;
    await search?.stop();
    await closing.close();
    this.emit('vaultClosed', { reason });
  }

  private emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners) listener(event, payload);
  }
}

function noVault(): CarnetError {
  return new CarnetError('no-vault', { en: 'No vault is open. Open or create one first.', fr: 'Aucun coffre n’est ouvert. Ouvrez-en ou créez-en un d’abord.' });
}
