import { useI18n } from '../i18n/i18n.tsx';
import { Icon } from './icons.tsx';
import type { Settings, VaultInfo } from '../../electron/api.ts';

interface ToolbarProps {
  vault: VaultInfo | null;
  canGoBack: boolean;
  canGoForward: boolean;
  detailsOpen: boolean;
  settings: Settings;
  onBack: () => void;
  onForward: () => void;
  onNewNote: () => void;
  onImport: () => void;
  onSwitchVault: () => void;
  onToggleDetails: () => void;
  onExport: () => void;
  splitOpen: boolean;
  onToggleSplit: () => void;
  onSettings: (change: Partial<Pick<Settings, 'theme' | 'language'>>) => void;
}

export function Toolbar(props: ToolbarProps) {
  const { t } = useI18n();
  const { vault, settings } = props;
  return (
    <header className="toolbar">
      <div className="toolbar-group">
        <button type="button" className="icon-button" onClick={props.onBack} disabled={!props.canGoBack} title={t('toolbar.back')} aria-label={t('toolbar.back')}>
          <Icon name="back" />
        </button>
        <button type="button" className="icon-button" onClick={props.onForward} disabled={!props.canGoForward} title={t('toolbar.forward')} aria-label={t('toolbar.forward')}>
          <Icon name="forward" />
        </button>
        <button type="button" className="vault-switch" onClick={props.onSwitchVault} title={vault ? vault.root : t('toolbar.noVault')}>
          <Icon name="vault" />
          <span className="vault-name">{vault ? vault.name : t('toolbar.noVault')}</span>
          {vault?.readOnly && <span className="badge">{t('toolbar.readOnly')}</span>}
        </button>
      </div>
      <div className="toolbar-group">
        <button type="button" onClick={props.onImport} disabled={!vault || vault.readOnly} title={`${t('toolbar.import')} (Ctrl+Shift+I)`}>
          <Icon name="import" /> {t('toolbar.import')}
        </button>
        <button type="button" onClick={props.onExport} disabled={!vault} title={t('toolbar.export')}>
          <Icon name="export" /> {t('toolbar.export')}
        </button>
        <button type="button" className="primary" onClick={props.onNewNote} disabled={!vault || vault.readOnly} title={`${t('toolbar.newNote')} (Ctrl+N)`}>
          <Icon name="plus" /> {t('toolbar.newNote')}
        </button>
        <label className="select-label">
          <span className="visually-hidden">{t('toolbar.theme')}</span>
          <select value={settings.theme} onChange={(e) => props.onSettings({ theme: e.target.value as Settings['theme'] })} aria-label={t('toolbar.theme')}>
            <option value="system">{t('theme.system')}</option>
            <option value="light">{t('theme.light')}</option>
            <option value="dark">{t('theme.dark')}</option>
          </select>
        </label>
        <label className="select-label">
          <span className="visually-hidden">{t('toolbar.language')}</span>
          <select value={settings.language} onChange={(e) => props.onSettings({ language: e.target.value as Settings['language'] })} aria-label={t('toolbar.language')}>
            <option value="system">{t('language.system')}</option>
            <option value="en">English</option>
            <option value="fr">Français</option>
          </select>
        </label>
        <button
          type="button"
          className={`icon-button split-toggle ${props.splitOpen ? 'pressed' : ''}`}
          onClick={props.onToggleSplit}
          disabled={!vault}
          title={`${t(props.splitOpen ? 'split.close' : 'split.open')} (Ctrl+Shift+\\)`}
          aria-label={t(props.splitOpen ? 'split.close' : 'split.open')}
          aria-pressed={props.splitOpen}
        >
          <Icon name="split" />
        </button>
        <button
          type="button"
          className={`icon-button ${props.detailsOpen ? 'pressed' : ''}`}
          onClick={props.onToggleDetails}
          aria-pressed={props.detailsOpen}
          title={`${t('toolbar.details')} (Ctrl+\\)`}
          aria-label={t('toolbar.details')}
        >
          <Icon name="panel" />
        </button>
      </div>
    </header>
  );
}
