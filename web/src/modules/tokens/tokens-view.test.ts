import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import type { ApiToken, Me } from '../../api/accounts';
import { useSessionStore } from '../../stores/session';
import { branches, meAs } from '../../testing/accounts';
import { fakeApi, json } from '../../testing/fake-api';
import { tokenStatus } from './token-form';
import TokensView from './tokens-view.vue';

const sync: ApiToken = {
  id: 3,
  name: 'Warehouse sync',
  prefix: 'nst_AbCdEfGh',
  role: 'viewer',
  branches: ['north'],
  createdAt: '2026-11-01T09:00:00Z',
  expiresAt: null,
  lastUsedAt: null,
  revokedAt: null,
};

function mountAs(me: Me) {
  setActivePinia(createPinia());
  useSessionStore().me = me;
  return mount(TokensView, { attachTo: document.body });
}

describe('the tokens page', () => {
  it('lists tokens by name and prefix, never their secret', async () => {
    fakeApi({ 'GET /api/tokens': [sync], 'GET /api/branches': branches });

    const wrapper = mountAs(meAs('manager'));
    await flushPromises();

    const cells = wrapper.find('tr[data-token="Warehouse sync"]').findAll('td').map((td) => td.text());
    expect(cells.slice(0, 3)).toEqual(['Warehouse syncnst_AbCdEfGh…', 'Viewer', 'North']);
    expect(cells[6]).toBe('Active');
    wrapper.unmount();
  });

  it('shows the empty state', async () => {
    fakeApi({ 'GET /api/tokens': [], 'GET /api/branches': branches });

    const wrapper = mountAs(meAs('manager'));
    await flushPromises();

    expect(wrapper.text()).toContain('No API tokens yet.');
    wrapper.unmount();
  });

  it('creates a token with name, role, branches and expiry, and shows it once', async () => {
    const api = fakeApi({
      'GET /api/tokens': [],
      'GET /api/branches': [branches[0]],
      'POST /api/tokens': () => json({ token: 'nst_secret-shown-once', apiToken: { ...sync, id: 4, name: 'BI export' } }, 201),
    });
    const wrapper = mountAs(meAs('manager'));
    await flushPromises();

    await wrapper.find('.ns-page-heading button').trigger('click');
    expect(wrapper.find('#token-role').findAll('option').map((o) => o.text())).toEqual(['Manager', 'Staff', 'Viewer']);
    await wrapper.find('#token-name').setValue('BI export');
    await wrapper.find('#token-role').setValue('staff');
    await wrapper.find('input[type="checkbox"][value="north"]').setValue(true);
    await wrapper.find('#token-expiry').setValue('30');
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({
      name: 'BI export',
      role: 'staff',
      branches: ['north'],
      expiresInDays: 30,
    });
    expect(wrapper.find('[data-secret]').text()).toBe('nst_secret-shown-once');
    wrapper.unmount();
  });

  it('asks for a name before sending', async () => {
    const api = fakeApi({ 'GET /api/tokens': [], 'GET /api/branches': branches });
    const wrapper = mountAs(meAs('super_admin'));
    await flushPromises();

    await wrapper.find('.ns-page-heading button').trigger('click');
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    expect(wrapper.find('#token-name').attributes('aria-invalid')).toBe('true');
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);
    wrapper.unmount();
  });

  it('revokes a token only after confirmation', async () => {
    const api = fakeApi({
      'GET /api/tokens': [sync],
      'GET /api/branches': branches,
      'DELETE /api/tokens/3': () => {
        api.routes['GET /api/tokens'] = [{ ...sync, revokedAt: '2026-11-21T10:00:00Z' }];
        return new Response(null, { status: 204 });
      },
    });
    const wrapper = mountAs(meAs('manager'));
    await flushPromises();

    await wrapper.find('tr[data-token="Warehouse sync"] button').trigger('click');
    expect(api.requests.some((r) => r.method === 'DELETE')).toBe(false);
    await wrapper.find('[aria-label="Confirm revoking Warehouse sync"] .ns-button-danger').trigger('click');
    await flushPromises();

    expect(api.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/api/tokens/3']);
    expect(wrapper.find('tr[data-token="Warehouse sync"]').findAll('td')[6]?.text()).toBe('Revoked');
    expect(wrapper.find('tr[data-token="Warehouse sync"] button').exists()).toBe(false);
    wrapper.unmount();
  });

  it("lets only a Super Admin list everyone's tokens", async () => {
    const api = fakeApi({
      'GET /api/tokens': [],
      'GET /api/tokens?all=true': [{ ...sync, ownerEmail: 'mona@example.test' }],
      'GET /api/branches': branches,
    });
    const admin = mountAs(meAs('super_admin'));
    await flushPromises();

    await admin.find('.everyone input').setValue(true);
    await flushPromises();

    expect(api.requests.map((r) => r.path)).toContain('/api/tokens?all=true');
    expect(admin.find('tr[data-token="Warehouse sync"]').text()).toContain('mona@example.test');
    admin.unmount();

    const manager = mountAs(meAs('manager'));
    await flushPromises();
    expect(manager.find('.everyone').exists()).toBe(false);
    manager.unmount();
  });
});

describe('tokenStatus', () => {
  it('tells active, revoked and expired tokens apart', () => {
    const now = new Date('2026-11-21T12:00:00Z');
    expect(tokenStatus(sync, now)).toBe('active');
    expect(tokenStatus({ ...sync, expiresAt: '2026-11-21T11:59:00Z' }, now)).toBe('expired');
    expect(tokenStatus({ ...sync, revokedAt: '2026-11-20T00:00:00Z', expiresAt: '2026-11-01T00:00:00Z' }, now)).toBe('revoked');
  });
});
