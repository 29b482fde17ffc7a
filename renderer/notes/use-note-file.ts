import { useCallback, useEffect, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { api, ApiError, errorMessage } from '../api-client.ts';
import { loadBlocks, saveBlocks, serializeDocument, type LoadedNote } from './block-document.ts';
import type { NoteDetail } from '../../electron/api.ts';

export type SaveState = 'saved' | 'editing' | 'saving' | 'conflict' | 'error';

/** Within a second of the last change: a crash loses at most that. */
const SAVE_DELAY_MS = 700;

interface NoteFileOptions {
  /** null for a new note: its file is created by the first save, once something was typed. */
  id: string | null;
  revision: number;
  editor: Editor | null;
  untitled: string;
  changedOutside: string;
  otherKept: string;
  onCreated: (id: string) => void;
}

/**
 * A note's file behind the editor: load, autosave, and the conflict with a version changed on disk.
 * Nothing is written that was not edited, and a save is checked against the version that was read.
 */
export function useNoteFile({ id, revision, editor, untitled, changedOutside, otherKept, onCreated }: NoteFileOptions) {
  const [note, setNote] = useState<NoteDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [tags, setTags] = useState('');
  const [state, setState] = useState<SaveState>('saved');
  const [message, setMessage] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const noteId = useRef<string | null>(id);
  const baseRevision = useRef<string | null>(null);
  /** The note's blocks as loaded: every save is worked out against them, so kept blocks stay the file's bytes. */
  const blocks = useRef<LoadedNote | null>(null);
  const dirty = useRef(false);
  /** While the file on disk and the editor disagree, nothing is saved until the user chooses. */
  const conflict = useRef(false);
  const saving = useRef<Promise<void> | null>(null);
  const timer = useRef<number | null>(null);
  const latest = useRef({ title, tags });
  latest.current = { title, tags };
  /**
   * The title as last committed (Enter, leaving the field, leaving the note). A title names the file,
   * and renaming rewrites every link to the note: that happens once per title, not per keystroke.
   */
  const committedTitle = useRef('');

  const bodyNow = useCallback((): string | null => {
    if (!editor) return null;
    const loaded = blocks.current;
    // The file's own bytes for untouched blocks; a title or tag change leaves the body exactly as it was.
    if (loaded) return saveBlocks(editor, loaded) ?? loaded.source.bom + loaded.source.body;
    const markdown = serializeDocument(editor).replace(/\n+$/, '');
    return markdown === '' ? '' : `${markdown}\n`;
  }, [editor]);

  const writeNow = useCallback(
    async (replaceNewer: boolean): Promise<void> => {
      if (!editor || !dirty.current) return;
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
      const body = bodyNow() ?? '';
      const { tags: typedTags } = latest.current;
      const typedTitle = committedTitle.current;
      const currentTitle = typedTitle.trim() || untitled;
      dirty.current = false;
      setState('saving');
      try {
        let saved: NoteDetail;
        if (noteId.current === null) {
          if (typedTitle.trim() === '' && body.trim() === '' && parseTags(typedTags).length === 0) {
            setState('saved');
            return;
          }
          saved = await api.createNote({ title: currentTitle, body });
          noteId.current = saved.id;
          if (parseTags(typedTags).length > 0) saved = await api.saveNote({ id: saved.id, title: currentTitle, body, tags: parseTags(typedTags), baseRevision: saved.revision, replaceNewer: false });
          baseRevision.current = saved.revision;
          onCreated(saved.id);
        } else {
          if (baseRevision.current === null) return;
          saved = await api.saveNote({ id: noteId.current, title: currentTitle, body, tags: parseTags(typedTags), baseRevision: baseRevision.current, replaceNewer });
        }
        baseRevision.current = saved.revision;
        conflict.current = false;
        setNote(saved);
        setState(dirty.current ? 'editing' : 'saved');
        setMessage(null);
        if (replaceNewer) setInfo(otherKept);
      } catch (error) {
        dirty.current = true;
        conflict.current = error instanceof ApiError && error.code === 'conflict';
        setState(conflict.current ? 'conflict' : 'error');
        setMessage(errorMessage(error));
      }
    },
    [editor, bodyNow, untitled, otherKept, onCreated],
  );

  /** Saves now; a save already running finishes first, so two never race on one file. */
  const save = useCallback(
    async (replaceNewer = false): Promise<void> => {
      while (saving.current) await saving.current;
      const running = writeNow(replaceNewer).finally(() => {
        saving.current = null;
      });
      saving.current = running;
      await running;
    },
    [writeNow],
  );
  const saveRef = useRef(save);
  saveRef.current = save;

  const markDirty = useCallback(() => {
    dirty.current = true;
    setState((s) => (s === 'conflict' ? s : 'editing'));
    if (timer.current !== null) window.clearTimeout(timer.current);
    if (conflict.current) return;
    timer.current = window.setTimeout(() => void saveRef.current(), SAVE_DELAY_MS);
  }, []);

  const load = useCallback(
    async (force: boolean) => {
      const current = noteId.current;
      if (!editor || current === null) return;
      try {
        // A change event may be this editor's own save, still on its way back: wait for it first.
        while (!force && saving.current) await saving.current;
        const fresh = await api.getNote({ id: current });
        if (!force && (fresh.revision === baseRevision.current || saving.current)) return;
        if (dirty.current && !force) {
          conflict.current = true;
          if (timer.current !== null) window.clearTimeout(timer.current);
          setState('conflict');
          setMessage(changedOutside);
          return;
        }
        baseRevision.current = fresh.revision;
        dirty.current = false;
        conflict.current = false;
        setNote(fresh);
        setTitle(fresh.title);
        committedTitle.current = fresh.title;
        setTags(fresh.tags.join(', '));
        // Block by block, so that a save copies every block the user did not touch byte for byte.
        const caret = editor.isFocused ? editor.state.selection.from : null;
        blocks.current = loadBlocks(editor, fresh.body);
        // A version changed elsewhere replaces the text, not the place the user was writing at.
        if (caret !== null) editor.commands.setTextSelection(Math.min(caret, editor.state.doc.content.size));
        setState('saved');
        setMessage(null);
        setLoadError(null);
      } catch (error) {
        setLoadError(errorMessage(error));
      }
    },
    [editor, changedOutside],
  );

  useEffect(() => {
    // The id this editor just created arrives as a prop: the note is already here, with the caret.
    if (id !== null && id === noteId.current && baseRevision.current !== null) return;
    noteId.current = id;
    baseRevision.current = null;
    dirty.current = false;
    blocks.current = null;
    if (id !== null) void load(true);
  }, [id, editor]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (baseRevision.current !== null) void load(false);
  }, [revision]); // eslint-disable-line react-hooks/exhaustive-deps

  const setTitleTyped = (value: string) => {
    setTitle(value);
    setState((s) => (s === 'saved' ? 'editing' : s));
  };
  const commitTitle = () => {
    if (latest.current.title === committedTitle.current) return;
    committedTitle.current = latest.current.title;
    markDirty();
  };
  const commitTitleRef = useRef(commitTitle);
  commitTitleRef.current = commitTitle;
  const setTagsTyped = (value: string) => {
    setTags(value);
    markDirty();
  };
  useEffect(() => {
    // Leaving the note, closing the window, or switching away: write what was typed since the last save.
    const flush = () => {
      commitTitleRef.current();
      if (dirty.current && !conflict.current) void saveRef.current();
    };
    const onUnload = (event: BeforeUnloadEvent) => {
      commitTitleRef.current();
      if (!dirty.current) return;
      flush();
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onUnload);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
      flush();
    };
  }, []);

  const keepMine = async () => {
    dirty.current = true;
    await save(true);
  };
  const flushNow = () => {
    commitTitle();
    if (dirty.current && !conflict.current) void saveRef.current();
  };

  return { note, loadError, title, tags, state, message, info, setInfo, setTitle: setTitleTyped, setTags: setTagsTyped, markDirty, save, flushNow, keepMine, reload: () => load(true), noteId };
}

export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim().replace(/^#/, '')).filter(Boolean))];
}
