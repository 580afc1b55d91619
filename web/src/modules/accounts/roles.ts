import type { RoleName } from '../../api/accounts';

/** Every role, highest first, as pickers list them. */
export const roleNames: readonly RoleName[] = ['super_admin', 'manager', 'staff', 'viewer'];

const labels: Record<RoleName, string> = {
  super_admin: 'Super Admin',
  manager: 'Manager',
  staff: 'Staff',
  viewer: 'Viewer',
};

/** The role as people read it ("Super Admin"); an unknown name is shown as it is. */
export function roleLabel(role: string): string {
  return labels[role as RoleName] ?? role;
}

/**
 * The roles someone of `role` may give to a user or a token: a Super Admin any, a Manager never Super Admin
 * (the server enforces it too; the picker just does not offer it).
 */
export function assignableRoles(role: RoleName): readonly RoleName[] {
  if (role === 'super_admin') return roleNames;
  if (role === 'manager') return ['manager', 'staff', 'viewer'];
  return [];
}
