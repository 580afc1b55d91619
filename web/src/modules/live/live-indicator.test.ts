import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import AppLayout from '../../components/app-layout.vue';
import { useSessionStore } from '../../stores/session';
import { meAs } from '../../testing/accounts';
import { answerOf, revenueColumn } from '../../testing/dashboards';
import { fakeApi } from '../../testing/fake-api';
import type { FakeHubLink } from './fake-hub-link';
import { RefusedError } from './hub-link';
import LiveIndicator from './live-indicator.vue';
import { useLiveStore } from './live-store';
import type { LiveState } from './live-types';

/** The live hub of these tests: each connection is a fake link, its starts failing as `failStarts` says. */
const hub = vi.hoisted(() => ({ links: [] as FakeHubLink[], failStarts: [] as Error[] }));
vi.mock('./signalr-link', async () => {
  const { FakeHubLink } = await import('./fake-hub-link');
  return {
    createSignalrLink: () => {
      const link = new FakeHubLink((request) => ({
        key: 'k',
        intervalSeconds: request.intervalSeconds,
        answer: answerOf([revenueColumn], [[1]]),
        computedAt: '2026-03-01T10:00:00Z',
      }));
      link.starts.push(...hub.failStarts.splice(0));
      hub.links.push(link);
      return link;
    },
  };
});

const listener = { onAnswer: () => undefined, onError: () => undefined };

beforeEach(() => setActivePinia(createPinia()));

afterEach(() => {
  hub.links.length = 0;
  document.body.innerHTML = '';
});

describe('LiveIndicator', () => {
  it('shows nothing before anything subscribed', () => {
    expect(mount(LiveIndicator).find('[data-live-state]').exists()).toBe(false);
  });

  it.each<[LiveState, string, string]>([
    ['connecting', '◌', 'Connecting…'],
    ['live', '●', 'Live'],
    ['reconnecting', '↻', 'Reconnecting…'],
    ['offline', '⊘', 'Offline'],
  ])('shows %s with an icon and a word, announced politely', async (state, icon, label) => {
    const wrapper = mount(LiveIndicator);
    useLiveStore().state = state;
    await flushPromises();

    expect(wrapper.attributes('data-live-state')).toBe(state);
    const status = wrapper.find('[aria-live="polite"]');
    expect(status.find('.live-icon').text()).toBe(icon);
    expect(status.find('.live-icon').attributes('aria-hidden')).toBe('true');
    expect(status.find('.live-label').text()).toBe(label);
    expect(wrapper.find('[data-action="live-retry"]').exists()).toBe(state === 'offline');
  });

  it('goes offline, signed out, when the server refuses the caller, and back to live on retry', async () => {
    hub.failStarts.push(new RefusedError());
    const wrapper = mount(LiveIndicator);
    useLiveStore().subscribe({ spec: { metrics: ['revenue'] }, intervalSeconds: 5 }, listener);
    // SignalR's code loads on the first subscription.
    await vi.waitFor(() => expect(wrapper.attributes('data-live-state')).toBe('offline'));

    expect(wrapper.find('[role="status"] .live-label').text()).toBe('Offline');
    expect(wrapper.find('[role="status"] .live-reason').text()).toBe('· Signed out');

    await wrapper.find('[data-action="live-retry"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.attributes('data-live-state')).toBe('live'));
    expect(hub.links[0]?.startCount).toBe(2);
  });

  it('stands in the header of dashboard pages only, and drops the connection when the user signs out', async () => {
    fakeApi({ 'GET /api/dashboards': [] });
    const page = defineComponent({ render: () => h('p', 'page') });
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/dashboards/:id', name: 'dashboard', component: page },
        { path: '/users', name: 'users', component: page },
      ],
    });
    const session = useSessionStore();
    session.me = meAs('manager');
    const live = useLiveStore();
    await router.push('/users');
    const wrapper = mount(AppLayout, { global: { plugins: [router] }, attachTo: document.body });
    live.subscribe({ spec: { metrics: ['revenue'] }, intervalSeconds: 5 }, listener);
    await vi.waitFor(() => expect(live.state).toBe('live'));
    expect(wrapper.find('[data-live-state]').exists()).toBe(false);

    await router.push('/dashboards/sales');
    await flushPromises();
    expect(wrapper.find('header [data-live-state]').attributes('data-live-state')).toBe('live');

    session.me = null;
    await flushPromises();
    expect(hub.links[0]?.stopped).toBe(true);
    wrapper.unmount();
  });
});
