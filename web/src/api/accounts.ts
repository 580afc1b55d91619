/** The shapes of the accounts API (`/api/auth`, `/api/branches`, `/api/users`, `/api/tokens`, `/api/audit`). */

/** A role as the API names it. */
export type RoleName = 'super_admin' | 'manager' | 'staff' | 'viewer';

/** What the signed-in user may do; the UI shows only the pages these allow. */
export interface Permissions {
  export: boolean;
  manageUsers: boolean;
  superAdmin: boolean;
  apiTokens: boolean;
}

/** `GET /api/auth/me`: the signed-in user. */
export interface Me {
  id: number;
  email: string;
  displayName: string;
  role: RoleName;
  branches: { id: string; name: string }[];
  employeeId: string | null;
  permissions: Permissions;
}

/** `POST /api/auth/login`'s answer. */
export interface LoginResponse {
  user: Me;
  returnUrl: string;
}

/** `GET /api/branches`: a branch the caller may see (and so may pick). */
export interface Branch {
  id: string;
  name: string;
  city: string | null;
}

/** `GET /api/users`: a user as user management sees it. */
export interface User {
  id: number;
  email: string;
  displayName: string;
  role: RoleName;
  /** Branch ids. */
  branches: string[];
  employeeId: string | null;
  isActive: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

/** `POST /api/users`: the new user and their password, shown once. */
export interface CreatedUser {
  user: User;
  password: string;
}

/** `GET /api/tokens`: an API token (never its secret). */
export interface ApiToken {
  id: number;
  name: string;
  prefix: string;
  role: RoleName;
  branches: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** Only in a Super Admin's list of everyone's tokens. */
  ownerEmail?: string;
}

/** `POST /api/tokens`: the token itself, shown once, and what is stored about it. */
export interface CreatedToken {
  token: string;
  apiToken: ApiToken;
}

/** `GET /api/audit`: one entry of the audit log. */
export interface AuditEntry {
  id: number;
  occurredAt: string;
  userId: number | null;
  actor: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ipAddress: string | null;
  details: unknown;
}

/** `GET /api/audit`: one page of the audit log. */
export interface AuditPage {
  items: AuditEntry[];
  page: number;
  pageSize: number;
  total: number;
}
