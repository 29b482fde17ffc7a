/** An error the user can act on: its code travels across the contract, its message is shown as is. */
export type CarnetErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'locked'
  | 'read-only'
  | 'conflict'
  | 'no-vault'
  | 'not-a-vault'
  | 'unreadable'
  | 'unsupported'
  | 'outside-vault'
  | 'disk-full'
  | 'too-heavy'
  | 'io';

import type { Bilingual, UiLanguage } from './bilingual.ts';

export type { Bilingual, UiLanguage };

export class CarnetError extends Error {
  readonly code: CarnetErrorCode;
  readonly text: Bilingual;
  constructor(code: CarnetErrorCode, message: string | Bilingual) {
    const text = typeof message === 'string' ? { en: message, fr: message } : message;
    super(text.en);
    this.name = 'CarnetError';
    this.code = code;
    this.text = text;
  }

  /** The message in the user's language. */
  in(language: UiLanguage): string {
    return this.text[language];
  }
}

export function isNodeError(error: unknown, code?: string): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error && (code === undefined || (error as NodeJS.ErrnoException).code === code);
}
