import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n, type Translate } from '../i18n/i18n.tsx';
import { saveExportedFile } from './save-file.ts';
import { printHtml } from './print-html.ts';
import { ChoiceGroup } from './ChoiceGroup.tsx';
import { ScopeChoice } from './ScopeChoice.tsx';
import { CITATION_STYLE_CHOICES } from '../details/citation-styles.ts';
import { ANNOTATION_FORMATS, exportRequest, NOTE_FORMATS, REFERENCE_FORMATS, scopeReady, WHATS, type ExportChoice, type SearchToExport, type What } from './export-choices.ts';
import type { CitationStyle, CodeSummary, ExportedFile, SourceSummary } from '../../electron/api.ts';

interface ExportDialogProps {
  /** The source open in the centre, offered as "this source". */
  source: { id: string; title: string } | null;
  /** The note open in the centre, offered as "this note". */
  note: { id: string; title: string } | null;
  /** The search the dialog was opened from: its results are offered as the scope. */
  search: SearchToExport | null;
  sources: SourceSummary[];
  codes: CodeSummary[];
  /** The desktop app makes the PDF itself (Chromium's printToPDF); a browser prints instead. */
  canPrintToPdf: boolean;
  onClose: () => void;
  onDone: (text: string) => void;
}

/**
 * What leaves Carnet for other tools: annotations, references, notes (DOCX, HTML, PDF, Markdown), the
 * codebook and the whole project for a QDA program, the code tables, and a backup of the vault. The
 * file is saved where the browser or the desktop app saves downloads; a PDF goes through print.
 */
