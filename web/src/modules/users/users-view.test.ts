import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import type { Me, User } from '../../api/accounts';
import { useSessionStore } from '../../stores/session';
import { branches, meAs } from '../../testing/accounts';
import { fakeApi, json, problem, type FakeRequest } from '../../testing/fake-api';
import UsersView from './users-view.vue';

const users: User[] = [
  {
    id: 1,
    email: 'super_admin@example.test',
    displayName: 'Ada Admin',
    role: 'super_admin',
    branches: [],
    employeeId: null,
    isActive: true,
    createdAt: '2026-11-01T09:00:00Z',
    lastLoginAt: '2026-11-21T08:00:00Z',
  },
  {
    id: 5,
    email: 'sam@example.test',
    displayName: 'Sam Staff',
    role: 'staff',
    branches: ['north', 'south'],
    employeeId: 'emp-7',
    isActive: false,
    createdAt: '2026-11-01T09:00:00Z',
    lastLoginAt: null,
  },
];

function mountAs(me: Me) {
  setActivePinia(createPinia());
  useSessionStore().me = me;
  return mount(UsersView, { attachTo: document.body });
}

function optionsOf(wrapper: ReturnType<typeof mount>, selector: string): string[] {
  return wrapper.find(selector).findAll('option').filter((o) => !o.attributes('disabled')).map((o) => o.text());
}

describe('the users page', () => {
  it('shows the loading state until the users arrive', () => {
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>(() => {})));

    const wrapper = mountAs(meAs('super_admin'));

    expect(wrapper.find('[aria-busy="true"]').text()).toBe('Loading users…');
    wrapper.unmount();
  });

  it('lists users with role, branch names, status and last sign-in', async () => {
    fakeApi({ 'GET /api/users': users, 'GET /api/branches': branches });

    const wrapper = mountAs(meAs('super_admin'));
    await flushPromises();

    const sam = wrapper.find('tr[data-user="sam@example.test"]').findAll('td').map((td) => td.text());
    expect(sam.slice(0, 5)).toEqual(['Sam Staffsam@example.test', 'Staff', 'North, South', 'Inactive', 'Never']);
    const ada = wrapper.find('tr[data-user="super_admin@example.test"]').findAll('td').map((td) => td.text());
    expect(ada.slice(1, 4)).toEqual(['Super Admin', 'All branches', 'Active']);
    wrapper.unmount();
  });

  it('shows the empty state and the error state with a way to try again', async () => {
    const api = fakeApi({ 'GET /api/users': problem(500, { title: 'The users could not be loaded.' }), 'GET /api/branches': branches });

    const wrapper = mountAs(meAs('super_admin'));
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toContain('The users could not be loaded.');

    api.routes['GET /api/users'] = [];
    await wrapper.find('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(wrapper.text()).toContain('No users yet');
    wrapper.unmount();
  });

  it('adds a user and shows the generated password once', async () => {
    const created = { ...users[1]!, id: 9, email: 'new@example.test', displayName: 'Nia New', role: 'viewer', isActive: true };
    const api = fakeApi({
      'GET /api/users': users,
      'GET /api/branches': branches,
      'POST /api/users': () => json({ user: created, password: 'Xy7-generated-once' }, 201),
    });
    const wrapper = mountAs(meAs('super_admin'));
    await flushPromises();

    await wrapper.find('.ns-page-heading button').trigger('click');
    await wrapper.find('#user-new-email').setValue('new@example.test');
    await wrapper.find('#user-new-name').setValue('Nia New');
    await wrapper.find('input[type="checkbox"][value="south"]').setValue(true);
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({
      email: 'new@example.test',
      displayName: 'Nia New',
      role: 'viewer',
      branches: ['south'],
    });
    expect(wrapper.find('[data-secret]').text()).toBe('Xy7-generated-once');
    expect(wrapper.find('form').exists()).toBe(false);

    await wrapper.find('.secret button.ns-button-secondary').trigger('click');
    expect(wrapper.text()).not.toContain('Xy7-generated-once');
    wrapper.unmount();
  });

  it("shows the server's messages next to the fields they are about", async () => {
    fakeApi({
      'GET /api/users': users,
      'GET /api/branches': branches,
      'POST /api/users': problem(400, { title: 'Invalid', errors: { email: ['A user with this email already exists.'] } }),
    });
    const wrapper = mountAs(meAs('super_admin'));
    await flushPromises();

    await wrapper.find('.ns-page-heading button').trigger('click');
    await wrapper.find('#user-new-email').setValue('sam@example.test');
    await wrapper.find('#user-new-name').setValue('Sam Again');
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    expect(wrapper.find('#user-new-email').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('#user-new-email-error').text()).toBe('A user with this email already exists.');
    wrapper.unmount();
  });

  it("offers a Manager only their own branches and never the Super Admin role", async () => {
    const manager = meAs('manager');
    fakeApi({ 'GET /api/users': [users[1]], 'GET /api/branches': [branches[0]] });
    const wrapper = mountAs(manager);
    await flushPromises();

    await wrapper.find('.ns-page-heading button').trigger('click');

    expect(optionsOf(wrapper, '#user-new-role')).toEqual(['Manager', 'Staff', 'Viewer']);
    expect(wrapper.findAll('input[type="checkbox"]').map((c) => c.attributes('value'))).toEqual(['north']);
    wrapper.unmount();
  });

  it('edits role, branches and active, sending only the changes', async () => {
    const api = fakeApi({
      'GET /api/users': users,
      'GET /api/branches': branches,
      'PATCH /api/users/5': ({ body }: FakeRequest) => ({ ...users[1]!, ...(body as object) }),
    });
    const wrapper = mountAs(meAs('super_admin'));
    await flushPromises();

    await wrapper.find('tr[data-user="sam@example.test"] button').trigger('click');
    await wrapper.find('#user-5-role').setValue('viewer');
    await wrapper.find('input[type="checkbox"][value="south"]').setValue(false);
    await wrapper.find('.active-toggle input').setValue(true);
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    expect(api.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ role: 'viewer', branches: ['north'], isActive: true });
    expect(wrapper.find('[role="status"]').text()).toBe('Saved Sam Staff.');
    wrapper.unmount();
  });

  it('resets a password after confirmation and shows the new one once', async () => {
    const api = fakeApi({
      'GET /api/users': users,
      'GET /api/branches': branches,
      'POST /api/users/5/reset-password': { password: 'fresh-password-123' },
    });
    const wrapper = mountAs(meAs('super_admin'));
    await flushPromises();

    await wrapper.find('tr[data-user="sam@example.test"] button').trigger('click');
    const reset = wrapper.findAll('button').find((b) => b.text() === 'Reset password')!;
    await reset.trigger('click');
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);

    await wrapper.find('[aria-label="Confirm the password reset"] .ns-button-danger').trigger('click');
    await flushPromises();

    expect(wrapper.find('[data-secret]').text()).toBe('fresh-password-123');
    wrapper.unmount();
  });

  it('does not let people change their own role or deactivate themselves', async () => {
    fakeApi({ 'GET /api/users': users, 'GET /api/branches': branches });
    const wrapper = mountAs(meAs('super_admin'));
    await flushPromises();

    await wrapper.find('tr[data-user="super_admin@example.test"] button').trigger('click');

    expect(wrapper.find('#user-1-role').attributes('disabled')).toBeDefined();
    expect(wrapper.find('.active-toggle input').attributes('disabled')).toBeDefined();
    wrapper.unmount();
  });
});
