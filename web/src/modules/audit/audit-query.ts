/** The audit log's filters and page. */
export interface AuditFilter {
  page: number;
  pageSize: number;
  /** An action name, or '' for any. */
  action: string;
  /** A user id, or null for anyone. */
  userId: number | null;
}

/** The actions the server records, for the filter. */
export const auditActions: readonly string[] = [
  'login.succeeded',
  'login.failed',
  'logout',
  'password.changed',
  'password.reset',
  'user.created',
  'user.updated',
  'token.created',
  'token.revoked',
  'query.explained',
  'export',
];

/** `GET /api/audit` with the filters that are set. */
export function auditUrl(filter: AuditFilter): string {
  const query = new URLSearchParams({ page: String(filter.page), pageSize: String(filter.pageSize) });
  if (filter.action !== '') query.set('action', filter.action);
  if (filter.userId !== null) query.set('userId', String(filter.userId));
  return `/api/audit?${query.toString()}`;
}

/** How many pages `total` entries fill (at least one, so "page 1 of 1" for an empty log). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * An entry's details in one line. A change is recorded as `{ old, new }` (and a user's changes under `changes`):
 * `{"changes":{"role":{"old":"staff","new":"manager"}}}` reads `role: staff → manager`.
 */
export function describeDetails(details: unknown): string {
  if (details === null || details === undefined) return '';
  if (!isRecord(details)) return show(details);
  const fields = isRecord(details['changes']) ? details['changes'] : details;
  return Object.entries(fields)
    .map(([key, value]) => (isChange(value) ? `${key}: ${show(value.old)} → ${show(value.new)}` : `${key}: ${show(value)}`))
    .join('; ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isChange(value: unknown): value is { old: unknown; new: unknown } {
  return isRecord(value) && 'old' in value && 'new' in value;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(show).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
