import type { PullPage } from '../../shared/sync-readers'
import { countQueued } from '../db/outbox'
import { savePulledPage } from '../db/documents'
import { getPullCursor, saveEventTotals } from '../db/sync-state'

export interface PullOptions {
  pull: (cursor: number, queued: number, eventId?: string) => Promise<PullPage>
  model: number
  maxPages: number
  now: () => Date
  /** The event on screen: its totals across all tablets come with the first page. */
  eventId?: string
}

/**
 * Pulls documents page by page while the server says more follow, storing each page with
 * its cursor as it arrives, so an interrupted pull resumes where it stopped. At most
 * `maxPages` a run: a tablet far behind catches up over several runs without starving pushes.
 */
export async function pullDocuments({ pull, model, maxPages, now, eventId }: PullOptions): Promise<void> {
  let cursor = await getPullCursor(model)
  for (let pageNo = 0; pageNo < maxPages; pageNo++) {
    const page = await pull(cursor, await countQueued(), pageNo === 0 ? eventId : undefined)
    await savePulledPage(page, { cursor: page.cursor, model })
    if (page.totals) await saveEventTotals({ ...page.totals, fetchedAt: now().toISOString() })
    // A server that says "more" without moving on would keep this loop busy for nothing.
    if (!page.hasMore || page.cursor === cursor) return
    cursor = page.cursor
  }
}
