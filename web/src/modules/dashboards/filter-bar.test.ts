import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { branches } from '../../testing/accounts';
import { fakeApi } from '../../testing/fake-api';
import FilterBar from './filter-bar.vue';

async function open(path: string): Promise<{ wrapper: ReturnType<typeof mount>; router: Router }> {
  fakeApi({ 'GET /api/branches': [branches[0]] });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/dashboards/:id', component: FilterBar }] });
  await router.push(path);
  const wrapper = mount(FilterBar, { global: { plugins: [router] } });
  await flushPromises();
  return { wrapper, router };
}

const pressed = (wrapper: ReturnType<typeof mount>): string[] =>
  wrapper.findAll('[data-range]').filter((b) => b.attributes('aria-pressed') === 'true').map((b) => b.attributes('data-range') ?? '');

describe('FilterBar', () => {
  it('shows 30 days pressed by default, and the branches the caller may see', async () => {
    const { wrapper } = await open('/dashboards/sales');

    expect(pressed(wrapper)).toEqual(['30d']);
    expect(wrapper.findAll('[data-testid="location-filter"] option').map((o) => [o.attributes('value'), o.text()])).toEqual([
      ['', 'All my branches'],
      ['north', 'North'],
    ]);
  });

  it('puts a quick range in the URL', async () => {
    const { wrapper, router } = await open('/dashboards/sales?location=north');

    await wrapper.find('[data-range="ytd"]').trigger('click');
    await flushPromises();

    expect(router.currentRoute.value.fullPath).toBe('/dashboards/sales?range=ytd&location=north');
    expect(pressed(wrapper)).toEqual(['ytd']);

    await wrapper.find('[data-range="30d"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/dashboards/sales?location=north');
  });

  it('replaces the URL rather than adding to the history', async () => {
    const { wrapper, router } = await open('/dashboards/sales');
    const push = vi.spyOn(router, 'push');
    const replace = vi.spyOn(router, 'replace');

    await wrapper.find('[data-range="7d"]').trigger('click');
    await flushPromises();

    expect(router.currentRoute.value.query).toEqual({ range: '7d' });
    expect(replace).toHaveBeenCalledOnce();
    expect(push).not.toHaveBeenCalled();
  });

  it('puts the branch in the URL, and takes it out for all branches', async () => {
    const { wrapper, router } = await open('/dashboards/sales?range=7d');

    await wrapper.find('[data-testid="location-filter"]').setValue('north');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ range: '7d', location: 'north' });
    expect((wrapper.find('[data-testid="location-filter"]').element as HTMLSelectElement).value).toBe('north');

    await wrapper.find('[data-testid="location-filter"]').setValue('');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ range: '7d' });
  });

  it('opens a custom range on the last 30 days, then follows the dates chosen', async () => {
    const { wrapper, router } = await open('/dashboards/sales');

    await wrapper.find('[data-range="custom"]').trigger('click');
    await flushPromises();

    const query = router.currentRoute.value.query;
    expect(query['range']).toBe('custom');
    expect(query['from']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((wrapper.find('[data-testid="range-to"]').element as HTMLInputElement).value).toBe(query['to']);
    expect(pressed(wrapper)).toEqual(['custom']);

    await wrapper.find('[data-testid="range-from"]').setValue('2026-01-01');
    await wrapper.find('[data-testid="range-to"]').setValue('2026-01-31');
    await wrapper.find('[data-testid="range-to"]').trigger('change');
    await flushPromises();

    expect(router.currentRoute.value.query).toEqual({ range: 'custom', from: '2026-01-01', to: '2026-01-31' });
  });

  it('refuses a custom range that ends before it starts, leaving the URL alone', async () => {
    const { wrapper, router } = await open('/dashboards/sales?range=custom&from=2026-01-01&to=2026-01-31');
    expect((wrapper.find('[data-testid="range-from"]').element as HTMLInputElement).value).toBe('2026-01-01');

    await wrapper.find('[data-testid="range-from"]').setValue('2026-02-15');
    await wrapper.find('[data-testid="range-from"]').trigger('change');
    await flushPromises();

    expect(wrapper.find('[role="alert"]').text()).toBe('The start date must be on or before the end date.');
    expect(router.currentRoute.value.query).toEqual({ range: 'custom', from: '2026-01-01', to: '2026-01-31' });
  });
});
