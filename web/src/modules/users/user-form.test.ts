import { describe, expect, it } from 'vitest';
import type { User } from '../../api/accounts';
import { createBody, patchBody, userFormFor, validateUser } from './user-form';

const sam: User = {
  id: 5,
  email: 'sam@example.test',
  displayName: 'Sam Staff',
  role: 'staff',
  branches: ['north'],
  employeeId: 'emp-7',
  isActive: true,
  createdAt: '2026-11-01T09:00:00Z',
  lastLoginAt: null,
};

describe('the user form', () => {
  it('starts a new user at the least role the caller may give', () => {
    expect(userFormFor(null, 'viewer')).toMatchObject({ email: '', role: 'viewer', branches: [], isActive: true });
  });

  it('asks for an email, a name, and branches for a Manager', () => {
    const errors = validateUser({ ...userFormFor(null, 'viewer'), email: 'not an email', role: 'manager' }, 'super_admin');

    expect(Object.keys(errors).sort()).toEqual(['branches', 'displayName', 'email']);
  });

  it("makes a Manager pick at least one of their branches for anyone they add", () => {
    const form = { ...userFormFor(null, 'viewer'), email: 'v@example.test', displayName: 'V' };

    expect(validateUser(form, 'manager')).toHaveProperty('branches');
    expect(validateUser(form, 'super_admin')).toEqual({});
  });

  it('sends a new user without a password (the server generates it) and without an empty employee id', () => {
    const form = { ...userFormFor(null, 'viewer'), email: ' v@example.test ', displayName: ' Vic ', branches: ['south'] };

    expect(createBody(form)).toEqual({ email: 'v@example.test', displayName: 'Vic', role: 'viewer', branches: ['south'] });
  });

  it('sends only what changed when editing', () => {
    const form = { ...userFormFor(sam, 'viewer'), role: 'manager' as const, branches: ['north', 'south'], isActive: false };

    expect(patchBody(sam, form)).toEqual({ role: 'manager', branches: ['north', 'south'], isActive: false });
    expect(patchBody(sam, userFormFor(sam, 'viewer'))).toEqual({});
  });

  it('treats the same branches in another order as unchanged, and send a cleared employee id as empty (which removes the link)', () => {
    const twoBranches = { ...sam, branches: ['north', 'south'] };
    const form = { ...userFormFor(twoBranches, 'viewer'), branches: ['south', 'north'], employeeId: '' };

    expect(patchBody(twoBranches, form)).toEqual({ employeeId: '' });
  });
});
