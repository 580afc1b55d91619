import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { answerOf, revenueColumn } from '../../testing/dashboards';
import { FakeHubLink } from './fake-hub-link';
import { RefusedError } from './hub-link';
import { LiveClient, type LiveListener } from './live-client';
import type { LiveAnswer, LiveRequest, LiveState, SubscribeResult } from './live-types';

const revenue = (value: number) => answerOf([revenueColumn], [[value]], { totals: { revenue: value } });
const request = (metric: string, intervalSeconds = 5): LiveRequest => ({ spec: { metrics: [metric] }, intervalSeconds });
const keyOf = (r: LiveRequest): string => `key-${r.spec.metrics?.join(',')}-${r.intervalSeconds}`;

/** The server's answer to Subscribe: the spec's key, and revenue 100 computed at 10:00. */
function subscribed(r: LiveRequest, value = 100, computedAt = '2026-03-01T10:00:00Z'): SubscribeResult {
  return { key: keyOf(r), intervalSeconds: r.intervalSeconds, answer: revenue(value), computedAt };
}

/** A listener that records what it is told. */
function recorder(): LiveListener & { answers: LiveAnswer[]; errors: string[] } {
  const answers: LiveAnswer[] = [];
  const errors: string[] = [];
  return { answers, errors, onAnswer: (answer) => answers.push(answer), onError: (message) => errors.push(message) };
}

/** A client on fake links (a new one each time it connects), recording its states and the waits between attempts. */
function setup(respond: (r: LiveRequest) => SubscribeResult | Error | Promise<SubscribeResult> = (r) => subscribed(r)) {
  const links: FakeHubLink[] = [];
  const states: LiveState[] = [];
  const reasons: (string | null)[] = [];
  const waits: number[] = [];
  const client = new LiveClient({
    connect: async () => {
      const link = new FakeHubLink(respond);
      links.push(link);
      return link;
    },
    onState: (state, reason) => {
      states.push(state);
      reasons.push(reason);
    },
    wait: async (milliseconds) => {
      waits.push(milliseconds);
    },
  });
  const link = (): FakeHubLink => {
    const last = links.at(-1);
    if (last === undefined) throw new Error('No link was made.');
    return last;
  };
  return { client, links, link, states, reasons, waits };
}

