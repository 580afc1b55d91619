import type { RoleName, User } from '../../api/accounts';

/** What the add/edit form holds. */
export interface UserForm {
  email: string;
  displayName: string;
  role: RoleName;
  branches: string[];
  employeeId: string;
  isActive: boolean;
}

/** The form for a new user (the least role the caller may give), or filled from an existing one. */
export function userFormFor(user: User | null, defaultRole: RoleName): UserForm {
  if (user === null) return { email: '', displayName: '', role: defaultRole, branches: [], employeeId: '', isActive: true };
  return {
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    branches: [...user.branches],
    employeeId: user.employeeId ?? '',
    isActive: user.isActive,
  };
}

/** Messages per field for what the server would refuse anyway, so the person learns before sending. */
export function validateUser(form: UserForm, callerRole: RoleName): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!/^[^\s@]+@[^\s@]+$/.test(form.email.trim())) errors['email'] = 'Enter an email address, like name@company.com.';
  if (form.displayName.trim() === '') errors['displayName'] = 'Enter the name to show for this user.';
  if (form.role === 'manager' && form.branches.length === 0) errors['branches'] = 'A Manager needs at least one branch.';
  else if (callerRole === 'manager' && form.branches.length === 0) errors['branches'] = 'Pick at least one of your branches.';
  return errors;
}

/** `POST /api/users`'s body; the server generates the password. */
export function createBody(form: UserForm): Record<string, unknown> {
  return {
    email: form.email.trim(),
    displayName: form.displayName.trim(),
    role: form.role,
    branches: form.branches,
    ...(form.employeeId.trim() ? { employeeId: form.employeeId.trim() } : {}),
  };
}

/** `PATCH /api/users/{id}`'s body: only what changed (an audit entry names each changed field). */
export function patchBody(user: User, form: UserForm): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (form.displayName.trim() !== user.displayName) body['displayName'] = form.displayName.trim();
  if (form.role !== user.role) body['role'] = form.role;
  if (!sameSet(form.branches, user.branches)) body['branches'] = form.branches;
  if (form.employeeId.trim() !== (user.employeeId ?? '')) body['employeeId'] = form.employeeId.trim();
  if (form.isActive !== user.isActive) body['isActive'] = form.isActive;
  return body;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
