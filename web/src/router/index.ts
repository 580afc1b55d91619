import { createRouter, type Router, type RouterHistory } from 'vue-router';
import { onUnauthorized } from '../api/client';
import { useSessionStore } from '../stores/session';
import { accessTo } from './access';
import { routes } from './routes';

/**
 * The app's router: every page but the login needs a signed-in user (the session is checked once before the
 * first page), and a call that finds the session gone sends the person to the login page, then back.
 * Needs the Pinia instance to be active.
 */
export function createAppRouter(history: RouterHistory): Router {
  const router = createRouter({ history, routes });
  const session = useSessionStore();

  router.beforeEach(async (to) => {
    await session.ensureChecked();
    const access = accessTo(to, session.me);
    if (access.kind === 'sign-in') return { name: 'login', query: { returnUrl: access.returnUrl } };
    if (access.kind === 'signed-in') return access.to;
    return true;
  });

  router.afterEach((to) => {
    if (to.meta.ownTitle) return;
    document.title = to.meta.title && to.name !== 'home' ? `${to.meta.title} · Northstar` : 'Northstar';
  });

  onUnauthorized(() => {
    session.forget();
    const current = router.currentRoute.value;
    if (!current.meta.public) void router.push({ name: 'login', query: { returnUrl: current.fullPath } });
  });

  return router;
}
