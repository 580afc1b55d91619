import { describe, expect, it } from 'vitest';
import type { RoleName } from '../api/accounts';
import { meAs } from '../testing/accounts';
import { navigationFor } from './navigation';

describe('navigationFor', () => {
  it.each<[RoleName, string[]]>([
    ['super_admin', ['Home', 'Users', 'Tokens', 'Audit', 'API docs']],
    ['manager', ['Home', 'Users', 'Tokens']],
    ['staff', ['Home']],
    ['viewer', ['Home']],
  ])('offers a %s exactly the pages the role may use', (role, labels) => {
    expect(navigationFor(meAs(role)).map((entry) => entry.label)).toEqual(labels);
  });

  it('links the API docs as a page of its own, outside the app', () => {
    expect(navigationFor(meAs('super_admin')).at(-1)).toEqual({ label: 'API docs', href: '/api-docs/' });
  });
});
