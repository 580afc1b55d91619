import { describe, expect, it } from 'vitest';
import type { RoleName } from '../api/accounts';
import { meAs } from '../testing/accounts';
import { accessTo } from './access';
import { routes } from './routes';

function visit(path: string, query: Record<string, string> = {}) {
  const route = routes.find((r) => r.path === path);
  if (!route) throw new Error(`No route ${path}`);
  const search = new URLSearchParams(query).toString();
  return { fullPath: search ? `${path}?${search}` : path, meta: route.meta ?? {}, query };
}

/** The pages each role may use (the rest show "not available for your role"). */
const allowed: Record<RoleName, string[]> = {
  super_admin: ['/', '/users', '/tokens', '/audit'],
  manager: ['/', '/users', '/tokens'],
  staff: ['/'],
  viewer: ['/'],
};

describe('accessTo', () => {
  it.each(['/', '/users', '/tokens', '/audit'])('sends a visitor who is not signed in from %s to the login page, then back', (path) => {
    expect(accessTo(visit(path), null)).toEqual({ kind: 'sign-in', returnUrl: path });
  });

  it('keeps the query of the page asked for in the return address', () => {
    expect(accessTo(visit('/users', { q: 'ann' }), null)).toEqual({ kind: 'sign-in', returnUrl: '/users?q=ann' });
  });

  it('opens the login page to a visitor who is not signed in', () => {
    expect(accessTo(visit('/login'), null)).toEqual({ kind: 'allowed' });
  });

  it.each(Object.entries(allowed))('lets a %s use exactly their pages', (role, pages) => {
    const me = meAs(role as RoleName);
    for (const path of ['/', '/users', '/tokens', '/audit']) {
      expect(accessTo(visit(path), me), path).toEqual(pages.includes(path) ? { kind: 'allowed' } : { kind: 'not-available' });
    }
  });

  it('sends someone already signed in on from the login page to its local return address only', () => {
    const me = meAs('manager');
    expect(accessTo(visit('/login', { returnUrl: '/tokens' }), me)).toEqual({ kind: 'signed-in', to: '/tokens' });
    expect(accessTo(visit('/login', { returnUrl: 'https://evil.example/' }), me)).toEqual({ kind: 'signed-in', to: '/' });
  });
});
