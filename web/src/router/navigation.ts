import type { Me } from '../api/accounts';
import type { DashboardSummary } from '../api/query-types';
import { mayUse } from './access';
import { routes } from './routes';

/** An entry of the app's navigation: a page of the app (`to`) or a page of its own (`href`, the API docs). */
export type NavigationEntry = { label: string; to: string } | { label: string; href: string };

/**
 * The dashboards, then the pages the signed-in user's role may use, in order; a page the role may not use is not
 * offered at all.
 */
export function navigationFor(me: Me, dashboards: readonly DashboardSummary[] = []): NavigationEntry[] {
  const entries: NavigationEntry[] = [
    ...dashboards.map((dashboard) => ({ label: dashboard.title, to: `/dashboards/${encodeURIComponent(dashboard.id)}` })),
    ...routes
      .filter((route) => route.meta?.title !== undefined && mayUse(route.meta, me))
      .map((route) => ({ label: route.meta?.title ?? '', to: route.path })),
  ];
  // The API reference (Swagger UI, with "try it out") is for Super Admins.
  if (me.permissions.superAdmin) entries.push({ label: 'API docs', href: '/api-docs/' });
  return entries;
}
