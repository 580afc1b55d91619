import type { ApiToken, RoleName } from '../../api/accounts';

/** What the create form holds; `expiresInDays` null means the token does not expire. */
export interface TokenForm {
  name: string;
  role: RoleName;
  branches: string[];
  expiresInDays: number | null;
}

/** The expiry choices offered. */
export const expiryChoices: readonly { days: number | null; label: string }[] = [
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '1 year' },
  { days: null, label: 'Never' },
];

export function validateToken(form: TokenForm, callerRole: RoleName): Record<string, string> {
  const errors: Record<string, string> = {};
  if (form.name.trim() === '') errors['name'] = 'Name the token after what uses it, like "Warehouse sync".';
  if (callerRole === 'manager' && form.branches.length === 0) errors['branches'] = 'Pick at least one of your branches.';
  return errors;
}

/** `POST /api/tokens`'s body. */
export function tokenBody(form: TokenForm): Record<string, unknown> {
  return {
    name: form.name.trim(),
    role: form.role,
    branches: form.branches,
    ...(form.expiresInDays !== null ? { expiresInDays: form.expiresInDays } : {}),
  };
}

/** Whether a token still works: revoked and expired tokens are refused by the server. */
export function tokenStatus(token: ApiToken, now: Date = new Date()): 'active' | 'revoked' | 'expired' {
  if (token.revokedAt !== null) return 'revoked';
  if (token.expiresAt !== null && new Date(token.expiresAt) <= now) return 'expired';
  return 'active';
}
