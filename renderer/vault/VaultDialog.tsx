import { useEffect, useRef, useState } from 'react';
import { api, ApiError, errorMessage } from '../api-client.ts';
import { formatDate, useI18n } from '../i18n/i18n.tsx';
import { Icon } from '../app/icons.tsx';
import type { Settings, VaultInfo } from '../../electron/api.ts';

export type VaultDialogTab = 'recent' | 'open' | 'create';

interface VaultDialogProps {
  initialTab: VaultDialogTab;
  settings: Settings;
  canPickFolder: boolean;
  currentVault: VaultInfo | null;
  startupError: string | null;
  onClose: () => void;
  onSettings: (settings: Settings) => void;
}

/** Open, create and switch vaults. A vault that cannot be opened leaves the current one open and says why. */
export function VaultDialog({ initialTab, settings, canPickFolder, currentVault, startupError, onClose, onSettings }: VaultDialogProps) {
  const { t, language } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [tab, setTab] = useState<VaultDialogTab>(initialTab === 'recent' && settings.recentVaults.length === 0 ? 'open' : initialTab);
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const [readOnly, setReadOnly] = useState(false);
  const [error, setError] = useState<{ message: string; locked: boolean; path: string } | null>(currentVault ? null : startupError ? { message: startupError, locked: false, path: '' } : null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const run = async (task: () => Promise<unknown>, target: string) => {
    setBusy(true);
    setError(null);
    try {
      await task();
      onClose();
    } catch (failure) {
      setError({ message: errorMessage(failure), locked: failure instanceof ApiError && failure.code === 'locked', path: target });
    } finally {
      setBusy(false);
    }
  };

  const open = (target: string, asReadOnly = readOnly) => run(() => api.openVault({ path: target, readOnly: asReadOnly }), target);
  const create = () => run(() => api.createVault({ path, name: name.trim() || undefined }), path);
  const browse = async (purpose: 'open' | 'create') => {
    const picked = await api.pickFolder({ purpose });
    if (picked.path) setPath(picked.path);
  };
  const forget = async (target: string) => onSettings(await api.forgetRecentVault({ path: target }));

  return (
    <dialog ref={dialog} className="dialog vault-dialog" onClose={onClose} aria-labelledby="vault-dialog-title">
      <header className="dialog-header">
        <h2 id="vault-dialog-title">{t('vault.dialogTitle')}</h2>
        {currentVault && (
          <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>
            <Icon name="close" />
          </button>
        )}
      </header>
      <div className="tabs" role="tablist">
        {(['recent', 'open', 'create'] as VaultDialogTab[]).map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} className={`tab ${tab === name ? 'active' : ''}`} onClick={() => setTab(name)}>
            {t(`vault.tab.${name}`)}
          </button>
        ))}
      </div>
      {error && (
        <div className="banner banner-error" role="alert">
          <span>{error.message}</span>
          {error.locked && (
            <button type="button" onClick={() => void open(error.path, true)}>
              {t('vault.openReadOnly')}
            </button>
          )}
        </div>
      )}
      {tab === 'recent' && (
        <div className="dialog-body">
          <ul className="plain-list recent-list">
            {settings.recentVaults.map((recent) => (
              <li key={recent.path} className="plain-row">
                <button type="button" className="home-link grow" disabled={busy} onClick={() => void open(recent.path, false)}>
                  <Icon name="vault" />
                  <span className="plain-main">
                    <strong>{recent.name}</strong>
                    <span className="muted break">{recent.path}</span>
                  </span>
                  {currentVault?.root === recent.path ? <span className="badge">{t('vault.current')}</span> : <span className="muted">{formatDate(recent.opened, language)}</span>}
                </button>
                <button type="button" className="link-button" onClick={() => void forget(recent.path)} title={t('vault.forgetExplain')}>
                  {t('vault.forget')}
                </button>
              </li>
            ))}
            {settings.recentVaults.length === 0 && <li className="empty-list">{t('vault.noRecent')}</li>}
          </ul>
          <button type="button" className="link-button" disabled={busy} onClick={() => void run(() => api.openSampleVault({}), '')}>
            {t('vault.openSample')}
          </button>
        </div>
      )}
      {tab === 'open' && (
        <form
          className="dialog-body"
          onSubmit={(event) => {
            event.preventDefault();
            void open(path);
          }}
        >
          <label className="field">
            <span>{t('vault.folder')}</span>
            <span className="field-row">
              <input value={path} onChange={(e) => setPath(e.target.value)} placeholder={t('vault.folderPlaceholder')} required autoFocus spellCheck={false} />
              {canPickFolder && (
                <button type="button" onClick={() => void browse('open')}>
                  {t('vault.browse')}
                </button>
              )}
            </span>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} /> {t('vault.readOnlyOption')}
          </label>
          <div className="dialog-actions">
            <button type="submit" className="primary" disabled={busy || !path.trim()}>
              {t('vault.open')}
            </button>
          </div>
        </form>
      )}
      {tab === 'create' && (
        <form
          className="dialog-body"
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <label className="field">
            <span>{t('vault.newFolder')}</span>
            <span className="field-row">
              <input value={path} onChange={(e) => setPath(e.target.value)} placeholder={t('vault.folderPlaceholder')} required autoFocus spellCheck={false} />
              {canPickFolder && (
                <button type="button" onClick={() => void browse('create')}>
                  {t('vault.browse')}
                </button>
              )}
            </span>
            <span className="hint">{t('vault.newFolderHint')}</span>
          </label>
          <label className="field">
            <span>{t('vault.name')}</span>
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('vault.namePlaceholder')} />
          </label>
          <div className="dialog-actions">
            <button type="submit" className="primary" disabled={busy || !path.trim()}>
              {t('vault.create')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
