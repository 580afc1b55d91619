import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import HomeView from './home-view.vue';

const info = {
  product: 'Northstar',
  version: '0.1.0+abcdef0123456789',
  engine: { name: 'DuckDB', version: 'v1.5.6' },
  dialect: 'DuckDb',
};

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

describe('HomeView', () => {
  it('shows the loading state while the server has not answered', () => {
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>(() => {})));

    const wrapper = mount(HomeView);

    expect(wrapper.attributes('data-state')).toBe('loading');
    expect(wrapper.find('[aria-busy="true"]').text()).toContain('Connecting to the server');
  });

  it('shows the version and the engine once the server answers', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(info)));

    const wrapper = mount(HomeView);
    await flushPromises();

    expect(wrapper.attributes('data-state')).toBe('loaded');
    expect(wrapper.find('h2').text()).toBe('Connected to DuckDB');
    expect(wrapper.find('.version').text()).toBe('0.1.0 (abcdef0)');
    expect(wrapper.find('.engine-version').text()).toBe('v1.5.6');
  });

  it('shows a friendly error when the server cannot be reached, and recovers on retry', async () => {
    const fetch = vi
      .fn<() => Promise<Response>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(json(info));
    vi.stubGlobal('fetch', fetch);

    const wrapper = mount(HomeView);
    await flushPromises();

    expect(wrapper.attributes('data-state')).toBe('error');
    const alert = wrapper.find('[role="alert"]');
    expect(alert.text()).toContain("We can't reach the Northstar server");
    expect(alert.text()).toContain('The Northstar server could not be reached.');

    await alert.find('button').trigger('click');
    await flushPromises();

    expect(fetch).toHaveBeenCalledTimes(2);
    expect(wrapper.attributes('data-state')).toBe('loaded');
  });
});
