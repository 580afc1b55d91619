import type { RouteLocationNormalized, RouteMeta } from 'vue-router';
import type { Me } from '../api/accounts';
import { safeReturnUrl } from '../modules/login/safe-return-url';

/** What a visit to a page leads to. */
export type Access =
  | { kind: 'allowed' }
  /** Not signed in: the login page, then back to `returnUrl`. */
  | { kind: 'sign-in'; returnUrl: string }
  /** Already signed in and on the login page: on to where the login would have gone. */
  | { kind: 'signed-in'; to: string }
  /** Signed in, but the role may not use the page. */
  | { kind: 'not-available' };

/** Whether the signed-in user's role may use a page (pages without a permission: everyone signed in). */
export function mayUse(meta: RouteMeta, me: Me | null): boolean {
  if (meta.public) return true;
  if (me === null) return false;
  return meta.permission === undefined || me.permissions[meta.permission];
}

/** Decides a visit: the route guard redirects on sign-in/signed-in, the app shows the not-available view. */
export function accessTo(to: Pick<RouteLocationNormalized, 'fullPath' | 'meta' | 'query'>, me: Me | null): Access {
  if (to.meta.public) return me === null ? { kind: 'allowed' } : { kind: 'signed-in', to: safeReturnUrl(to.query['returnUrl']) };
  if (me === null) return { kind: 'sign-in', returnUrl: to.fullPath };
  return mayUse(to.meta, me) ? { kind: 'allowed' } : { kind: 'not-available' };
}
