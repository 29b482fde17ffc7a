import { useEffect, useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Icon } from '../app/icons.tsx';
import { filesFromDrop, filesFromFolderInput, IMPORTABLE } from './dropped-files.ts';
import { CLIPBOARD, type ImportProgress } from './use-import.ts';
import type { Place } from '../app/navigation.ts';

interface ImportDialogProps {
  progress: ImportProgress;
  readOnly: boolean;
  onFiles: (files: File[], skipped?: number) => void;
  onPaste: (text: string, html: string) => void;
  onOpen: (place: Place) => void;
  onClose: () => void;
}

/** Import: choose or drop files and folders, or paste an article; a progress bar, then a line for every file. */
export function ImportDialog({ progress, readOnly, onFiles, onPaste, onOpen, onClose }: ImportDialogProps) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);

  const drop = async (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const picked = await filesFromDrop(event.dataTransfer);
    onFiles(picked.files, picked.skipped);
  };

  const paste = (event: ClipboardEvent) => {
    const html = event.clipboardData.getData('text/html');
    const text = event.clipboardData.getData('text/plain');
    const files = Array.from(event.clipboardData.files);
    event.preventDefault();
    if (files.length) onFiles(files);
    else if (html.trim() || text.trim()) onPaste(text, html);
  };

  const shownName = (name: string) => (name === CLIPBOARD ? t('import.clipboard') : name);
  const counts = {
    imported: progress.results.filter((r) => r.status === 'imported').length,
    duplicates: progress.results.filter((r) => r.status === 'duplicate').length,
    failed: progress.results.filter((r) => r.status === 'failed').length,
  };
  const open = (place: Place) => {
    onOpen(place);
    onClose();
  };

  return (
    <dialog ref={dialog} className="dialog import-dialog" onClose={onClose} aria-labelledby="import-title">
      <header className="dialog-header">
        <h2 id="import-title">{t('import.title')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>
          <Icon name="close" />
        </button>
      </header>
      <div className="dialog-body">
        {readOnly ? (
          <p className="banner banner-warning">{t('import.readOnly')}</p>
        ) : (
          <div
            className={`drop-zone ${over ? 'over' : ''}`}
            onDragOver={(event) => {
              event.preventDefault();
              setOver(true);
            }}
            onDragLeave={() => setOver(false)}
            onDrop={(event) => void drop(event)}
            onPaste={paste}
            tabIndex={0}
            role="region"
            aria-label={t('import.dropLabel')}
          >
            <p className="drop-title">{t('import.drop')}</p>
            <p className="muted">{t('import.formats', { formats: IMPORTABLE.filter((e) => e !== 'text' && e !== 'markdown' && e !== 'xhtml' && e !== 'mht').map((e) => `.${e}`).join(' ') })}</p>
            <div className="drop-actions">
              <button type="button" className="primary" onClick={() => filesInput.current?.click()}>
                {t('import.chooseFiles')}
              </button>
              <button type="button" onClick={() => folderInput.current?.click()}>
                {t('import.chooseFolder')}
              </button>
            </div>
            <p className="muted">{t('import.pasteHint')}</p>
            <input
              ref={filesInput}
              type="file"
              multiple
              hidden
              accept={IMPORTABLE.map((e) => `.${e}`).join(',')}
              aria-label={t('import.chooseFiles')}
              onChange={(event) => {
                onFiles(Array.from(event.target.files ?? []));
                event.target.value = '';
              }}
            />
            <input
              ref={folderInput}
              type="file"
              hidden
              aria-label={t('import.chooseFolder')}
              onChange={(event) => {
                const picked = filesFromFolderInput(event.target.files ?? new DataTransfer().files);
                onFiles(picked.files, picked.skipped);
                event.target.value = '';
              }}
            />
          </div>
        )}
        {progress.total > 0 && (
          <section className="import-progress" aria-live="polite">
            <progress max={progress.total} value={progress.done} aria-label={t('import.progress')} />
            <p>
              {progress.running
                ? t('import.running', { done: progress.done, total: progress.total, current: shownName(progress.current ?? '') })
                : t('import.finished', { count: progress.total })}{' '}
              <span className="muted">{t('import.counts', counts)}</span>
              {progress.skipped > 0 && <span className="muted"> {t('import.skipped', { count: progress.skipped })}</span>}
            </p>
            <ul className="import-results">
              {progress.results.map((result, index) => (
                <li key={`${result.name}-${index}`} className={`import-result status-${result.status}`}>
                  <span className="status-label">{t(`import.status.${result.status}`)}</span>
                  <span className="result-main">
                    <span className="result-name">{shownName(result.name)}</span>
                    {result.status === 'imported' && (
                      <button type="button" className="link-button" onClick={() => open({ kind: 'source', id: result.sourceId })}>
                        {result.title}
                      </button>
                    )}
                    {result.status === 'imported' && result.uncertain && (
                      <span className="result-flag">
                        <Icon name="warning" /> {t('trim.importFlag')}
                      </span>
                    )}
                    {result.status === 'duplicate' && (
                      <span>
                        {result.reason}{' '}
                        <button type="button" className="link-button" onClick={() => open({ kind: 'source', id: result.existingId })}>
                          {t('import.showExisting', { title: result.existingTitle })}
                        </button>
                      </span>
                    )}
                    {result.status === 'failed' && <span className="result-reason">{result.reason}</span>}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </dialog>
  );
}
