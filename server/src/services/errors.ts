import { ERROR_STATUS, type ErrorCode } from '@cofacture/shared';

/** An error a person can act on; the HTTP layer turns it into `{ error: { code, message } }`. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
