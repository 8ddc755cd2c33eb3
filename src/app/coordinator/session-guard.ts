import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router'
import { useCoordinatorSession } from './session-store'

/** Coordinator pages need a live session (GET /auth/me); otherwise the login screen, then back here. */
export async function requireCoordinatorSession(to: RouteLocationNormalized): Promise<true | RouteLocationRaw> {
  if ((await useCoordinatorSession().ensureSession()) === 'signed-in') return true
  return { name: 'coordinator-login', query: { redirect: to.fullPath } }
}

/** Where to go after login: only a coordinator page (never an open redirect to another origin). */
export function afterLoginPath(redirect: unknown): string {
  return typeof redirect === 'string' && /^\/coordinator(\/|$|\?)/.test(redirect) ? redirect : '/coordinator'
}
