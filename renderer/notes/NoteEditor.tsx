import type { MouseEvent } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import { api, ApiError, errorMessage } from '../api-client.ts';
import { formatDate, useI18n } from '../i18n/i18n.tsx';
import { Icon } from '../app/icons.tsx';
import { placeFromCarnetUrl, type Place } from '../app/navigation.ts';
import { markdownForFile, noteExtensions } from './note-extensions.ts';
import { loadBlocks, saveBlocks, type LoadedNote } from './block-document.ts';
import type { NoteDetail } from '../../electron/api.ts';

interface NoteEditorProps {
  id: string;
  /** Bumped when the vault changes: a hand edit of this note reloads it, unless there are unsaved edits. */
  revision: number;
  readOnly: boolean;
  onOpen: (place: Place) => void;
  onOpenExternal: (url: string) => void;
  onDelete: (title: string) => void;
}

type SaveState = 'saved' | 'editing' | 'saving' | 'conflict' | 'error';

const SAVE_DELAY_MS = 700;

/** Notes are Markdown, edited in TipTap and saved as the user types; nothing is written that was not edited. */
export function NoteEditor({ id, revision, readOnly, onOpen, onOpenExternal, onDelete }: NoteEditorProps) {
  const { t, language } = useI18n();
  const [note, setNote] = useState<NoteDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [tags, setTags] = useState('');
  const [state, setState] = useState<SaveState>('saved');
  const [message, setMessage] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const baseRevision = useRef<string | null>(null);
  /** The note's blocks as loaded: every save is worked out against them, so kept blocks stay the file's bytes. */
  const blocks = useRef<LoadedNote | null>(null);
  const dirty = useRef(false);
  const timer = useRef<number | null>(null);
  const latest = useRef({ title, tags });
  latest.current = { title, tags };

  const editor = useEditor({
    extensions: noteExtensions(),
    editable: !readOnly,
    editorProps: { attributes: { class: 'note-body prose', 'aria-label': t('note.body') } },
    onUpdate: ({ transaction }) => {
      if (transaction.docChanged) markDirty();
    },
  });

  const save = useCallback(async (replaceNewer = false): Promise<void> => {
    if (!editor || !dirty.current || baseRevision.current === null) return;
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    // The file's own bytes for untouched blocks; a title or tag change leaves the body exactly as it was.
    const loaded = blocks.current;
    const body = loaded ? (saveBlocks(editor, loaded) ?? loaded.source.bom + loaded.source.body) : markdownForFile(editor.getMarkdown());
    const { title: currentTitle, tags: currentTags } = latest.current;
    dirty.current = false;
    setState('saving');
    try {
      const saved = await api.saveNote({ id, title: currentTitle.trim() || t('note.untitled'), body, tags: parseTags(currentTags), baseRevision: baseRevision.current, replaceNewer });
      baseRevision.current = saved.revision;
      setNote(saved);
      setState(dirty.current ? 'editing' : 'saved');
      setMessage(null);
      if (replaceNewer) setInfo(t('note.otherKept'));
    } catch (error) {
      dirty.current = true;
      setState(error instanceof ApiError && error.code === 'conflict' ? 'conflict' : 'error');
      setMessage(errorMessage(error));
    }
  }, [editor, id, t]);

  const markDirty = useCallback(() => {
    dirty.current = true;
    setState((s) => (s === 'conflict' ? s : 'editing'));
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void saveRef.current(), SAVE_DELAY_MS);
  }, []);
  const saveRef = useRef(save);
  saveRef.current = save;

  const load = useCallback(
    async (force: boolean) => {
      try {
        const fresh = await api.getNote({ id });
        if (!editor) return;
        if (fresh.revision === baseRevision.current && !force) return;
        if (dirty.current && !force) {
          setState('conflict');
          setMessage(t('note.changedOutside'));
          return;
        }
        baseRevision.current = fresh.revision;
        dirty.current = false;
        setNote(fresh);
        setTitle(fresh.title);
        setTags(fresh.tags.join(', '));
        // Block by block, so that a save copies every block the user did not touch byte for byte.
        blocks.current = loadBlocks(editor, fresh.body);
        setState('saved');
        setMessage(null);
        setLoadError(null);
      } catch (error) {
        setLoadError(errorMessage(error));
      }
    },
    [editor, id, t],
  );

  useEffect(() => {
    baseRevision.current = null;
    dirty.current = false;
    void load(true);
    return () => {
      // Leaving the note: write what was typed since the last save.
      if (dirty.current) void saveRef.current();
    };
  }, [id, editor]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (baseRevision.current !== null) void load(false);
  }, [revision]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    editor?.setEditable(!readOnly);
  }, [editor, readOnly]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void saveRef.current();
      }
    };
    const onUnload = (event: BeforeUnloadEvent) => {
      if (dirty.current) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, []);

  const keepMine = async () => {
    dirty.current = true;
    await save(true);
  };

  const onClick = (event: MouseEvent) => {
    const anchor = (event.target as HTMLElement).closest('a');
    if (!anchor) return;
    event.preventDefault();
    const href = anchor.getAttribute('href') ?? '';
    const place = placeFromCarnetUrl(href);
    if (place) onOpen(place);
    else if (/^https?:\/\//i.test(href)) onOpenExternal(href);
  };

  if (loadError) return <div className="centre-message" role="alert">{loadError}</div>;

  return (
    <article className="note">
      <header className="note-header">
        <p className="kind-label">
          <Icon name="note" /> {t('note.kind')}
          <span className={`save-state save-${state}`} role="status" aria-live="polite">
            {t(`note.state.${state}`)}
          </span>
        </p>
        <input
          className="note-title"
          value={title}
          readOnly={readOnly}
          aria-label={t('note.title')}
          onChange={(e) => {
            setTitle(e.target.value);
            markDirty();
          }}
        />
        <div className="note-meta">
          <label>
            <span>{t('note.tags')}</span>
            <input
              value={tags}
              readOnly={readOnly}
              placeholder={t('note.tagsPlaceholder')}
              onChange={(e) => {
                setTags(e.target.value);
                markDirty();
              }}
            />
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
            <button type="button" className="link-button" onClick={() => setInfo(null)}>
              {t('common.dismiss')}
            </button>
          </div>
        )}
        {message && (
          <div className={`banner ${state === 'conflict' ? 'banner-warning' : 'banner-error'}`} role="alert">
            <span>{message}</span>
            {state === 'conflict' && (
              <span className="banner-actions">
                <button type="button" onClick={() => void keepMine()}>
                  {t('note.keepMine')}
                </button>
                <button type="button" onClick={() => void load(true)}>
                  {t('note.loadTheirs')}
                </button>
              </span>
            )}
          </div>
        )}
      </header>
      <div className="note-editor" onClick={onClick}>
        <EditorContent editor={editor} />
      </div>
    </article>
  );
}

function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim().replace(/^#/, '')).filter(Boolean))];
}
