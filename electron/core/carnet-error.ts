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
  | 'io';

export class CarnetError extends Error {
  readonly code: CarnetErrorCode;
  constructor(code: CarnetErrorCode, message: string) {
    super(message);
    this.name = 'CarnetError';
    this.code = code;
  }
}

export function isNodeError(error: unknown, code?: string): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error && (code === undefined || (error as NodeJS.ErrnoException).code === code);
}
