import { db } from './db'
import { takeEarlyActiveKiosk } from './early-event-list'

/** The kiosk this tablet is running, if any: a relaunch or the operator app opens it again. */
export interface ActiveKiosk {
  eventId: string
  surveyId: string
}

const KEY = 'activeKiosk'
/** What this page knows: undefined until read once; null when no kiosk runs. */
let known: ActiveKiosk | null | undefined

/**
 * The running kiosk, read once per page (a local meta row, never synced) and then kept in
 * memory: the router asks on every navigation.
 */
export async function readActiveKiosk(): Promise<ActiveKiosk | null> {
  if (known !== undefined) return known
  // A relaunch's first navigation: the launch script's plain read, so the first screen does not wait for Dexie to open.
  const early = await takeEarlyActiveKiosk()
  const value = (early ? early.value : (await db.meta.get(KEY))?.value) as ActiveKiosk | undefined
  known ??= value && typeof value.eventId === 'string' && typeof value.surveyId === 'string' ? value : null
  return known
}

/** The kiosk is running for this event and survey: kept across reloads and relaunches, local only. */
export async function markKioskActive(kiosk: ActiveKiosk): Promise<void> {
  known = { eventId: kiosk.eventId, surveyId: kiosk.surveyId }
  await db.meta.put({ key: KEY, value: known })
}

/**
 * The operator left with the PIN (or the kiosk cannot run). Forgotten in this page at once, so
 * the exit works even if the write fails; a failed write only means a reload opens the kiosk again.
 */
export async function clearActiveKiosk(): Promise<void> {
  known = null
  await db.meta.delete(KEY)
}

/** Forgets what this page read (tests delete the database between cases). */
export function resetActiveKioskCache(): void {
  known = undefined
  void takeEarlyActiveKiosk()
}
