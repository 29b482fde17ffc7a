import { formatDate, useI18n } from '../i18n/i18n.tsx';
import { Icon } from './icons.tsx';
import type { Place } from './navigation.ts';
import type { VaultData } from './use-vault-data.ts';
import type { VaultDialogTab } from '../vault/VaultDialog.tsx';
import type { VaultInfo } from '../../electron/api.ts';

interface HomeViewProps {
  vault: VaultInfo | null;
  data: VaultData;
  onOpen: (place: Place) => void;
  onNewNote: () => void;
  onOpenVaultDialog: (tab: VaultDialogTab) => void;
}

/** The vault at a glance: what was written and collected last, and where to start. */
export function HomeView({ vault, data, onOpen, onNewNote, onOpenVaultDialog }: HomeViewProps) {
  const { t, language } = useI18n();
  if (!vault) {
    return (
      <section className="home">
        <h1>{t('home.noVaultTitle')}</h1>
        <p className="byline">{t('home.noVaultText')}</p>
        <div className="home-actions">
          <button type="button" className="primary" onClick={() => onOpenVaultDialog('open')}>
            {t('vault.openTitle')}
          </button>
          <button type="button" onClick={() => onOpenVaultDialog('create')}>
            {t('vault.createTitle')}
          </button>
        </div>
      </section>
    );
  }
  const notes = [...data.notes].sort((a, b) => b.updated.localeCompare(a.updated)).slice(0, 6);
  const sources = [...data.sources].sort((a, b) => b.imported.localeCompare(a.imported)).slice(0, 6);
  return (
    <section className="home">
      <p className="kind-label">
        <Icon name="vault" /> {t('home.vault')}
      </p>
      <h1>{vault.name}</h1>
      <p className="byline" title={vault.root}>
        {t('home.counts', { sources: data.sources.length, notes: data.notes.length, codes: data.codes.length })}
      </p>
      <div className="home-actions">
        <button type="button" className="primary" onClick={onNewNote} disabled={vault.readOnly}>
          <Icon name="plus" /> {t('toolbar.newNote')}
        </button>
      </div>
      <div className="home-columns">
        <div>
          <h2>{t('home.recentNotes')}</h2>
          <ul className="plain-list">
            {notes.map((n) => (
              <li key={n.id}>
                <button type="button" className="home-link" onClick={() => onOpen({ kind: 'note', id: n.id })}>
                  <Icon name="note" /> <span>{n.title}</span> <span className="muted">{formatDate(n.updated, language)}</span>
                </button>
              </li>
            ))}
            {notes.length === 0 && <li className="empty-list">{t('sidebar.empty.notes')}</li>}
          </ul>
        </div>
        <div>
          <h2>{t('home.recentSources')}</h2>
          <ul className="plain-list">
            {sources.map((s) => (
              <li key={s.id}>
                <button type="button" className="home-link" onClick={() => onOpen({ kind: 'source', id: s.id })}>
                  <Icon name="source" /> <span>{s.title}</span> <span className="muted">{s.publisher}</span>
                </button>
              </li>
            ))}
            {sources.length === 0 && <li className="empty-list">{t('sidebar.empty.sources')}</li>}
          </ul>
        </div>
      </div>
    </section>
  );
}
