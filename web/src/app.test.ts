import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, type Router } from 'vue-router';
import type { Me, RoleName } from './api/accounts';
import App from './app.vue';
import { createAppRouter } from './router';
import { branches, meAs } from './testing/accounts';
import { fakeApi, problem } from './testing/fake-api';

const info = {
  product: 'Northstar',
  version: '0.1.0',
  engine: { name: 'DuckDB', version: 'v1.5.6' },
  dialect: 'DuckDb',
  currency: 'USD',
  mapTileUrl: null,
};
const dashboards = [
  { id: 'executive', title: 'Executive', description: null, order: 1 },
  { id: 'sales', title: 'Sales analytics', description: null, order: 2 },
];

/** The whole app on a memory history (signed in as the fake API says), starting at `path`. */
async function start(path: string): Promise<{ wrapper: ReturnType<typeof mount>; router: Router }> {
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createAppRouter(createMemoryHistory());
  const wrapper = mount(App, { global: { plugins: [pinia, router] }, attachTo: document.body });
  await router.push(path);
  await flushPromises();
  return { wrapper, router };
}

function signedInAs(me: Me | null) {
  return fakeApi({
    'GET /api/auth/me': () => (me ? me : problem(401, { title: 'Unauthorized' })),
    'GET /api/info': info,
    'GET /api/dashboards': dashboards,
    'GET /api/dashboards/executive': { ...dashboards[0], tiles: [] },
    'GET /api/users': [],
    'GET /api/branches': branches,
    'GET /api/tokens': [],
    'GET /api/audit?page=1&pageSize=50': { items: [], page: 1, pageSize: 50, total: 0 },
  });
}

describe('the app', () => {
  it('sends a visitor who is not signed in to the login page with the page asked for as the return address', async () => {
    signedInAs(null);

    const { wrapper, router } = await start('/users');

    expect(router.currentRoute.value.fullPath).toBe('/login?returnUrl=/users');
    expect(wrapper.find('h1').text()).toBe('Sign in to Northstar');
    expect(wrapper.find('nav').exists()).toBe(false);
    wrapper.unmount();
  });

  it.each<[RoleName, string[]]>([
    ['super_admin', ['Executive', 'Sales analytics', 'Users', 'Tokens', 'Audit', 'About', 'API docs']],
    ['manager', ['Executive', 'Sales analytics', 'Users', 'Tokens', 'About']],
    ['staff', ['Executive', 'Sales analytics', 'About']],
    ['viewer', ['Executive', 'Sales analytics', 'About']],
  ])('shows a %s their name, role, the dashboards and only their pages', async (role, labels) => {
    const me = meAs(role);
    signedInAs(me);

    const { wrapper } = await start('/users');

    expect(wrapper.find('nav[aria-label="Main"]').findAll('a').map((a) => a.text())).toEqual(labels);
    expect(wrapper.find('.user-menu summary').text()).toContain(me.displayName);
    expect(wrapper.find('.user-menu .role').text()).toBe({ super_admin: 'Super Admin', manager: 'Manager', staff: 'Staff', viewer: 'Viewer' }[role]);
    wrapper.unmount();
  });

  it.each<[RoleName, string]>([
    ['manager', '/audit'],
    ['staff', '/users'],
    ['staff', '/tokens'],
    ['viewer', '/audit'],
  ])('shows a %s the not-available view on a direct visit to %s, without calling its API', async (role, path) => {
    const me = meAs(role);
    const api = signedInAs(me);

    const { wrapper, router } = await start(path);

    expect(router.currentRoute.value.path).toBe(path);
    expect(wrapper.find('h1').text()).toBe('Not available for your role');
    expect(api.requests.filter((r) => r.path.startsWith(`/api${path}`))).toEqual([]);
    wrapper.unmount();
  });

  it('shows the branch names in the user menu, and signs out to the login page', async () => {
    const me = meAs('manager', { branches: [{ id: 'north', name: 'North' }, { id: 'south', name: 'South' }] });
    const api = signedInAs(me);
    api.routes['POST /api/auth/logout'] = new Response(null, { status: 204 });

    const { wrapper, router } = await start('/');
    expect(wrapper.find('.user-menu .branches').text()).toContain('North, South');

    await wrapper.find('.user-menu button').trigger('click');
    await flushPromises();

    expect(api.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/auth/logout' });
    expect(router.currentRoute.value.name).toBe('login');
    expect(wrapper.find('nav').exists()).toBe(false);
    wrapper.unmount();
  });

  it('goes back to the login page, with the current page to return to, when a call finds the session gone', async () => {
    const me = meAs('super_admin');
    const api = signedInAs(me);
    api.routes['GET /api/users'] = problem(401, { title: 'Unauthorized' });

    const { wrapper, router } = await start('/users');
    await flushPromises();

    expect(router.currentRoute.value.fullPath).toBe('/login?returnUrl=/users');
    expect(wrapper.find('.user-menu').exists()).toBe(false);
    wrapper.unmount();
  });

  it('shows a page-not-found view for an unknown address', async () => {
    const me = meAs('viewer');
    signedInAs(me);

    const { wrapper } = await start('/no/such/page');

    expect(wrapper.find('h1').text()).toBe('Page not found');
    wrapper.unmount();
  });

  it('opens the first dashboard as the home page, named in the window title', async () => {
    signedInAs(meAs('viewer'));

    const { wrapper, router } = await start('/');

    expect(router.currentRoute.value.fullPath).toBe('/dashboards/executive');
    expect(wrapper.find('h1').text()).toBe('Executive');
    expect(document.title).toBe('Executive · Northstar');
    wrapper.unmount();
  });

  it('shows the welcome page as the home page when there is no dashboard', async () => {
    const api = signedInAs(meAs('viewer'));
    api.routes['GET /api/dashboards'] = [];

    const { wrapper, router } = await start('/');

    expect(router.currentRoute.value.fullPath).toBe('/');
    expect(wrapper.find('h1').text()).toBe('Welcome to Northstar');
    wrapper.unmount();
  });

  it('switches the theme from the header and remembers it', async () => {
    signedInAs(meAs('viewer'));
    localStorage.removeItem('northstar.theme');
    const { wrapper } = await start('/users');
    const before = document.documentElement.dataset['theme'];

    await wrapper.find('[data-testid="theme-toggle"]').trigger('click');

    const after = before === 'dark' ? 'light' : 'dark';
    expect(document.documentElement.dataset['theme']).toBe(after);
    expect(localStorage.getItem('northstar.theme')).toBe(after);
    expect(wrapper.find('[data-testid="theme-toggle"]').attributes('aria-pressed')).toBe(after === 'dark' ? 'true' : 'false');
    localStorage.removeItem('northstar.theme');
    wrapper.unmount();
  });
});
