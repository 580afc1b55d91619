import { defineStore } from 'pinia';
import { ref } from 'vue';
import { listDashboards } from '../api/dashboards';
import type { DashboardSummary } from '../api/query-types';

/** The dashboards the signed-in user can open: fetched once after sign-in, forgotten on sign-out. */
export const useDashboardsStore = defineStore('dashboards', () => {
  /** The dashboards in their order; empty until loaded (or when the list could not be loaded). */
  const list = ref<DashboardSummary[]>([]);

  let load: Promise<DashboardSummary[]> | null = null;

  /** Loads the list once; a failed load (server unreachable) is tried again by the next call. */
  function ensureLoaded(): Promise<DashboardSummary[]> {
    load ??= listDashboards().then(
      (dashboards) => (list.value = dashboards),
      () => {
        load = null;
        return [];
      },
    );
    return load;
  }

  /** Forgets the list (signed out: the next user may see other dashboards). */
  function reset(): void {
    list.value = [];
    load = null;
  }

  return { list, ensureLoaded, reset };
});
