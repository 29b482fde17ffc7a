/**
 * The note last open in this window: "Quote in note" offers it first, as the note the researcher is
 * writing. Kept for the session (a reload keeps it); each window has its own.
 */
const KEY = 'carnet.lastNote';

export function rememberNote(id: string): void {
  try {
    sessionStorage.setItem(KEY, id);
  } catch {
    // Storage refused (private mode): the offer simply starts with a new note.
  }
}

export function lastNoteId(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}
