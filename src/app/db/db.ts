import { CornerDatabase } from './database'

/** The one Dexie instance of the app (tests build their own CornerDatabase). */
export const db = new CornerDatabase()
