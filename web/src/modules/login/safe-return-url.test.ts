import { describe, expect, it } from 'vitest';
import { safeReturnUrl } from './safe-return-url';

describe('safeReturnUrl', () => {
  it.each(['/', '/users', '/tokens?all=true', '/audit#top', '/dashboards/sales'])('keeps the local path %s', (path) => {
    expect(safeReturnUrl(path)).toBe(path);
  });

  it.each([
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example/',
    'javascript:alert(1)',
    'users',
    '/\t/evil.example',
    '/login',
    '/login?returnUrl=/users',
    '',
  ])('sends %j home instead', (value) => {
    expect(safeReturnUrl(value)).toBe('/');
  });

  it('sends anything that is not one string home', () => {
    expect(safeReturnUrl(undefined)).toBe('/');
    expect(safeReturnUrl(['/users', '/audit'])).toBe('/');
  });
});