export function ExportDialog({ source, note, search, sources, codes, canPrintToPdf, onClose, onDone }: ExportDialogProps) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [choice, setChoice] = useState<ExportChoice>(() => ({
    what: search ? (search.passages === 0 ? 'references' : 'annotations') : note ? 'notes' : (remembered.what ?? 'annotations'),
    scope: search ? { kind: 'search', query: search.query } : stillThere(remembered.chosen, sources).length ? { kind: 'chosen', ids: stillThere(remembered.chosen, sources) } : source ? { kind: 'source', id: source.id } : { kind: 'vault' },
    annotationFormat: remembered.annotationFormat ?? 'csv',
    referenceFormat: remembered.referenceFormat ?? 'bibtex',
    noteFormat: remembered.noteFormat ?? 'docx',
    noteId: note?.id,
    style: 'apa',
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const change = (part: Partial<ExportChoice>) =>
    setChoice((current) => {
      const next = { ...current, ...part };
      remember(next);
      return next;
    });

  useEffect(() => {
    dialog.current?.showModal();
    // The vault's style, not a choice of the user's: nothing to remember.
    api.getVaultSettings({}).then((settings) => setChoice((current) => ({ ...current, style: settings.citationStyle })), () => undefined);
  }, []);

  const hintOf = (option: string) => (option === 'pdf' && canPrintToPdf ? t('export.format.pdf.hintDesktop') : t(`export.format.${option}.hint` as 'export.format.csv.hint'));
  const formats = <F extends string>(list: F[]) => list.map((option) => ({ value: option, label: t(`export.format.${option}` as 'export.format.csv'), hint: hintOf(option) }));
  const { what } = choice;
  const styled = (what === 'references' && choice.referenceFormat === 'bibliography') || what === 'notes';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (what === 'notes' && choice.noteFormat === 'pdf' && canPrintToPdf) {
        const { path } = await api.printToPdf({ style: choice.style, ...(choice.noteId ? { noteIds: [choice.noteId] } : {}) });
        if (path) onDone(t('export.savedPdf', { path }));
        onClose();
        return;
      }
      const file: ExportedFile = await api.exportFile(exportRequest(choice));
      if (what === 'notes' && choice.noteFormat === 'pdf') {
        await printHtml(file.text ?? '', file.fileName);
        onDone(t('export.printed'));
      } else {
        saveExportedFile(file);
        onDone(doneMessage(t, what, file));
      }
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
        <div className="dialog-body export-columns">
          <ChoiceGroup legend={t('export.what')} name="what" value={what} onChange={(next: What) => change({ what: next })} autoFocus choices={WHATS.map((option) => ({ value: option, label: t(`export.what.${option}`), hint: t(`export.what.${option}.hint`) }))} />
          <div className="export-options">
            {(what === 'annotations' || what === 'references') && <ScopeChoice scope={choice.scope} onChange={(scope) => change({ scope })} openSource={source} search={search} sources={sources} codes={codes} />}
            {what === 'annotations' && <ChoiceGroup legend={t('export.format')} name="format" value={choice.annotationFormat} onChange={(annotationFormat) => change({ annotationFormat })} choices={formats(ANNOTATION_FORMATS)} />}
            {what === 'references' && <ChoiceGroup legend={t('export.format')} name="reference-format" value={choice.referenceFormat} onChange={(referenceFormat) => change({ referenceFormat })} choices={formats(REFERENCE_FORMATS)} />}
            {what === 'notes' && (
              <>
                <ChoiceGroup
                  legend={t('export.scope')}
                  name="note-scope"
                  value={choice.noteId ? 'note' : 'all'}
                  onChange={(value) => change({ noteId: value === 'note' ? note?.id : undefined })}
                  choices={[
                    { value: 'note', label: note ? t('export.scope.note', { title: note.title }) : t('export.scope.noNote'), disabled: !note },
                    { value: 'all', label: t('export.scope.allNotes') },
                  ]}
                />
                <ChoiceGroup legend={t('export.format')} name="note-format" value={choice.noteFormat} onChange={(noteFormat) => change({ noteFormat })} choices={formats(NOTE_FORMATS)} />
              </>
            )}
            {styled && (
              <label className="field export-style">
                <span>{t('cite.style')}</span>
                <select value={choice.style} onChange={(event) => change({ style: event.target.value as CitationStyle })}>
                  {CITATION_STYLE_CHOICES.map((style) => (
                    <option key={style} value={style}>
                      {t(`cite.style.${style}`)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {(what === 'codebook' || what === 'project' || what === 'matrix' || what === 'cooccurrence' || what === 'backup') && <p className="muted export-about">{t(`export.about.${what}`)}</p>}
          </div>
          {error && (
            <p className="form-error export-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="dialog-actions dialog-footer">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !scopeReady(choice)}>
            {what === 'notes' && choice.noteFormat === 'pdf' && !canPrintToPdf ? t('export.print') : t('export.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/**
 * What the dialog was last set to, for the next time it opens in this window: the formats, what
 * (unless a note or a search says otherwise), and the sources ticked by hand.
 */
let remembered: Partial<Pick<ExportChoice, 'what' | 'annotationFormat' | 'referenceFormat' | 'noteFormat'>> & { chosen?: string[] } = {};

/** The ticked sources that are still in the vault (one may have been deleted, or another vault opened). */
function stillThere(ids: string[] | undefined, sources: SourceSummary[]): string[] {
  return (ids ?? []).filter((id) => sources.some((source) => source.id === id));
}

function remember(choice: ExportChoice): void {
  const { what, annotationFormat, referenceFormat, noteFormat, scope } = choice;
  remembered = { what, annotationFormat, referenceFormat, noteFormat, chosen: scope.kind === 'chosen' ? scope.ids : undefined };
}

function doneMessage(t: Translate, what: What, file: ExportedFile): string {
  const name = file.fileName;
  const one = file.count === 1;
  switch (what) {
    case 'annotations':
      return t(one ? 'export.donePassagesOne' : 'export.donePassages', { count: file.count, name });
    case 'references':
      return t(one ? 'export.doneReferencesOne' : 'export.doneReferences', { count: file.count, name });
    case 'codebook':
      return t(one ? 'export.doneCodesOne' : 'export.doneCodes', { count: file.count, name });
    case 'notes':
      return t(one ? 'export.doneNotesOne' : 'export.doneNotes', { count: file.count, name });
    case 'project':
      return t(one ? 'export.doneProjectOne' : 'export.doneProject', { count: file.count, name });
    case 'backup':
      return t('export.doneBackup', { count: file.count, name });
    default:
      return t(one ? 'export.doneRowsOne' : 'export.doneRows', { count: file.count, name });
  }
}
