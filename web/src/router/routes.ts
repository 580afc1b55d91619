import type { RouteLocationRaw, RouteRecordRaw } from 'vue-router';
import type { Permissions } from '../api/accounts';
import AuditView from '../modules/audit/audit-view.vue';
import DashboardView from '../modules/dashboards/dashboard-view.vue';
import NotFoundView from '../modules/errors/not-found-view.vue';
import HomeView from '../modules/home/home-view.vue';
import LoginView from '../modules/login/login-view.vue';
import TokensView from '../modules/tokens/tokens-view.vue';
import UsersView from '../modules/users/users-view.vue';
import { useDashboardsStore } from '../stores/dashboards';

declare module 'vue-router' {
  interface RouteMeta {
    /** Open to anyone (the login page); every other page needs a signed-in user. */
    public?: boolean;
    /** The permission a page needs; without it the page shows "not available for your role". */
    permission?: keyof Permissions;
    /** The page's name in the navigation and the window title; pages without one are not in the navigation. */
    title?: string;
    /** The page names the window itself from its data (a dashboard's title). */
    ownTitle?: boolean;
    /** The page uses the full width of the window (dashboards). */
    wide?: boolean;
  }
}

async function toFirstDashboard(): Promise<RouteLocationRaw | true> {
  const [first] = await useDashboardsStore().ensureLoaded();
  return first ? { name: 'dashboard', params: { id: first.id } } : true;
}

/** The pages of the app, in navigation order (the dashboards come first, from the server's list). */
export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: LoginView, meta: { public: true } },
  // The first dashboard is the home page (the executive one); the welcome page stays for a server without any.
  { path: '/', name: 'home', component: HomeView, beforeEnter: toFirstDashboard },
  { path: '/dashboards/:id', name: 'dashboard', component: DashboardView, props: true, meta: { ownTitle: true, wide: true } },
  { path: '/users', name: 'users', component: UsersView, meta: { title: 'Users', permission: 'manageUsers' } },
  { path: '/tokens', name: 'tokens', component: TokensView, meta: { title: 'Tokens', permission: 'apiTokens' } },
  { path: '/audit', name: 'audit', component: AuditView, meta: { title: 'Audit', permission: 'superAdmin' } },
  // What this server is: version, engine and its version (the welcome page, for everyone).
  { path: '/about', name: 'about', component: HomeView, meta: { title: 'About' } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView },
];
