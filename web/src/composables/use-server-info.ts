import { onScopeDispose, ref, type Ref } from 'vue';
import { ApiError, getJson } from '../api/client';

/** `GET /api/info`: what this Northstar server is and which engine holds its warehouse. */
export interface ServerInfo {
  product: string;
  /** The server's informational version, e.g. `0.1.0+3f2c1e0…` (build metadata after the `+`). */
  version: string;
  engine: {
    /** `DuckDB` or `PostgreSQL`. */
    name: string;
    /** The engine's own version string. */
    version: string;
  };
  dialect: string;
  /** The company's currency (ISO 4217), for amounts of the `currency` format. */
  currency: string;
  /** A raster tile URL template for the branch map (`https://…/{z}/{x}/{y}.png`); null: the shipped outline only. */
  mapTileUrl: string | null;
}

export type ServerInfoState =
  | { status: 'loading' }
  | { status: 'loaded'; info: ServerInfo }
  | { status: 'error'; message: string };

/** Loads the server's info once on use; `reload` tries again (the error state's "Try again"). */
export function useServerInfo(): { state: Ref<ServerInfoState>; reload: () => Promise<void> } {
  const state = ref<ServerInfoState>({ status: 'loading' });
  let controller: AbortController | null = null;

  async function reload(): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    state.value = { status: 'loading' };
    try {
      const info = await getJson<ServerInfo>('/api/info', { signal: current.signal });
      if (!current.signal.aborted) state.value = { status: 'loaded', info };
    } catch (error) {
      if (current.signal.aborted) return;
      state.value = { status: 'error', message: error instanceof ApiError ? error.message : 'Something went wrong.' };
    }
  }

  onScopeDispose(() => controller?.abort());
  void reload();
  return { state, reload };
}
