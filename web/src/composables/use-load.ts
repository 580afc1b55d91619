import { onScopeDispose, ref, type Ref } from 'vue';
import { ApiError } from '../api/client';

/** A page's data: loading, loaded, or why it could not be loaded. */
export type LoadState<T> = { status: 'loading' } | { status: 'loaded'; data: T } | { status: 'error'; message: string };

/**
 * Loads data on use; `reload` loads it again (after a change, or the error state's "Try again"), cancelling a
 * load still under way so an older answer never replaces a newer one.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>): { state: Ref<LoadState<T>>; reload: () => Promise<void> } {
  const state = ref<LoadState<T>>({ status: 'loading' }) as Ref<LoadState<T>>;
  let controller: AbortController | null = null;

  async function reload(): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    if (state.value.status !== 'loaded') state.value = { status: 'loading' };
    try {
      const data = await load(current.signal);
      if (!current.signal.aborted) state.value = { status: 'loaded', data };
    } catch (error) {
      if (current.signal.aborted) return;
      state.value = { status: 'error', message: error instanceof ApiError ? error.message : 'Something went wrong.' };
    }
  }

  onScopeDispose(() => controller?.abort());
  void reload();
  return { state, reload };
}
