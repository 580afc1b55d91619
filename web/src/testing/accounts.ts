import type { Branch, Me, RoleName } from '../api/accounts';

/** The branches of the unit tests' company. */
export const branches: Branch[] = [
  { id: 'north', name: 'North', city: 'Leeds' },
  { id: 'south', name: 'South', city: 'Brighton' },
  { id: 'east', name: 'East', city: 'Norwich' },
];

/** A signed-in user of a role, with the permissions the server gives that role. */
export function meAs(role: RoleName, overrides: Partial<Me> = {}): Me {
  const manageUsers = role === 'super_admin' || role === 'manager';
  return {
    id: { super_admin: 1, manager: 2, staff: 3, viewer: 4 }[role],
    email: `${role}@example.test`,
    displayName: { super_admin: 'Ada Admin', manager: 'Mona Manager', staff: 'Sam Staff', viewer: 'Vic Viewer' }[role],
    role,
    branches: role === 'manager' ? [{ id: 'north', name: 'North' }] : [],
    employeeId: role === 'staff' ? 'emp-7' : null,
    permissions: { export: manageUsers, manageUsers, superAdmin: role === 'super_admin', apiTokens: manageUsers },
    ...overrides,
  };
}
