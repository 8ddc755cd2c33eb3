import { db } from './db'

/** How many records wait for the server's acknowledgement. */
export function countQueued(): Promise<number> {
  return db.outbox.count()
}
