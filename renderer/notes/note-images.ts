import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Slice } from '@tiptap/pm/model';
import { attachmentName, ImageInsertError, isVaultPath, looksLikeImage, markdownSafePath, sniffImage, type SaveAttachment } from './image-files.ts';
import { addPending, pendingImagesPlugin, pendingPosition, removePending, tracksPendingImages } from './pending-images.ts';
import { stripRemoteImageNodes, stripRemoteImages } from './remote-images.ts';

/**
 * Images in a note are files of the vault (`attachments/…`), written by the app, never fetched:
 * a pasted or dropped picture is saved through `saveAttachment` and the note gets its vault path;
 * an image from a web page (`<img src="https://…">`) becomes a link to its address, with its alt text.
 */

// NoteEditor.tsx takes these types from here, with imageDropPaste.
export type { ImageInsertError, SaveAttachment } from './image-files.ts';

/**
 * Saves `file` into the vault and puts an image of it in the note, at `at` (a drop) or at the cursor.
 * Resolves to the vault path written; rejects with an ImageInsertError for a file that is not a
 * PNG, JPEG, GIF or WebP, or that the vault could not keep.
 */
export async function insertImageFromFile(editor: Editor, file: File, saveAttachment: SaveAttachment, options: { at?: number } = {}): Promise<string> {
  return (await placeImage(editor, file, saveAttachment, options.at)).path;
}

/** The work of insertImageFromFile; also tells where the image ended, for the next one of a drop. */
async function placeImage(editor: Editor, file: File, saveAttachment: SaveAttachment, wanted: number | undefined): Promise<{ path: string; end: number | undefined }> {
  if (file.type === 'image/svg+xml' || /\.svgz?$/i.test(file.name)) throw new ImageInsertError('unsupported', file.name);

  // From now until the image is in, a placeholder marks the spot and moves with the text typed meanwhile.
  const id = {};
  const tracked = !editor.isDestroyed && tracksPendingImages(editor.state);
  if (tracked) {
    const pos = Math.min(wanted ?? editor.state.selection.from, editor.state.doc.content.size);
    editor.view.dispatch(addPending(editor.state.tr, id, pos).setMeta('addToHistory', false));
  }
  const forget = () => {
    if (tracked && !editor.isDestroyed) editor.view.dispatch(removePending(editor.state.tr, id).setMeta('addToHistory', false));
  };

  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    forget();
    throw new ImageInsertError('failed', file.name, error);
  }
  const kind = sniffImage(bytes);
  if (!kind) {
    forget();
    throw new ImageInsertError('unsupported', file.name);
  }
  const name = attachmentName(file.name, kind);

  let path: string;
  try {
    path = await saveAttachment(name, bytes);
  } catch (error) {
    forget();
    throw new ImageInsertError('failed', file.name, error);
  }
  if (!isVaultPath(path)) {
    forget();
    throw new ImageInsertError('failed', file.name, new Error(`not a vault path: ${path}`));
  }
  if (editor.isDestroyed) return { path, end: undefined };
  const size = () => editor.state.doc.content.size;
  const at = (tracked ? pendingPosition(editor.state, id) : null) ?? Math.min(wanted ?? editor.state.selection.from, size());
  const dotAt = name.lastIndexOf('.');
  const attrs = { src: markdownSafePath(path), alt: dotAt > 0 ? name.slice(0, dotAt) : name, title: null };
  const before = size();
  editor
    .chain()
    .command(({ tr }) => {
      if (tracked) removePending(tr, id);
      return true;
    })
    // The cursor stays where the user is now; one right at the spot moves past the image.
    .insertContentAt(at, { type: 'image', attrs }, { updateSelection: false })
    .run();
  return { path, end: at + (size() - before) };
}

/** Inserts every file in turn, in order; each refusal or failure goes to `onError`, the others still go in. */
export async function insertImageFiles(editor: Editor, files: File[], saveAttachment: SaveAttachment, onError?: (error: ImageInsertError) => void, at?: number): Promise<void> {
  let pos = at;
  for (const file of files) {
    try {
      const placed = await placeImage(editor, file, saveAttachment, pos);
      if (pos !== undefined) pos = placed.end ?? pos;
    } catch (error) {
      onError?.(error instanceof ImageInsertError ? error : new ImageInsertError('failed', file.name, error));
    }
  }
}

function imageFiles(data: DataTransfer | null): File[] {
  return Array.from(data?.files ?? []).filter(looksLikeImage);
}

/** The HTML has words of its own (a copied passage with pictures in it), not just an `<img>`. */
function htmlHasText(html: string): boolean {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.body.textContent ?? '').trim() !== '';
}

export interface ImageDropPasteOptions {
  saveAttachment: SaveAttachment | null;
  onError: ((error: ImageInsertError) => void) | null;
}

export const ImageDropPaste = Extension.create<ImageDropPasteOptions>({
  name: 'imageDropPaste',
  addOptions() {
    return { saveAttachment: null, onError: null };
  },
  transformPastedHTML(html) {
    return stripRemoteImages(html);
  },
  addProseMirrorPlugins() {
    const editor = this.editor;
    const { saveAttachment, onError } = this.options;
    const report = (error: ImageInsertError) => onError?.(error);
    return [
      pendingImagesPlugin(),
      new Plugin({
        key: new PluginKey('carnetImageDropPaste'),
        props: {
          transformPasted(slice, view) {
            const content = stripRemoteImageNodes(slice.content, view.state.schema);
            return content === slice.content ? slice : new Slice(content, slice.openStart, slice.openEnd);
          },
          handlePaste(_view, event) {
            const files = imageFiles(event.clipboardData);
            if (files.length === 0 || !saveAttachment || !editor.isEditable) return false;
            // A copied passage of a web page or a document, with text: pasted as text (its images become links).
            const html = event.clipboardData?.getData('text/html') ?? '';
            if (html && htmlHasText(html)) return false;
            event.preventDefault();
            void insertImageFiles(editor, files, saveAttachment, report);
            return true;
          },
          handleDrop(view, event, _slice, moved) {
            if (moved) return false;
            const files = imageFiles(event.dataTransfer);
            if (files.length === 0 || !saveAttachment || !editor.isEditable) return false;
            event.preventDefault();
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.selection.from;
            void insertImageFiles(editor, files, saveAttachment, report, at);
            return true;
          },
        },
      }),
    ];
  },
});

/**
 * For `noteExtensions({ interactive: [...] })`. `saveAttachment` is kept by the editor for its whole
 * life: pass a stable function (one that reads the current vault from a ref if it must).
 */
export function imageDropPaste(saveAttachment: SaveAttachment, onError?: (error: ImageInsertError) => void) {
  return ImageDropPaste.configure({ saveAttachment, onError: onError ?? null });
}
