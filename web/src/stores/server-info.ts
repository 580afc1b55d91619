import { defineStore } from 'pinia';
import { ref } from 'vue';
import { getJson } from '../api/client';
import type { ServerInfo } from '../composables/use-server-info';

/** `GET /api/info`, fetched once for what the pages need from it (the company's currency, the map's tile URL). */
export const useServerInfoStore = defineStore('server-info', () => {
  /** The server's info; null until loaded (or when it could not be loaded). */
  const info = ref<ServerInfo | null>(null);

  let load: Promise<ServerInfo | null> | null = null;

  /** Loads the info once; a failed load is tried again by the next call. */
  function ensureLoaded(): Promise<ServerInfo | null> {
    load ??= getJson<ServerInfo>('/api/info').then(
      (loaded) => (info.value = loaded),
      () => {
        load = null;
        return null;
      },
    );
    return load;
  }

  return { info, ensureLoaded };
});
