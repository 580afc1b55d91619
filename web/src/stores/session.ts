import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { LoginResponse, Me } from '../api/accounts';
import { ApiError, getJson, postJson } from '../api/client';

/**
 * The signed-in user. Checked once on start (`GET /api/auth/me`; the route guards wait for it), set by signing
 * in, cleared by signing out or when any call finds the session gone.
 */
export const useSessionStore = defineStore('session', () => {
  /** The signed-in user; null when signed out (or not known yet). */
  const me = ref<Me | null>(null);
  /** Why the session could not be checked (the server was unreachable); null when it could. */
  const checkError = ref<string | null>(null);
  /** Whether someone is signed in. */
  const signedIn = computed(() => me.value !== null);

  let check: Promise<void> | null = null;

  /** Checks the session once; after a failed check (server unreachable) the next call checks again. */
  function ensureChecked(): Promise<void> {
    check ??= checkSession();
    return check;
  }

  async function checkSession(): Promise<void> {
    try {
      me.value = await getJson<Me>('/api/auth/me', { expectUnauthorized: true });
      checkError.value = null;
    } catch (error) {
      me.value = null;
      if (error instanceof ApiError && error.status === 401) {
        checkError.value = null;
      } else {
        checkError.value = error instanceof ApiError ? error.message : 'The session could not be checked.';
        check = null;
      }
    }
  }

  /** Signs in; resolves with the user, rejects with the server's ApiError (wrong credentials, throttled, …). */
  async function signIn(email: string, password: string, returnUrl: string): Promise<Me> {
    const response = await postJson<LoginResponse>('/api/auth/login', { email, password, returnUrl }, { expectUnauthorized: true });
    me.value = response.user;
    checkError.value = null;
    check = Promise.resolve();
    return response.user;
  }

  /** Signs out on the server; the user is forgotten here even when the session had already ended there. */
  async function signOut(): Promise<void> {
    try {
      await postJson<void>('/api/auth/logout', undefined, { expectUnauthorized: true });
    } finally {
      forget();
    }
  }

  /** Forgets the user without asking the server (it already said the session is gone). */
  function forget(): void {
    me.value = null;
    check = Promise.resolve();
  }

  return { me, checkError, signedIn, ensureChecked, signIn, signOut, forget };
});
