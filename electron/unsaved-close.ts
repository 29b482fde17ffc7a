import type { Bilingual } from './core/bilingual.ts';

/**
 * Closing the window while a note has typing not yet saved: the page's `beforeunload` has just
 * started that save and held the close. The window closes again a moment later, once the note is
 * written. If the page still holds it (the note could not be saved: a conflict, a full disk), the
 * user is asked, and nothing is thrown away without their word.
 */

export interface UnsavedCloseDeps {
  /** `webContents.on('will-prevent-unload', …)`. */
  onPreventUnload: (listener: (event: { preventDefault: () => void }) => void) => void;
  close: () => void;
  /** Shows the question; resolves to true when the user chooses to close anyway. */
  askCloseAnyway: (words: { message: string; detail: string; stay: string; close: string }) => boolean;
  language: () => 'en' | 'fr';
  setTimeout: (callback: () => void, ms: number) => unknown;
  now: () => number;
}

/** Long enough for a note's save to reach the disk; short enough to feel like the close the user asked for. */
export const RETRY_CLOSE_MS = 400;
/** A close held again this soon after the retry is the same close: the save did not happen. */
const SAME_CLOSE_MS = 3000;

const WORDS: Record<'message' | 'detail' | 'stay' | 'close', Bilingual> = {
  message: { en: 'A note has changes that could not be saved.', fr: 'Une note a des modifications qui n’ont pas pu être enregistrées.' },
  detail: {
    en: 'Carnet tried to save it and could not: see the message above the note. Stay to keep your text, or close and lose what was typed since the last save.',
    fr: 'Carnet a essayé de l’enregistrer sans y parvenir : voyez le message au-dessus de la note. Restez pour garder votre texte, ou fermez et perdez ce qui a été tapé depuis le dernier enregistrement.',
  },
  stay: { en: 'Stay', fr: 'Rester' },
  close: { en: 'Close without saving', fr: 'Fermer sans enregistrer' },
};

export function guardUnsavedClose(deps: UnsavedCloseDeps): void {
  let retriedAt = Number.NEGATIVE_INFINITY;
  deps.onPreventUnload((event) => {
    if (deps.now() - retriedAt > SAME_CLOSE_MS) {
      retriedAt = deps.now();
      deps.setTimeout(deps.close, RETRY_CLOSE_MS);
      return;
    }
    const lang = deps.language();
    const words = { message: WORDS.message[lang], detail: WORDS.detail[lang], stay: WORDS.stay[lang], close: WORDS.close[lang] };
    if (deps.askCloseAnyway(words)) event.preventDefault();
  });
}
