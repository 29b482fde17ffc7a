import { useCallback, useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { posToDOMRect, type Editor } from '@tiptap/core';
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { useI18n } from '../i18n/i18n.tsx';
import { EditorIcon } from './editor-icons.tsx';
import { normalizeHref } from './link-address.ts';

/**
 * The toolbar's link editor: a small form under the selection that adds, changes or removes the
 * link there. Ctrl/⌘+K in the note or in the bar opens it, and so does openLinkEditor().
 */

const OPEN_LINK_EVENT = 'carnet:open-link-editor';

/** Opens the link editor of the toolbar mounted for `editor` (for a menu command or a context menu). */
export function openLinkEditor(editor: Editor): void {
  window.dispatchEvent(new CustomEvent<Editor>(OPEN_LINK_EVENT, { detail: editor }));
}

/** The link being edited (null while the editor is closed), and how to open and close it. */
export function useLinkEditor(editor: Editor, bar: RefObject<HTMLElement | null>) {
  const [link, setLink] = useState<{ href: string; editing: boolean } | null>(null);

  const openLink = useCallback(() => {
    if (!editor.isEditable || editor.isActive('codeBlock')) return;
    const editing = editor.isActive('link');
    const href = editing ? String(editor.getAttributes('link').href ?? '') : '';
    // The whole link is edited, wherever in it the cursor is.
    if (editing) editor.chain().extendMarkRange('link').run();
    setLink({ href, editing });
  }, [editor]);

  // Ctrl/⌘+K in the note or in this bar: the link editor, not the app's Quick Open (which a
  // capture listener on the window reaches first; under Electron the menu's accelerator still wins).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'k') return;
      const target = event.target instanceof Node ? event.target : null;
      if (!target || !(editorContains(editor, target) || bar.current?.contains(target))) return;
      event.preventDefault();
      event.stopPropagation();
      openLink();
    };
    const onOpen = (event: Event) => {
      if ((event as CustomEvent<Editor>).detail === editor) openLink();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener(OPEN_LINK_EVENT, onOpen);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener(OPEN_LINK_EVENT, onOpen);
    };
  }, [editor, openLink, bar]);

  const closeLink = useCallback(
    (refocus: boolean) => {
      setLink(null);
      if (refocus && !editor.isDestroyed) editor.commands.focus();
    },
    [editor],
  );

  return { link, openLink, closeLink };
}

function editorContains(editor: Editor, target: Node): boolean {
  if (editor.isDestroyed) return false;
  try {
    return editor.view.dom.contains(target);
  } catch {
    // Not mounted yet.
    return false;
  }
}

interface LinkEditorProps {
  editor: Editor;
  initial: string;
  editing: boolean;
  onClose: (refocus: boolean) => void;
}

/** A small form under the selection: the address, Apply, Remove (for a link being edited), Esc to leave. */
export function LinkEditor({ editor, initial, editing, onClose }: LinkEditorProps) {
  const { t } = useI18n();
  const [href, setHref] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLFormElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const { from, to } = editor.state.selection;
    const reference = { getBoundingClientRect: () => posToDOMRect(editor.view, from, to), contextElement: editor.view.dom };
    let placed = false;
    const update = () => {
      void computePosition(reference, element, { strategy: 'fixed', placement: 'bottom-start', middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8 })] }).then(({ x, y }) => {
        Object.assign(element.style, { left: `${x}px`, top: `${y}px`, visibility: 'visible' });
        // Hidden until placed, and a hidden field cannot take the focus: it takes it now.
        if (!placed) {
          placed = true;
          input.current?.focus();
          input.current?.select();
        }
      });
    };
    const cleanup = autoUpdate(reference, element, update);
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !element.contains(event.target)) onClose(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      cleanup();
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [editor, onClose]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const address = normalizeHref(href);
    if (address === '') {
      if (editing) editor.chain().focus().extendMarkRange('link').unsetLink().run();
      onClose(true);
      return;
    }
    if (!editor.can().setLink({ href: address })) {
      setError(t('editor.link.invalid'));
      return;
    }
    if (editor.state.selection.empty && !editing) {
      // Nothing selected: the address itself becomes the link's text.
      // What is typed next is not part of the link.
      editor.chain().focus().insertContent({ type: 'text', text: address, marks: [{ type: 'link', attrs: { href: address } }] }).unsetMark('link').run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href: address }).run();
    }
    onClose(true);
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose(true);
  };

  return createPortal(
    <form
      ref={box}
      className="link-editor"
      role="dialog"
      aria-label={t(editing ? 'editor.link.edit' : 'editor.link.add')}
      onSubmit={apply}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose(true);
        }
        // Ctrl/⌘+K here is not the app's Quick Open either.
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          event.stopPropagation();
        }
      }}
    >
      <label className="visually-hidden" htmlFor="carnet-link-href">
        {t('editor.link.address')}
      </label>
      <input
        ref={input}
        id="carnet-link-href"
        type="text"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        value={href}
        placeholder={t('editor.link.placeholder')}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'carnet-link-error' : undefined}
        onChange={(event) => {
          setHref(event.target.value);
          setError(null);
        }}
      />
      <button type="submit" className="icon-button" aria-label={t('editor.link.apply')} title={t('editor.link.apply')}>
        <EditorIcon name="check" />
      </button>
      {editing && (
        <button type="button" className="icon-button" aria-label={t('editor.link.remove')} title={t('editor.link.remove')} onClick={remove}>
          <EditorIcon name="unlink" />
        </button>
      )}
      <button type="button" className="icon-button" aria-label={t('common.cancel')} title={t('common.cancel')} onClick={() => onClose(true)}>
        <EditorIcon name="close" />
      </button>
      {error && (
        <p id="carnet-link-error" className="link-editor-error" role="alert">
          {error}
        </p>
      )}
    </form>,
    document.body,
  );
}