describe('LiveClient', () => {
  it('connects only when the first subscription comes, then subscribes and hands over the snapshot', async () => {
    const { client, links, link, states } = setup();
    expect(client.state).toBe('idle');
    expect(links).toHaveLength(0);

    const listener = recorder();
    client.subscribe(request('revenue'), listener);
    await flushPromises();

    expect(states).toEqual(['connecting', 'live']);
    expect(links).toHaveLength(1);
    expect(link().subscribed).toEqual([request('revenue')]);
    expect(listener.answers).toEqual([{ kind: 'snapshot', answer: revenue(100), computedAt: '2026-03-01T10:00:00Z' }]);
  });

  it('shares one subscription between listeners of the same request and unsubscribes when the last leaves', async () => {
    const { client, link } = setup();
    const first = recorder();
    const second = recorder();
    const other = recorder();

    const releaseFirst = client.subscribe(request('revenue'), first);
    const releaseOther = client.subscribe(request('orders'), other);
    await flushPromises();
    const releaseSecond = client.subscribe(request('revenue'), second);
    await flushPromises();

    expect(link().subscribed).toEqual([request('revenue'), request('orders')]);
    // The newcomer gets the answer the subscription already has.
    expect(second.answers.map((a) => a.answer)).toEqual([revenue(100)]);

    link().push({ key: 'key-revenue-5', answer: revenue(120), computedAt: '2026-03-01T10:00:05Z' });
    expect(first.answers.at(-1)?.answer).toEqual(revenue(120));
    expect(second.answers.at(-1)).toEqual({ kind: 'update', answer: revenue(120), computedAt: '2026-03-01T10:00:05Z' });
    expect(other.answers).toHaveLength(1);

    releaseFirst();
    releaseFirst();
    expect(link().unsubscribed).toEqual([]);
    releaseSecond();
    expect(link().unsubscribed).toEqual(['key-revenue-5']);
    link().push({ key: 'key-revenue-5', answer: revenue(130), computedAt: '2026-03-01T10:00:10Z' });
    expect(second.answers).toHaveLength(2);
    releaseOther();
    expect(link().unsubscribed).toEqual(['key-revenue-5', 'key-orders-5']);
  });

  it('drops an update older than the answer shown', async () => {
    const { client, link } = setup();
    const listener = recorder();
    client.subscribe(request('revenue'), listener);
    await flushPromises();

    link().push({ key: 'key-revenue-5', answer: revenue(150), computedAt: '2026-03-01T10:00:10.5000000Z' });
    link().push({ key: 'key-revenue-5', answer: revenue(140), computedAt: '2026-03-01T10:00:09.9999999Z' });
    link().push({ key: 'key-revenue-5', answer: revenue(90), computedAt: '2026-03-01T09:59:00Z' });

    expect(listener.answers.map((a) => a.answer.totals['revenue'])).toEqual([100, 150]);
    link().push({ key: 'key-revenue-5', answer: revenue(160), computedAt: '2026-03-01T10:00:11Z' });
    expect(listener.answers.map((a) => a.answer.totals['revenue'])).toEqual([100, 150, 160]);
  });

  it('subscribes everything again after a reconnection and hands the answers over as fresh snapshots', async () => {
    let value = 100;
    const { client, link, states } = setup((r) => subscribed(r, value, value === 100 ? '2026-03-01T10:00:00Z' : '2026-03-01T10:05:00Z'));
    const revenueListener = recorder();
    const ordersListener = recorder();
    client.subscribe(request('revenue'), revenueListener);
    const releaseOrders = client.subscribe(request('orders'), ordersListener);
    await flushPromises();
    releaseOrders();

    link().drop();
    expect(client.state).toBe('reconnecting');
    value = 250;
    link().restore();
    await flushPromises();

    expect(states).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    expect(link().subscribed).toEqual([request('revenue'), request('orders'), request('revenue')]);
    expect(revenueListener.answers.at(-1)).toEqual({ kind: 'snapshot', answer: revenue(250), computedAt: '2026-03-01T10:05:00Z' });
    expect(ordersListener.answers).toHaveLength(1);
  });

  it('keeps trying to connect, at once, then after 1, 2, 5 and every 10 seconds', async () => {
    const { client, link, states, waits } = setup();
    const listener = recorder();
    client.subscribe(request('revenue'), listener);
    await Promise.resolve();
    const unreachable = new Error('Failed to fetch');
    link().starts.push(...Array.from({ length: 6 }, () => unreachable));
    await flushPromises();

    expect(waits).toEqual([0, 1000, 2000, 5000, 10000, 10000]);
    expect(link().startCount).toBe(7);
    expect(states).toEqual(['connecting', 'live']);
    expect(listener.answers).toHaveLength(1);
  });

  it('goes offline, signed out, when the server refuses the caller, and connects again on retry', async () => {
    const { client, link, states, reasons, waits } = setup();
    const listener = recorder();
    client.subscribe(request('revenue'), listener);
    await Promise.resolve();
    link().starts.push(new RefusedError());
    await flushPromises();

    expect(client.state).toBe('offline');
    expect(reasons.at(-1)).toMatch(/^Signed out/);
    expect(waits).toEqual([]);
    expect(link().startCount).toBe(1);

    client.retry();
    await flushPromises();
    expect(states).toEqual(['connecting', 'offline', 'connecting', 'live']);
    expect(listener.answers).toHaveLength(1);
  });

  it('goes offline when a reconnection is refused, and keeps trying when the server merely closed the connection', async () => {
    const { client, link } = setup();
    client.subscribe(request('revenue'), recorder());
    await flushPromises();

    link().drop();
    link().close(new RefusedError());
    expect(client.state).toBe('offline');

    client.retry();
    await flushPromises();
    expect(client.state).toBe('live');

    link().close(new Error('Server returned an error on close.'));
    expect(client.state).toBe('reconnecting');
    await flushPromises();
    expect(client.state).toBe('live');
    expect(link().startCount).toBe(3);
    expect(link().subscribed).toHaveLength(3);
  });

  it('connects again when a subscription comes while offline (signed in again)', async () => {
    const { client, link } = setup();
    client.subscribe(request('revenue'), recorder())();
    await Promise.resolve();
    link().starts.push(new RefusedError());
    await flushPromises();
    expect(client.state).toBe('offline');

    const listener = recorder();
    client.subscribe(request('orders'), listener);
    await flushPromises();

    expect(client.state).toBe('live');
    expect(listener.answers).toHaveLength(1);
  });

  it('tells only the listeners of a refused subscription, and asks again when one of them retries', async () => {
    let refuse = true;
    const { client, link } = setup((r) =>
      r.spec.metrics?.[0] === 'revnue' && refuse ? new Error("metrics[0]: unknown metric 'revnue'") : subscribed(r),
    );
    const bad = recorder();
    const good = recorder();
    const releaseBad = client.subscribe(request('revnue'), bad);
    client.subscribe(request('revenue'), good);
    await flushPromises();

    expect(bad.errors).toEqual(["metrics[0]: unknown metric 'revnue'"]);
    expect(good.answers).toHaveLength(1);
    expect(client.state).toBe('live');

    refuse = false;
    const again = recorder();
    client.subscribe(request('revnue'), again);
    releaseBad();
    await flushPromises();
    expect(link().subscribed.filter((r) => r.spec.metrics?.[0] === 'revnue')).toHaveLength(2);
    expect(again.answers).toHaveLength(1);
  });

  it('unsubscribes a subscription released while its Subscribe was under way, once it answers', async () => {
    let answer!: (result: SubscribeResult) => void;
    const { client, link } = setup((r) => new Promise((resolve) => (answer = () => resolve(subscribed(r)))));
    const listener = recorder();
    const release = client.subscribe(request('revenue'), listener);
    await flushPromises();

    release();
    expect(link().unsubscribed).toEqual([]);
    answer(subscribed(request('revenue')));
    await flushPromises();

    expect(link().unsubscribed).toEqual(['key-revenue-5']);
    expect(listener.answers).toEqual([]);
  });

  it('drops the connection of the previous user on renew and subscribes again on a new one', async () => {
    const { client, links, states } = setup();
    const listener = recorder();
    client.subscribe(request('revenue'), listener);
    await flushPromises();

    await client.renew();
    await flushPromises();

    expect(links).toHaveLength(2);
    expect(links[0]?.stopped).toBe(true);
    expect(links[1]?.subscribed).toEqual([request('revenue')]);
    expect(states).toEqual(['connecting', 'live', 'idle', 'connecting', 'live']);
    // The old connection is no longer listened to.
    links[0]?.push({ key: 'key-revenue-5', answer: revenue(999), computedAt: '2026-03-01T11:00:00Z' });
    expect(listener.answers.map((a) => a.answer.totals['revenue'])).toEqual([100, 100]);
  });
});
