import type { MouseEvent } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { EditorContent, ReactNodeViewRenderer, useEditor } from '@tiptap/react';
import { api, decodeURIComponentSafe, errorMessage, vaultFileUrl } from '../api-client.ts';
import { formatDate, useI18n } from '../i18n/i18n.tsx';
import { Icon } from '../app/icons.tsx';
import { placeFromCarnetUrl, type Place } from '../app/navigation.ts';
import { noteExtensions } from './note-extensions.ts';
import { RawMarkdownView } from './RawMarkdownView.tsx';
import { linkSuggestions } from './link-suggestions.tsx';
import { noteTarget, resolveLink, sourceTarget, type LinkTarget } from './note-targets.ts';
import { wikiLinkParts } from './schema/wiki-link.ts';
import { useNoteFile } from './use-note-file.ts';
import { NoteBacklinks } from './NoteBacklinks.tsx';
import { LINK_REQUEST } from './link-request.ts';
import { TableShortcut } from './table-shortcut.ts';
import { MarkdownPaste } from './markdown-paste.ts';
import { EditorToolbar, openLinkEditor } from './EditorToolbar.tsx';
import { WordCount } from './WordCount.tsx';
import { slashMenuExtension } from './slash-menu.ts';
import { imageDropPaste, type ImageInsertError, type SaveAttachment } from './note-images.ts';
import { citationChips, type ChipLabels } from './citation-chips.ts';
import { citationLabel, citationStateText } from './citation-words.ts';
import { useCitationChips } from './use-citation-chips.ts';
import { CitationCard } from './CitationCard.tsx';
import { rememberNote } from './last-note.ts';
import { registerEditor } from './open-editors.ts';
import { quoteDrop } from './quote-drop.ts';
import { afterTextblock, insertQuote } from './quote-position.ts';
import type { Editor } from '@tiptap/core';
import type { NoteSummary, SourceSummary } from '../../electron/api.ts';

interface NoteEditorProps {
  /** null for a new note, written once something is typed. */
  id: string | null;
  /** Which of the note's citations to scroll to and flash once it is shown (from the Citations report). */
  citation?: number;
  /** Bumped when the vault changes: a hand edit of this note reloads it, unless there are unsaved edits. */
  revision: number;
  readOnly: boolean;
  notes: NoteSummary[];
  sources: SourceSummary[];
  onOpen: (place: Place) => void;
  onOpenExternal: (url: string) => void;
  onDelete: (title: string) => void;
  onCreated: (id: string) => void;
  onError: (message: string) => void;
}

