import type { Content } from '../../shared/contents'
import { db } from './db'

/**
 * The kit's contents in the kit's order, retired ones left out: what the QR wall shows.
 * Read only; contents arrive by pull (and the demo ones at first start), never written here.
 */
export async function listKitContents(contentIds: readonly string[]): Promise<Content[]> {
  const found = await db.contents.bulkGet([...contentIds])
  return found.filter((c): c is Content => c !== undefined && !c.retiredAt)
}
