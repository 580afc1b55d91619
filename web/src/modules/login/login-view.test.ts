import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import App from '../../app.vue';
import { createAppRouter } from '../../router';
import { meAs } from '../../testing/accounts';
import { fakeApi, problem } from '../../testing/fake-api';

const info = { product: 'Northstar', version: '0.1.0', engine: { name: 'DuckDB', version: 'v1.5.6' }, dialect: 'DuckDb' };

async function loginPage(path: string) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createAppRouter(createMemoryHistory());
  const wrapper = mount(App, { global: { plugins: [pinia, router] }, attachTo: document.body });
  await router.push(path);
  await flushPromises();
  return { wrapper, router };
}

async function signIn(wrapper: ReturnType<typeof mount>, email: string, password: string): Promise<void> {
  await wrapper.find('#login-email').setValue(email);
  await wrapper.find('#login-password').setValue(password);
  await wrapper.find('form').trigger('submit');
  await flushPromises();
}

describe('the login page', () => {
  it('labels both inputs', async () => {
    fakeApi({ 'GET /api/auth/me': problem(401, {}) });
    const { wrapper } = await loginPage('/login');

    for (const id of ['login-email', 'login-password']) expect(wrapper.find(`label[for="${id}"]`).exists()).toBe(true);
    wrapper.unmount();
  });

  it('signs in and goes to the local page asked for', async () => {
    const me = meAs('manager');
    const api = fakeApi({
      'GET /api/auth/me': problem(401, {}),
      'POST /api/auth/login': { user: me, returnUrl: '/tokens' },
      'GET /api/tokens': [],
      'GET /api/branches': [],
    });
    const { wrapper, router } = await loginPage('/login?returnUrl=/tokens');

    await signIn(wrapper, ' mona@example.test ', 'correct horse battery');

    expect(api.requests.find((r) => r.path === '/api/auth/login')?.body).toEqual({
      email: 'mona@example.test',
      password: 'correct horse battery',
      returnUrl: '/tokens',
    });
    expect(router.currentRoute.value.fullPath).toBe('/tokens');
    expect(wrapper.find('.user-menu summary').text()).toContain('Mona Manager');
    wrapper.unmount();
  });

  it('goes home instead of to another site named as the return address', async () => {
    fakeApi({
      'GET /api/auth/me': problem(401, {}),
      'POST /api/auth/login': { user: meAs('viewer'), returnUrl: '/' },
      'GET /api/info': info,
    });
    const { wrapper, router } = await loginPage('/login?returnUrl=//evil.example/phish');

    await signIn(wrapper, 'vic@example.test', 'secret secret');

    expect(router.currentRoute.value.fullPath).toBe('/');
    wrapper.unmount();
  });

  it("shows the server's own sentence when the email or password is wrong, and clears the password", async () => {
    fakeApi({
      'GET /api/auth/me': problem(401, {}),
      'POST /api/auth/login': problem(401, { title: 'Unauthorized', detail: 'Email or password is incorrect.' }),
    });
    const { wrapper, router } = await loginPage('/login');

    await signIn(wrapper, 'nobody@example.test', 'wrong');

    expect(wrapper.find('[role="alert"]').text()).toBe('Email or password is incorrect.');
    expect((wrapper.find('#login-password').element as HTMLInputElement).value).toBe('');
    expect(router.currentRoute.value.name).toBe('login');
    wrapper.unmount();
  });

  it('says how many minutes to wait when sign-in attempts are throttled', async () => {
    fakeApi({
      'GET /api/auth/me': problem(401, {}),
      'POST /api/auth/login': problem(429, { title: 'Too Many Requests' }, { 'Retry-After': '801' }),
    });
    const { wrapper } = await loginPage('/login');

    await signIn(wrapper, 'ada@example.test', 'guess');

    expect(wrapper.find('[role="alert"]').text()).toBe('Too many attempts. Try again in 14 minutes.');
    wrapper.unmount();
  });

  it('says so when the server cannot be reached to check the session', async () => {
    fakeApi({ 'GET /api/auth/me': new Response('Bad Gateway', { status: 502, statusText: 'Bad Gateway' }) });
    const { wrapper } = await loginPage('/');

    expect(wrapper.find('[role="alert"]').text()).toBe('The server answered 502 Bad Gateway.');
    wrapper.unmount();
  });
});
