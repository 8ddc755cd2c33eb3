import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router'
import { readActiveKiosk } from '../db/active-kiosk'

/**
 * While a kiosk runs, every navigation lands in it: the browser or the installed app relaunched
 * at `/`, the operator app opened in another tab, a typed address. The only way out is the PIN,
 * which clears the running kiosk before it navigates. A storage that cannot be read lets the
 * navigation through: better the operator app than a tablet that opens nothing.
 */
export async function returnToActiveKiosk(to: RouteLocationNormalized): Promise<true | RouteLocationRaw> {
  const active = await readActiveKiosk().catch(() => null)
  if (!active) return true
  if (to.name === 'kiosk' && to.params.eventId === active.eventId) return true
  return { name: 'kiosk', params: { eventId: active.eventId }, query: { survey: active.surveyId }, replace: true }
}
