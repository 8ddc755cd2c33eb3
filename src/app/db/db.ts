import { CornerDatabase } from './database'

/** The one Dexie instance of the app (tests build their own CornerDatabase). */
export const db = new CornerDatabase()

// Opening takes tens of milliseconds on a cold start: begin as soon as this module loads.
// A failure surfaces on the first query, where the caller reports it.
export const dbOpened: Promise<unknown> = db.open().catch(() => undefined)