/** Notes are Markdown, edited in TipTap and saved as the user types; nothing is written that was not edited. */
export function NoteEditor({ id, citation, revision, readOnly, notes, sources, onOpen, onOpenExternal, onDelete, onCreated, onError }: NoteEditorProps) {
  const { t, language } = useI18n();
  const chipLabels = useRef<ChipLabels>({ state: () => '', label: () => '', unchecked: '' });
  const errorHandler = useRef<(error: unknown) => void>(() => undefined);
  errorHandler.current = (error) => onError(errorMessage(error));
  chipLabels.current = { state: (c) => citationStateText(t, c), label: (c, titled) => citationLabel(t, c, titled), unchecked: t('citation.state.unchecked') };
  const titleField = useRef<HTMLInputElement>(null);
  const targets = useRef<LinkTarget[]>([]);
  targets.current = useMemo(() => [...notes.filter((note) => note.id !== id).map(noteTarget), ...sources.map(sourceTarget)], [notes, sources, id]);
  const dirtyHandler = useRef<() => void>(() => undefined);
  const blurHandler = useRef<() => void>(() => undefined);

  // Extensions live as long as the editor: they get stable functions that call the current handlers.
  const imageError = useRef<(error: ImageInsertError) => void>(() => undefined);
  imageError.current = (error) => onError(t(error.reason === 'unsupported' ? 'editor.image.unsupported' : 'editor.image.failed', { name: error.fileName }));
  const [saveAttachment] = useState<SaveAttachment>(() => async (name: string, bytes: Uint8Array) => (await api.saveAttachment({ name, data: toBase64(bytes) })).path);
  const [onImageError] = useState(() => (error: ImageInsertError) => imageError.current(error));

  // Made once: TipTap re-applies options that change identity on every render, and re-applying
  // them while the user types can drop a keystroke. What they need later is read through refs.
  const [options] = useState(() => ({
    extensions: noteExtensions({
      rawBlockView: ReactNodeViewRenderer(RawMarkdownView),
      resolveVaultFile: vaultFileUrl,
      interactive: [
        slashMenuExtension({ saveAttachment, onImageError }),
        imageDropPaste(saveAttachment, onImageError),
        TableShortcut,
        MarkdownPaste,
        citationChips(() => chipLabels.current),
        quoteDrop((error) => errorHandler.current(error)),
        linkSuggestions(() => targets.current, { label: t('editor.links.label'), empty: t('editor.links.empty'), newNote: (title) => t('editor.links.new', { title }) }),
      ],
    }),
    editable: !readOnly,
    editorProps: {
      attributes: { class: 'note-body prose', 'aria-label': t('note.body') },
      // The sticky toolbar and footer would otherwise hide the caret's line.
      scrollThreshold: { top: 64, bottom: 56, left: 0, right: 0 },
      scrollMargin: { top: 64, bottom: 56, left: 0, right: 0 },
    },
    onUpdate: ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged) dirtyHandler.current();
    },
    onBlur: () => blurHandler.current(),
  }));
  const editor = useEditor(options);

  const file = useNoteFile({ id, revision, editor, untitled: t('note.untitled'), changedOutside: t('note.changedOutside'), otherKept: t('note.otherKept'), onCreated });
  dirtyHandler.current = file.markDirty;
  const chips = useCitationChips(editor, file.note?.id ?? null, revision, file.note !== null, citation);
  const loadedId = file.note?.id;
  const titleNow = useRef(file.title);
  titleNow.current = file.title;
  useEffect(() => {
    if (!loadedId || !editor) return;
    rememberNote(loadedId);
    return registerEditor({ noteId: loadedId, title: () => titleNow.current, insert: (markdown) => insertAtCaret(editor, markdown) });
  }, [loadedId, editor]);
  blurHandler.current = file.flushNow;

  useEffect(() => {
    editor?.setEditable(!readOnly);
  }, [editor, readOnly]);

  // A new note starts in its title, as Ctrl+N promises.
  useEffect(() => {
    if (id === null) titleField.current?.focus();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const saveNow = useRef(file.flushNow);
  saveNow.current = file.flushNow;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        saveNow.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Ctrl/Cmd+K in the text edits its link; the Electron menu, which owns that key, asks here first.
  useEffect(() => {
    if (!editor) return;
    const onLinkRequest = (event: Event) => {
      if (!editor.isFocused) return;
      event.preventDefault();
      openLinkEditor(editor);
    };
    window.addEventListener(LINK_REQUEST, onLinkRequest);
    return () => window.removeEventListener(LINK_REQUEST, onLinkRequest);
  }, [editor]);

  const followWikiLink = async (raw: string) => {
    const parts = wikiLinkParts(raw);
    if (!parts || parts.target === '') return;
    const found = resolveLink(parts.target, notes.map(noteTarget));
    if (found) return onOpen({ kind: 'note', id: found.id });
    // A link to a note that does not exist yet creates it, as in Obsidian: the link was the intent.
    try {
      const created = await api.createNote({ title: parts.target });
      onOpen({ kind: 'note', id: created.id });
    } catch (error) {
      onError(errorMessage(error));
    }
  };

  const onClick = (event: MouseEvent) => {
    const anchor = (event.target as HTMLElement).closest('a');
    if (!anchor) return;
    event.preventDefault();
    const wiki = anchor.getAttribute('data-wiki-link');
    if (wiki !== null) return void followWikiLink(wiki);
    const href = anchor.getAttribute('href') ?? '';
    const place = placeFromCarnetUrl(href);
    if (place) return onOpen(place);
    // An ordinary Markdown link to a note's file (`[text](other-note.md)`) is a link to that note.
    const noteFile = /^(?:\.{0,2}\/)*(?:notes\/)?([^/?#]+)\.md(?:#.*)?$/i.exec(href);
    if (noteFile?.[1]) return void followWikiLink(`[[${decodeURIComponentSafe(noteFile[1])}]]`);
    // A web link is text being edited: a plain click places the caret, Ctrl/Cmd+click opens it.
    if (/^https?:\/\//i.test(href) && (readOnly || event.ctrlKey || event.metaKey)) onOpenExternal(href);
  };

  if (file.loadError) return <div className="centre-message" role="alert">{file.loadError}</div>;
  const { note, state, message, info } = file;

  return (
    <article className="note">
      <header className="note-header">
        <p className="kind-label">
          <Icon name="note" /> {t(id === null && !note ? 'note.kindNew' : 'note.kind')}
          <span className={`save-state save-${state}`} role="status" aria-live="polite">
            {id === null && !note ? t('note.notWritten') : t(`note.state.${state}`)}
          </span>
        </p>
        <input
          ref={titleField}
          className="note-title"
          value={file.title}
          readOnly={readOnly}
          placeholder={t('note.untitled')}
          aria-label={t('note.title')}
          onChange={(e) => file.setTitle(e.target.value)}
          onBlur={file.flushNow}
          onKeyDown={(event) => {
            // The title is one line: Enter and ↓ go on into the text, as in Obsidian and Notion.
            if (event.key === 'Enter' || event.key === 'ArrowDown') {
              event.preventDefault();
              // Focus moves now, so the keys typed next land in the text, not in the title.
              editor?.view.dom.focus();
              editor?.commands.focus('start');
            }
          }}
        />
        <div className="note-meta">
          <label>
            <span>{t('note.tags')}</span>
            <input value={file.tags} readOnly={readOnly} placeholder={t('note.tagsPlaceholder')} onChange={(e) => file.setTags(e.target.value)} onBlur={file.flushNow} />
          </label>
          {note && <span className="muted">{t('note.updated', { date: formatDate(note.updated, language, true) })}</span>}
          {!readOnly && note && (
            <button type="button" className="link-button danger-text" onClick={() => onDelete(note.title)}>
              <Icon name="trash" /> {t('note.delete')}
            </button>
          )}
        </div>
        {info && !message && (
          <div className="banner banner-info" role="status">
            <span>{info}</span>
            <button type="button" className="link-button" onClick={() => file.setInfo(null)}>
              {t('common.dismiss')}
            </button>
          </div>
        )}
        {message && (
          <div className={`banner ${state === 'conflict' ? 'banner-warning' : 'banner-error'}`} role="alert">
            <span>{message}</span>
            {state === 'conflict' && (
              <span className="banner-actions">
                <button type="button" onClick={() => void file.keepMine()}>
                  {t('note.keepMine')}
                </button>
                <button type="button" onClick={() => void file.reload()}>
                  {t('note.loadTheirs')}
                </button>
              </span>
            )}
          </div>
        )}
      </header>
      {!readOnly && <EditorToolbar editor={editor} saveAttachment={saveAttachment} onImageError={onImageError} />}
      <div className="note-editor" onClick={onClick} onMouseOver={chips.onMouseOver} onMouseOut={chips.onMouseOut}>
        <EditorContent editor={editor} />
      </div>
      {chips.card && (
        <CitationCard
          citation={chips.card.citation}
          anchor={chips.card.anchor}
          onOpenSource={(c) => {
            chips.hideCard();
            onOpen({ kind: 'source', id: c.sourceId, ...(c.annotationId ? { annotationId: c.annotationId } : {}) });
          }}
          onOpenExternal={onOpenExternal}
          onPointerEnter={chips.keepCard}
          onPointerLeave={chips.leaveCard}
        />
      )}
      {note && <NoteBacklinks id={note.id} title={note.title} revision={revision} readOnly={readOnly} onOpen={onOpen} onError={onError} />}
      <footer className="note-footer">
        <WordCount editor={editor} />
      </footer>
    </article>
  );
}

/** After the caret's paragraph; a note never clicked into yet gets the quote at its end rather than before its first line. */
function insertAtCaret(editor: Editor, markdown: string): boolean {
  if (editor.isDestroyed || !editor.isEditable) return false;
  const { from } = editor.state.selection;
  const { doc } = editor.state;
  const atStart = from <= 1 && !editor.isFocused && doc.textContent.length > 0;
  return insertQuote(editor, atStart ? doc.content.size : afterTextblock(doc, from), markdown);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
