import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { api, errorMessage, onEvent } from '../api-client.ts';
import { I18nProvider, resolveLanguage, makeTranslate } from '../i18n/i18n.tsx';
import { currentPlace, historyReducer, initialHistory, type Place } from './navigation.ts';
import { useBeside, type BesidePlace } from './use-beside.ts';
import { SplitView } from './SplitView.tsx';
import { useVaultData } from './use-vault-data.ts';
import { useShortcuts } from './use-shortcuts.ts';
import { useTheme } from './use-theme.ts';
import { Toolbar } from './Toolbar.tsx';
import { CentrePane } from './CentrePane.tsx';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog.tsx';
import { Sidebar, type TagRequest } from '../sidebar/Sidebar.tsx';
import { LINK_REQUEST } from '../notes/link-request.ts';
import { DetailsPane } from '../details/DetailsPane.tsx';
import { VaultDialog, type VaultDialogTab } from '../vault/VaultDialog.tsx';
import { ImportDialog } from '../import/ImportDialog.tsx';
import { ExportDialog } from '../export/ExportDialog.tsx';
import { QuickOpen } from '../search/QuickOpen.tsx';
import { useImport } from '../import/use-import.ts';
import { filesFromDrop } from '../import/dropped-files.ts';
import type { AppInfo, MenuCommand, Settings, VaultInfo } from '../../electron/api.ts';
import type { SearchToExport } from '../export/export-choices.ts';

/** The same note or source, wherever it is scrolled to: two editors on one note would race each other's saves. */
function samePlaceItem(a: Place, b: BesidePlace): boolean {
  return a.kind === b.kind && 'id' in a && a.id === b.id;
}

/** Below this window width, opening the split view closes the details pane for the time it is open. */
const SPLIT_WITH_DETAILS_WIDTH = 1500;

