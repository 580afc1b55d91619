import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { meAs } from '../testing/accounts';
import { fakeApi, problem } from '../testing/fake-api';
import { useSessionStore } from './session';

beforeEach(() => setActivePinia(createPinia()));

describe('the session store', () => {
  it('checks the session once, however many pages ask', async () => {
    const api = fakeApi({ 'GET /api/auth/me': meAs('staff') });
    const session = useSessionStore();

    await Promise.all([session.ensureChecked(), session.ensureChecked()]);
    await session.ensureChecked();

    expect(api.requests.filter((r) => r.path === '/api/auth/me')).toHaveLength(1);
    expect(session.me?.displayName).toBe('Sam Staff');
  });

  it('takes a 401 as signed out, without an error', async () => {
    fakeApi({ 'GET /api/auth/me': problem(401, { title: 'Unauthorized' }) });
    const session = useSessionStore();

    await session.ensureChecked();

    expect(session.signedIn).toBe(false);
    expect(session.checkError).toBeNull();
  });

  it('checks again after the server could not be reached', async () => {
    const api = fakeApi({ 'GET /api/auth/me': new Response('', { status: 503, statusText: 'Service Unavailable' }) });
    const session = useSessionStore();

    await session.ensureChecked();
    expect(session.checkError).toBe('The server answered 503 Service Unavailable.');

    api.routes['GET /api/auth/me'] = meAs('viewer');
    await session.ensureChecked();

    expect(session.me?.role).toBe('viewer');
    expect(session.checkError).toBeNull();
  });

  it('forgets the user on signing out even when the session had already ended on the server', async () => {
    fakeApi({ 'GET /api/auth/me': meAs('manager'), 'POST /api/auth/logout': problem(401, { title: 'Unauthorized' }) });
    const session = useSessionStore();
    await session.ensureChecked();

    await session.signOut().catch(() => undefined);

    expect(session.me).toBeNull();
  });
});
