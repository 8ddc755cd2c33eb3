import { demoEvent } from '../../shared/demo-event'
import { demoKit } from '../../shared/demo-kit'
import type { Kit } from '../../shared/records'
import { db } from './db'

/**
 * First start: the demo kit and the demo event (the same documents the server seeds, with the
 * same ids), so the app is useful before any sync. The local event has version 0: the server's
 * copy replaces it on the first pull. Never re-created once the tablet has seen it.
 */
export async function ensureDemoDocuments(): Promise<void> {
  // Read first: after the first start there is nothing to write, and a read-write
  // transaction would hold up the first screen's reads.
  const [kit, seeded] = await Promise.all([db.kits.get(demoKit.id), db.meta.get('demoSeeded')])
  if (kit && kit.version >= demoKit.version && seeded) return
  await db.transaction('rw', db.kits, db.events, db.meta, async () => {
    const existing = await db.kits.get(demoKit.id)
    if (!existing || existing.version < demoKit.version) await db.kits.put(demoKit)
    if (await db.meta.get('demoSeeded')) return
    await db.events.put({ ...demoEvent(new Date()), version: 0, origin: 'server' })
    await db.meta.put({ key: 'demoSeeded', value: true })
  })
}

export function listKits(): Promise<Kit[]> {
  return db.kits.toArray()
}

export function getKit(id: string): Promise<Kit | undefined> {
  return db.kits.get(id)
}
