import { ApiError } from '../api/api-error'
import { useCoordinatorSession } from './session-store'

export type Attempt<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/**
 * Runs a coordinator call for a store: failures come back as a value (never thrown into a
 * component), and a 401 signs the page out so the layout sends the person to the login screen.
 */
export async function attempt<T>(call: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await call() }
  } catch (caught) {
    const error = caught instanceof ApiError ? caught : new ApiError(0, 'unknown', String(caught))
    if (error.code === 'unauthorized') useCoordinatorSession().expire()
    return { ok: false, error }
  }
}