/** The window a researcher lives in: lists on the left, what is open in the centre, its details on the right. */
export function App() {
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [vault, setVault] = useState<VaultInfo | null>(null);
  const [history, dispatch] = useReducer(historyReducer, initialHistory);
  const [detailsOpen, setDetailsOpen] = useState(() => localStorage.getItem('carnet.detailsOpen') !== 'false');
  const [vaultDialog, setVaultDialog] = useState<VaultDialogTab | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  /** The Export dialog, open with the search it was asked from (or none). */
  const [exportOpen, setExportOpen] = useState<{ search: SearchToExport | null } | null>(null);
  /** Quick open, and for which pane: the main one, or the one beside it. */
  const [quickOpen, setQuickOpen] = useState<false | 'main' | 'beside'>(false);
  const [searchRequest, setSearchRequest] = useState(0);
  const data = useVaultData(vault);
  const split = useBeside(vault?.root);
  /** The details pane closed to make room for the split view, to come back when it closes. */
  const detailsMadeRoom = useRef(false);
  const openBeside = useCallback(
    (beside: BesidePlace | null) => {
      // Two panes need the width: below ~1500 px the details pane makes room for them, and comes back after.
      if (beside && !split.beside && detailsOpen && window.innerWidth < SPLIT_WITH_DETAILS_WIDTH) {
        detailsMadeRoom.current = true;
        setDetailsOpen(false);
      }
      if (!beside && detailsMadeRoom.current) {
        detailsMadeRoom.current = false;
        setDetailsOpen(true);
      }
      split.setBeside(beside);
      // The keyboard follows: into the pane just opened, or back to the button that opens it.
      window.setTimeout(() => document.querySelector<HTMLElement>(beside ? '.split-beside .note-body, .split-beside .reader-body' : '.toolbar .split-toggle')?.focus(), 50);
    },
    [split, detailsOpen],
  );
  const place = currentPlace(history);
  const language = resolveLanguage(settings?.language ?? 'system');
  const t = makeTranslate(language);
  useTheme(settings?.theme ?? 'system');
  const importer = useImport(useCallback((size: number) => t('import.tooLarge', { size: Math.round(size / 1048576) }), [t]));

  useEffect(() => {
    api.appInfo({}).then(
      (info) => {
        setAppInfo(info);
        setSettings(info.settings);
        setVault(info.vault);
        if (!info.vault) setVaultDialog('recent');
      },
      (error: unknown) => setStartError(errorMessage(error)),
    );
  }, []);

  useEffect(() => {
    const offOpened = onEvent('vaultOpened', (info) => {
      setVault(info);
      dispatch({ type: 'reset' });
      void api.getSettings({}).then(setSettings);
    });
    const offClosed = onEvent('vaultClosed', () => setVault(null));
    return () => {
      offOpened();
      offClosed();
    };
  }, []);

  useEffect(() => {
    document.title = vault ? `${vault.name} — Carnet` : 'Carnet';
    document.documentElement.lang = language;
  }, [vault, language]);

  useEffect(() => localStorage.setItem('carnet.detailsOpen', String(detailsOpen)), [detailsOpen]);

  const [tagRequest, setTagRequest] = useState<TagRequest | null>(null);
  const openTag = useCallback((tag: string) => setTagRequest((previous) => ({ tag, n: (previous?.n ?? 0) + 1 })), []);

  const go = useCallback((next: Place, replace = false) => dispatch({ type: replace ? 'replace' : 'go', place: next }), []);

  const createNote = useCallback(() => {
    if (!vault || vault.readOnly) return;
    // Nothing is written until something is typed: an empty new note leaves no file behind.
    go({ kind: 'note', id: `new-${Date.now()}`, draft: true });
  }, [vault, go]);

  const runCommand = useCallback(
    (command: MenuCommand) => {
      switch (command) {
        case 'import':
          return setImportOpen(true);
        case 'quickOpen':
          // In a note's text, the same key edits the link under the caret (the note takes the event).
          if (!window.dispatchEvent(new Event(LINK_REQUEST, { cancelable: true }))) return;
          return setQuickOpen('main');
        case 'searchPane':
          return setSearchRequest((n) => n + 1);
        case 'newNote':
          return createNote();
        case 'openVault':
          return setVaultDialog('open');
        case 'createVault':
          return setVaultDialog('create');
        case 'toggleDetails':
          return setDetailsOpen((open) => !open);
        case 'toggleSplit':
          return split.beside ? openBeside(null) : setQuickOpen('beside');
        case 'back':
          return dispatch({ type: 'back' });
        case 'forward':
          return dispatch({ type: 'forward' });
        case 'showTrash':
          return go({ kind: 'trash' });
        case 'showProblems':
          return go({ kind: 'problems' });
      }
    },
    [createNote, go, split, openBeside],
  );

  useEffect(() => onEvent('menuCommand', ({ command }) => runCommand(command)), [runCommand]);

  // Files dropped anywhere on the window are imported; without this the page would navigate to them.
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event) || !event.dataTransfer) return;
      event.preventDefault();
      if ((event.target as Element | null)?.closest?.('.drop-zone')) return;
      if (!vault || vault.readOnly) return;
      void filesFromDrop(event.dataTransfer).then((picked) => {
        setImportOpen(true);
        importer.importFiles(picked.files, picked.skipped);
      });
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [vault, importer]);
  useShortcuts(runCommand);

  const updateSettings = async (change: Partial<Pick<Settings, 'theme' | 'language'>>) => {
    try {
      setSettings(await api.updateSettings(change));
    } catch (error) {
      setNotice(errorMessage(error));
    }
  };

  const openExternal = (url: string) => {
    // In Electron the main process asks in a native dialog itself: one question, not two.
    if (appInfo?.front === 'electron') {
      api.openExternal({ url }).catch((error: unknown) => setNotice(errorMessage(error)));
      return;
    }
    setConfirm({
      title: t('external.title'),
      detail: url,
      confirmLabel: t('external.open'),
      onConfirm: async () => {
        await api.openExternal({ url });
      },
    });
  };

  const deleteItem = async (kind: 'source' | 'note', id: string, title: string) => {
    // A cited source leaves its citations missing until restored: the user is told how many notes first.
    const citing = kind === 'source' ? ((await api.citedIn({ sourceId: id }).catch(() => null))?.notes.length ?? 0) : 0;
    setConfirm({
      title: t(kind === 'note' ? 'delete.noteTitle' : 'delete.sourceTitle', { title }),
      detail: citing > 0 ? `${t('delete.citedSource', { count: citing })} ${t('delete.detail')}` : t('delete.detail'),
      confirmLabel: t('delete.confirm'),
      danger: true,
      onConfirm: async () => {
        await api.deleteItem({ kind, id });
        dispatch({ type: 'drop', kind, id });
        if (split.beside?.kind === kind && split.beside.id === id) openBeside(null);
        setNotice(t('delete.done', { title }));
      },
    });
  };

  /** The main pane's content, or the one beside it (which leaves Ctrl+F to the main pane). */
  const centreFor = (shown: Place, findable: boolean) => (
    <CentrePane
      place={shown}
      data={data}
      vault={vault ? (data.info ?? vault) : null}
      findable={findable}
      onOpen={go}
      onOpenExternal={openExternal}
      onDelete={deleteItem}
      onNewNote={createNote}
      onOpenVaultDialog={setVaultDialog}
      onNotice={setNotice}
    />
  );
  const titleOf = (shown: BesidePlace) => (shown.kind === 'note' ? data.notes.find((n) => n.id === shown.id)?.title : data.sources.find((s) => s.id === shown.id)?.title) ?? t('note.untitled');

  if (startError) {
    return (
      <div className="fatal" role="alert">
        <h1>Carnet</h1>
        <p>{startError}</p>
      </div>
    );
  }
  if (!appInfo || !settings) return <div className="loading" aria-busy="true" />;

  const info = data.info ?? vault;
  return (
    <I18nProvider language={language}>
      <div className={`app ${detailsOpen ? 'with-details' : ''}`}>
        <Toolbar
          vault={info}
          canGoBack={history.index > 0}
          canGoForward={history.index < history.entries.length - 1}
          detailsOpen={detailsOpen}
          settings={settings}
          onBack={() => dispatch({ type: 'back' })}
          onForward={() => dispatch({ type: 'forward' })}
          onNewNote={createNote}
          onImport={() => setImportOpen(true)}
          onExport={() => setExportOpen({ search: null })}
          onSwitchVault={() => setVaultDialog('recent')}
          onToggleDetails={() => setDetailsOpen((open) => !open)}
          splitOpen={split.beside !== null}
          onToggleSplit={() => runCommand('toggleSplit')}
          onSettings={(change) => void updateSettings(change)}
        />
        {info?.readOnly && (
          <div className="banner banner-warning" role="status">
            {info.readOnlyReason?.[language]}
          </div>
        )}
        {(notice || data.error) && (
          <div className="banner banner-info" role="status">
            <span>{notice ?? data.error}</span>
            <button type="button" className="link-button" onClick={() => setNotice(null)}>
              {t('common.dismiss')}
            </button>
          </div>
        )}
        <Sidebar data={data} place={place} searchRequest={searchRequest} tagRequest={tagRequest} onOpen={go} onExportSearch={(search) => setExportOpen({ search })} />
        <main className="centre" aria-label={t('centre.label')}>
          <SplitView
            ratio={split.ratio}
            onRatio={split.setRatio}
            main={centreFor(place, true)}
            beside={split.beside ? (samePlaceItem(place, split.beside) ? <p className="centre-message">{t('split.same')}</p> : centreFor(split.beside, false)) : null}
            besideTitle={split.beside ? titleOf(split.beside) : ''}
            onSwap={() => {
              const other = split.beside;
              if (!other) return;
              split.setBeside(place.kind === 'note' || place.kind === 'source' ? place : null);
              go(other);
            }}
            onChange={() => setQuickOpen('beside')}
            onClose={() => openBeside(null)}
          />
        </main>
        {detailsOpen && <DetailsPane place={place} data={data} onOpen={go} onOpenExternal={openExternal} onTag={openTag} onNotice={setNotice} />}
      </div>
      {vaultDialog && (
        <VaultDialog
          initialTab={vaultDialog}
          settings={settings}
          canPickFolder={appInfo.capabilities.nativeFolderPicker}
          currentVault={info}
          startupError={appInfo.vaultError}
          onClose={() => setVaultDialog(null)}
          onSettings={setSettings}
        />
      )}
      {confirm && <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />}
      {exportOpen && (
        <ExportDialog
          source={place.kind === 'source' ? { id: place.id, title: data.sources.find((s) => s.id === place.id)?.title ?? '' } : null}
          note={place.kind === 'note' && !place.draft ? { id: place.id, title: data.notes.find((n) => n.id === place.id)?.title ?? '' } : null}
          search={exportOpen.search}
          sources={data.sources}
          codes={data.codes}
          canPrintToPdf={appInfo.capabilities.printToPdf}
          onClose={() => setExportOpen(null)}
          onDone={setNotice}
        />
      )}
      {quickOpen && info && (
        <QuickOpen
          revision={data.revision}
          onOpen={(picked) => {
            if (quickOpen === 'beside' && (picked.kind === 'note' || picked.kind === 'source')) openBeside(picked);
            else go(picked);
          }}
          onClose={() => setQuickOpen(false)}
        />
      )}
      {importOpen && (
        <ImportDialog
          progress={importer.progress}
          readOnly={info?.readOnly ?? true}
          onFiles={importer.importFiles}
          onPaste={(text, html) => void importer.importPaste(text, html)}
          onOpen={go}
          onClose={() => {
            setImportOpen(false);
            importer.reset();
          }}
        />
      )}
    </I18nProvider>
  );
}
