import type { RouteRecordRaw } from 'vue-router';
import type { Permissions } from '../api/accounts';
import AuditView from '../modules/audit/audit-view.vue';
import NotFoundView from '../modules/errors/not-found-view.vue';
import HomeView from '../modules/home/home-view.vue';
import LoginView from '../modules/login/login-view.vue';
import TokensView from '../modules/tokens/tokens-view.vue';
import UsersView from '../modules/users/users-view.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Open to anyone (the login page); every other page needs a signed-in user. */
    public?: boolean;
    /** The permission a page needs; without it the page shows "not available for your role". */
    permission?: keyof Permissions;
    /** The page's name in the navigation and the window title; pages without one are not in the navigation. */
    title?: string;
  }
}

/** The pages of the app, in navigation order. */
export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: LoginView, meta: { public: true } },
  { path: '/', name: 'home', component: HomeView, meta: { title: 'Home' } },
  { path: '/users', name: 'users', component: UsersView, meta: { title: 'Users', permission: 'manageUsers' } },
  { path: '/tokens', name: 'tokens', component: TokensView, meta: { title: 'Tokens', permission: 'apiTokens' } },
  { path: '/audit', name: 'audit', component: AuditView, meta: { title: 'Audit', permission: 'superAdmin' } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView },
];
