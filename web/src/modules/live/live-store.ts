import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { HubLink } from './hub-link';
import { LiveClient, type LiveListener } from './live-client';
import type { LiveRequest, LiveState } from './live-types';

/** SignalR is loaded with the first subscription, so it stays out of the first page's code. */
async function connectHub(): Promise<HubLink> {
  const { createSignalrLink } = await import('./signalr-link');
  return createSignalrLink();
}

/** The page's live connection (one for the whole page, made when a dashboard first subscribes) and its state. */
export const useLiveStore = defineStore('live', () => {
  /** The connection's state; `idle` until something subscribes. */
  const state = ref<LiveState>('idle');
  /** Why the connection is offline ("Signed out: …"); null when it is not. */
  const reason = ref<string | null>(null);

  const client = new LiveClient({
    connect: connectHub,
    onState: (next, why) => {
      state.value = next;
      reason.value = why;
    },
  });

  /** Follows a spec live; returns the function that stops following it. */
  function subscribe(request: LiveRequest, listener: LiveListener): () => void {
    return client.subscribe(request, listener);
  }

  /** Connects again after going offline. */
  function retry(): void {
    client.retry();
  }

  /** Drops the connection of the previous user (signed out, or someone else signed in). */
  function renew(): Promise<void> {
    return client.renew();
  }

  return { state, reason, subscribe, retry, renew };
});
