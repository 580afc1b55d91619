import { describe, expect, it } from 'vitest';
import { assignableRoles, roleLabel } from './roles';

describe('roles', () => {
  it('labels each role as people read it', () => {
    expect(['super_admin', 'manager', 'staff', 'viewer'].map(roleLabel)).toEqual(['Super Admin', 'Manager', 'Staff', 'Viewer']);
  });

  it('lets a Super Admin give any role, a Manager never Super Admin, and the others none', () => {
    expect(assignableRoles('super_admin')).toEqual(['super_admin', 'manager', 'staff', 'viewer']);
    expect(assignableRoles('manager')).toEqual(['manager', 'staff', 'viewer']);
    expect(assignableRoles('staff')).toEqual([]);
    expect(assignableRoles('viewer')).toEqual([]);
  });
});
