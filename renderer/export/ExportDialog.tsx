import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { saveTextFile } from './save-file.ts';
import type { ExportedFile } from '../../electron/api.ts';

type What = 'annotations' | 'references' | 'notes' | 'codebook' | 'matrix' | 'cooccurrence';
type AnnotationFormat = 'csv' | 'markdown' | 'w3c';
type ReferenceFormat = 'bibtex' | 'ris' | 'csl-json' | 'bibliography';

interface ExportDialogProps {
  /** The source open in the centre, offered as "this source's annotations". */
  source: { id: string; title: string } | null;
  /** The note open in the centre, offered as "this note". */
  note: { id: string; title: string } | null;
  onClose: () => void;
  onDone: (text: string) => void;
}

/**
 * What leaves Carnet for other tools: the annotations (of the open source or of the whole vault) as
 * CSV for a spreadsheet, Markdown for Obsidian or W3C JSON-LD for annotation tools, and the code
 * tables as CSV. The file is saved where the browser or the desktop app saves downloads.
 */
export function ExportDialog({ source, note, onClose, onDone }: ExportDialogProps) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [what, setWhat] = useState<What>(note ? 'notes' : 'annotations');
  const [noteScope, setNoteScope] = useState<'note' | 'all'>(note ? 'note' : 'all');
  const [noteFormat, setNoteFormat] = useState<'note-markdown' | 'note-html'>('note-html');
  const [scope, setScope] = useState<'source' | 'vault'>(source ? 'source' : 'vault');
  const [format, setFormat] = useState<AnnotationFormat>('csv');
  const [referenceFormat, setReferenceFormat] = useState<ReferenceFormat>('bibtex');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const sourceIds = scope === 'source' && source ? { sourceIds: [source.id] } : {};
      const noteIds = noteScope === 'note' && note ? { noteIds: [note.id] } : {};
      const request =
        what === 'annotations' ? { format, ...sourceIds } : what === 'references' ? { format: referenceFormat, ...sourceIds } : what === 'notes' ? { format: noteFormat, ...noteIds } : { format: what === 'codebook' ? ('qdc' as const) : what };
      const file: ExportedFile = await api.exportFile(request);
      saveTextFile(file.fileName, file.mediaType, file.text);
      onDone(t(what === 'annotations' ? 'export.donePassages' : what === 'references' ? 'export.doneReferences' : what === 'codebook' ? 'export.doneCodes' : what === 'notes' ? 'export.doneNotes' : 'export.doneRows', { count: file.count, name: file.fileName }));
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="dialog export-dialog" onClose={onClose} aria-labelledby="export-title">
      <form onSubmit={(event) => void submit(event)}>
        <div className="dialog-header">
          <h2 id="export-title">{t('export.title')}</h2>
        </div>
        <div className="dialog-body">
          <fieldset className="export-choice">
            <legend>{t('export.what')}</legend>
            {(['annotations', 'references', 'notes', 'codebook', 'matrix', 'cooccurrence'] as const).map((option) => (
              <label key={option}>
                <input type="radio" name="what" checked={what === option} onChange={() => setWhat(option)} autoFocus={option === what} />
                <span>
                  {t(`export.what.${option}`)}
                  <small className="muted">{t(`export.what.${option}.hint`)}</small>
                </span>
              </label>
            ))}
          </fieldset>
          {(what === 'annotations' || what === 'references') && (
            <>
              <fieldset className="export-choice">
                <legend>{t('export.scope')}</legend>
                <label>
                  <input type="radio" name="scope" checked={scope === 'source'} disabled={!source} onChange={() => setScope('source')} />
                  <span>{source ? t('export.scope.source', { title: source.title }) : t('export.scope.noSource')}</span>
                </label>
                <label>
                  <input type="radio" name="scope" checked={scope === 'vault'} onChange={() => setScope('vault')} />
                  <span>{t('export.scope.vault')}</span>
                </label>
              </fieldset>
              {what === 'references' ? (
                <fieldset className="export-choice">
                  <legend>{t('export.format')}</legend>
                  {(['bibtex', 'ris', 'csl-json', 'bibliography'] as const).map((option) => (
                    <label key={option}>
                      <input type="radio" name="reference-format" checked={referenceFormat === option} onChange={() => setReferenceFormat(option)} />
                      <span>
                        {t(`export.format.${option}`)}
                        <small className="muted">{t(`export.format.${option}.hint`)}</small>
                      </span>
                    </label>
                  ))}
                </fieldset>
              ) : (
                <fieldset className="export-choice">
                  <legend>{t('export.format')}</legend>
                  {(['csv', 'markdown', 'w3c'] as const).map((option) => (
                    <label key={option}>
                      <input type="radio" name="format" checked={format === option} onChange={() => setFormat(option)} />
                      <span>
                        {t(`export.format.${option}`)}
                        <small className="muted">{t(`export.format.${option}.hint`)}</small>
                      </span>
                    </label>
                  ))}
                </fieldset>
              )}
            </>
          )}
          {what === 'notes' && (
            <>
              <fieldset className="export-choice">
                <legend>{t('export.scope')}</legend>
                <label>
                  <input type="radio" name="note-scope" checked={noteScope === 'note'} disabled={!note} onChange={() => setNoteScope('note')} />
                  <span>{note ? t('export.scope.note', { title: note.title }) : t('export.scope.noNote')}</span>
                </label>
                <label>
                  <input type="radio" name="note-scope" checked={noteScope === 'all'} onChange={() => setNoteScope('all')} />
                  <span>{t('export.scope.allNotes')}</span>
                </label>
              </fieldset>
              <fieldset className="export-choice">
                <legend>{t('export.format')}</legend>
                {(['note-html', 'note-markdown'] as const).map((option) => (
                  <label key={option}>
                    <input type="radio" name="note-format" checked={noteFormat === option} onChange={() => setNoteFormat(option)} />
                    <span>
                      {t(`export.format.${option}`)}
                      <small className="muted">{t(`export.format.${option}.hint`)}</small>
                    </span>
                  </label>
                ))}
              </fieldset>
            </>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="dialog-actions dialog-footer">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('export.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
