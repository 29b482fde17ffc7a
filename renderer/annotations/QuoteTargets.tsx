import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { moveMenuFocus } from '../app/menu-keys.ts';
import { rankByName } from '../app/fuzzy-rank.ts';
import { lastNoteId } from '../notes/last-note.ts';
import { onOpenEditorsChange, openEditors } from '../notes/open-editors.ts';
import { api } from '../api-client.ts';
import { QuoteTemplateDialog } from './QuoteTemplateDialog.tsx';
import type { NoteSummary } from '../../electron/api.ts';

/** Where "Quote in note" puts the passage: at the caret of a note open in an editor, at the end of a note, or in a new one. */
export type QuoteTarget = { editorNoteId: string } | { noteId: string } | { newNote: true };

interface QuoteTargetsProps {
  onChoose: (target: QuoteTarget) => void;
  onCancel: () => void;
}

/**
 * The notes to quote into: the last one open first, a new note, then any other by typing part of
 * its title. A menu for the keyboard (arrows, Home, End, Enter, Esc) as for the mouse.
 */
export function QuoteTargets({ onChoose, onCancel }: QuoteTargetsProps) {
  const { t } = useI18n();
  const menu = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [editingTemplate, setEditingTemplate] = useState(false);
  // Read when the menu opens: the list is current however the reader got its data.
  const [notes, setNotes] = useState<NoteSummary[]>([]);
  useEffect(() => {
    let live = true;
    api.listNotes({}).then(
      (list) => live && setNotes(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  const [editors, setEditors] = useState(openEditors);
  useEffect(() => onOpenEditorsChange(() => setEditors(openEditors())), []);
  const inEditor = new Set(editors.map((e) => e.noteId));
  const last = notes.find((note) => note.id === lastNoteId() && !inEditor.has(note.id));
  const others = useMemo(() => rankByName(query, notes.filter((note) => note.id !== last?.id && !inEditor.has(note.id)), (note) => [note.title, ...(note.aliases ?? [])], 8), [query, notes, last, editors]); // eslint-disable-line react-hooks/exhaustive-deps

  const focused = useRef(false);
  useEffect(() => {
    // The list grows once the notes are read: bring all of it into view, under a passage low on the screen too.
    menu.current?.scrollIntoView({ block: 'nearest' });
    if (focused.current) return;
    const first = menu.current?.querySelector<HTMLElement>('[role="menuitem"]');
    if (first && (notes.length > 0 || editors.length > 0)) {
      first.focus();
      focused.current = true;
    }
  }, [notes, editors]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (editingTemplate) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
      return;
    }
    if ((event.target as HTMLElement).tagName !== 'INPUT' && moveMenuFocus(menu.current, event.key)) event.preventDefault();
    if ((event.target as HTMLElement).tagName === 'INPUT' && event.key === 'ArrowDown') {
      event.preventDefault();
      menu.current?.querySelector<HTMLElement>('.quote-others [role="menuitem"]')?.focus();
    }
  };

  return (
    <div ref={menu} className="quote-targets" role="menu" aria-label={t('quote.menu')} onKeyDown={onKeyDown}>
      {editors.map((editor) => (
        <button key={editor.noteId} type="button" role="menuitem" className="quote-target" onClick={() => onChoose({ editorNoteId: editor.noteId })}>
          {t('quote.intoEditor', { title: editor.title() || t('note.untitled') })}
        </button>
      ))}
      {last && (
        <button type="button" role="menuitem" className="quote-target" onClick={() => onChoose({ noteId: last.id })}>
          {t('quote.intoLast', { title: last.title })}
        </button>
      )}
      <button type="button" role="menuitem" className="quote-target" onClick={() => onChoose({ newNote: true })}>
        {t('quote.intoNew')}
      </button>
      {notes.length > (last ? 1 : 0) + editors.length && (
        <>
          <input className="quote-filter" value={query} placeholder={t('quote.filter')} aria-label={t('quote.filter')} onChange={(event) => setQuery(event.target.value)} />
          <div className="quote-others">
            {others.map((note) => (
              <button key={note.id} type="button" role="menuitem" className="quote-target" onClick={() => onChoose({ noteId: note.id })}>
                {note.title}
              </button>
            ))}
            {others.length === 0 && <p className="muted small">{t('quote.noMatch')}</p>}
          </div>
        </>
      )}
      <button type="button" className="link-button quote-template-link" onClick={() => setEditingTemplate(true)}>
        {t('quote.template.open')}
      </button>
      {editingTemplate && <QuoteTemplateDialog onClose={() => setEditingTemplate(false)} />}
    </div>
  );
}
