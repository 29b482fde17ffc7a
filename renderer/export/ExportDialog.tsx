import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { saveTextFile } from './save-file.ts';
import { ChoiceGroup } from './ChoiceGroup.tsx';
import type { ExportedFile } from '../../electron/api.ts';

type What = 'annotations' | 'references' | 'notes' | 'codebook' | 'matrix' | 'cooccurrence';
type AnnotationFormat = 'csv' | 'markdown' | 'w3c';
type ReferenceFormat = 'bibtex' | 'ris' | 'csl-json' | 'bibliography';
type NoteFormat = 'note-markdown' | 'note-html';
const WHATS: What[] = ['annotations', 'references', 'notes', 'codebook', 'matrix', 'cooccurrence'];

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
  const [noteFormat, setNoteFormat] = useState<NoteFormat>('note-html');
  const [scope, setScope] = useState<'source' | 'vault'>(source ? 'source' : 'vault');
  const [format, setFormat] = useState<AnnotationFormat>('csv');
  const [referenceFormat, setReferenceFormat] = useState<ReferenceFormat>('bibtex');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const formats = <F extends AnnotationFormat | ReferenceFormat | NoteFormat>(list: F[]) => list.map((option) => ({ value: option, label: t(`export.format.${option}`), hint: t(`export.format.${option}.hint`) }));

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
          <ChoiceGroup legend={t('export.what')} name="what" value={what} onChange={setWhat} autoFocus choices={WHATS.map((option) => ({ value: option, label: t(`export.what.${option}`), hint: t(`export.what.${option}.hint`) }))} />
          {(what === 'annotations' || what === 'references') && (
            <ChoiceGroup
              legend={t('export.scope')}
              name="scope"
              value={scope}
              onChange={setScope}
              choices={[
                { value: 'source', label: source ? t('export.scope.source', { title: source.title }) : t('export.scope.noSource'), disabled: !source },
                { value: 'vault', label: t('export.scope.vault') },
              ]}
            />
          )}
          {what === 'annotations' && <ChoiceGroup legend={t('export.format')} name="format" value={format} onChange={setFormat} choices={formats(['csv', 'markdown', 'w3c'])} />}
          {what === 'references' && <ChoiceGroup legend={t('export.format')} name="reference-format" value={referenceFormat} onChange={setReferenceFormat} choices={formats(['bibtex', 'ris', 'csl-json', 'bibliography'])} />}
          {what === 'notes' && (
            <>
              <ChoiceGroup
                legend={t('export.scope')}
                name="note-scope"
                value={noteScope}
                onChange={setNoteScope}
                choices={[
                  { value: 'note', label: note ? t('export.scope.note', { title: note.title }) : t('export.scope.noNote'), disabled: !note },
                  { value: 'all', label: t('export.scope.allNotes') },
                ]}
              />
              <ChoiceGroup legend={t('export.format')} name="note-format" value={noteFormat} onChange={setNoteFormat} choices={formats(['note-html', 'note-markdown'])} />
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
