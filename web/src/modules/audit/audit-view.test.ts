import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditPage, User } from '../../api/accounts';
import { fakeApi } from '../../testing/fake-api';
import { auditUrl, describeDetails, pageCount } from './audit-query';
import AuditView from './audit-view.vue';

function entry(id: number, action: string): AuditEntry {
  return {
    id,
    occurredAt: '2026-11-21T10:00:00Z',
    userId: 1,
    actor: 'admin@northstar.local',
    action,
    targetType: 'user',
    targetId: '5',
    ipAddress: '127.0.0.1',
    details: { changes: { role: { old: 'staff', new: 'manager' } } },
  };
}

function page(number: number, items: AuditEntry[], total: number): AuditPage {
  return { items, page: number, pageSize: 50, total };
}

const admin: User = {
  id: 1,
  email: 'admin@northstar.local',
  displayName: 'Admin',
  role: 'super_admin',
  branches: [],
  employeeId: null,
  isActive: true,
  createdAt: '2026-11-01T09:00:00Z',
  lastLoginAt: null,
};

function mountView() {
  setActivePinia(createPinia());
  return mount(AuditView, { attachTo: document.body });
}

describe('the audit page', () => {
  it('shows a page of entries and moves between pages', async () => {
    const api = fakeApi({
      'GET /api/users': [admin],
      'GET /api/audit?page=1&pageSize=50': page(1, [entry(120, 'user.updated')], 120),
      'GET /api/audit?page=2&pageSize=50': page(2, [entry(70, 'login.succeeded')], 120),
    });
    const wrapper = mountView();
    await flushPromises();

    expect(wrapper.find('tbody tr').text()).toContain('user.updated');
    expect(wrapper.find('tbody tr').text()).toContain('role: staff → manager');
    expect(wrapper.find('.pager').text()).toContain('Page 1 of 3');

    await wrapper.findAll('.pager button')[1]!.trigger('click');
    await flushPromises();

    expect(api.requests.at(-1)?.path).toBe('/api/audit?page=2&pageSize=50');
    expect(wrapper.find('tbody tr').text()).toContain('login.succeeded');
    expect(wrapper.find('.pager').text()).toContain('Page 2 of 3');
    wrapper.unmount();
  });

  it('filters by action and user, from the first page', async () => {
    const api = fakeApi({
      'GET /api/users': [admin],
      'GET /api/audit?page=1&pageSize=50': page(1, [entry(1, 'logout')], 1),
      'GET /api/audit?page=1&pageSize=50&action=login.failed': page(1, [], 0),
      'GET /api/audit?page=1&pageSize=50&action=login.failed&userId=1': page(1, [entry(2, 'login.failed')], 1),
    });
    const wrapper = mountView();
    await flushPromises();

    await wrapper.find('#audit-action').setValue('login.failed');
    await flushPromises();
    expect(wrapper.text()).toContain('No audit entries match these filters.');

    await wrapper.find('#audit-user').setValue('1');
    await flushPromises();

    expect(api.requests.at(-1)?.path).toBe('/api/audit?page=1&pageSize=50&action=login.failed&userId=1');
    expect(wrapper.find('tbody tr').text()).toContain('login.failed');
    wrapper.unmount();
  });

  it('labels its filters', async () => {
    fakeApi({ 'GET /api/users': [admin], 'GET /api/audit?page=1&pageSize=50': page(1, [], 0) });
    const wrapper = mountView();
    await flushPromises();

    for (const id of ['audit-action', 'audit-user']) expect(wrapper.find(`label[for="${id}"]`).exists()).toBe(true);
    wrapper.unmount();
  });
});

describe('the audit query', () => {
  it('names only the filters that are set', () => {
    expect(auditUrl({ page: 3, pageSize: 50, action: '', userId: null })).toBe('/api/audit?page=3&pageSize=50');
    expect(auditUrl({ page: 1, pageSize: 20, action: 'token.created', userId: 7 })).toBe(
      '/api/audit?page=1&pageSize=20&action=token.created&userId=7',
    );
  });

  it('counts at least one page', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
  });

  it('reads details, and changes as old → new', () => {
    expect(describeDetails({ changes: { isActive: { old: true, new: false }, branches: { old: ['north'], new: ['north', 'south'] } } })).toBe(
      'isActive: true → false; branches: north → north, south',
    );
    expect(describeDetails({ name: 'BI sync', branches: ['north', 'south'], employeeId: null })).toBe(
      'name: BI sync; branches: north, south; employeeId: —',
    );
    expect(describeDetails(null)).toBe('');
  });
});
