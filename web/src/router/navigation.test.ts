import { describe, expect, it } from 'vitest';
import type { RoleName } from '../api/accounts';
import { meAs } from '../testing/accounts';
import { navigationFor } from './navigation';

const dashboards = [
  { id: 'executive', title: 'Executive', description: null, order: 1 },
  { id: 'sales', title: 'Sales analytics', description: null, order: 2 },
];

describe('navigationFor', () => {
  it.each<[RoleName, string[]]>([
    ['super_admin', ['Executive', 'Sales analytics', 'Users', 'Tokens', 'Audit', 'About', 'API docs']],
    ['manager', ['Executive', 'Sales analytics', 'Users', 'Tokens', 'About']],
    ['staff', ['Executive', 'Sales analytics', 'About']],
    ['viewer', ['Executive', 'Sales analytics', 'About']],
  ])('offers a %s the dashboards, then exactly the pages the role may use', (role, labels) => {
    expect(navigationFor(meAs(role), dashboards).map((entry) => entry.label)).toEqual(labels);
  });

  it('links each dashboard to its page', () => {
    expect(navigationFor(meAs('viewer'), dashboards).slice(0, 2)).toEqual([
      { label: 'Executive', to: '/dashboards/executive' },
      { label: 'Sales analytics', to: '/dashboards/sales' },
    ]);
  });

  it('offers the pages alone before the dashboards are known', () => {
    expect(navigationFor(meAs('manager')).map((entry) => entry.label)).toEqual(['Users', 'Tokens', 'About']);
  });

  it('links the API docs as a page of its own, outside the app', () => {
    expect(navigationFor(meAs('super_admin')).at(-1)).toEqual({ label: 'API docs', href: '/api-docs/' });
  });
});
