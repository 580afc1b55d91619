import type { ApiError } from '../../api/client';

/**
 * What the login page says when signing in fails: the server's own sentence (the same one for an unknown email
 * and a wrong password), or for throttling how long to wait, in whole minutes.
 */
export function loginErrorMessage(error: ApiError): string {
  if (error.status === 429) {
    const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
    return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
  }
  return error.message;
}
