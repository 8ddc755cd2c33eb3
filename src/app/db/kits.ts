import { demoEvent } from '../../shared/demo-event'
import { demoKit } from '../../shared/demo-kit'
import type { Kit } from '../../shared/records'
import { db } from './db'

/**
 * First start: the demo kit and the demo event (the same documents the server seeds, with the
 * same ids), with the shipped survey templates and demo contents the kit uses, so the app and
 * its kiosk are useful before any sync. Local copies have version 0: the server's copies
 * replace them on the first pull. Never re-created once the tablet has seen them.
 */
export async function ensureDemoDocuments(): Promise<void> {
  // Read first: after the first start there is nothing to write, and a read-write
  // transaction would hold up the first screen's reads.
  // Stryker disable next-line ArrayDeclaration,StringLiteral: reading nothing here only enters the transaction, which checks the same rows again.
  const [kit, seeded, templates] = await Promise.all([db.kits.get(demoKit.id), db.meta.get('demoSeeded'), db.surveys.count()])
  // A tablet installed before surveys existed has the kit and the flag but no templates yet.
  if (kit && kit.version >= demoKit.version && seeded && templates > 0) return
  // Only a first start needs these (a relaunch does not parse them). Loaded before the
  // transaction, which must not await anything but IndexedDB.
  const { templateSurveys, demoContents } = await import('./first-start-documents')
  await db.transaction('rw', [db.kits, db.events, db.meta, db.surveys, db.contents], async () => {
    const existing = await db.kits.get(demoKit.id)
    if (!existing || existing.version < demoKit.version) await db.kits.put(demoKit)
    for (const doc of templateSurveys) if (!(await db.surveys.get(doc.id))) await db.surveys.put(doc)
    for (const doc of demoContents) if (!(await db.contents.get(doc.id))) await db.contents.put(doc)
    if (await db.meta.get('demoSeeded')) return
    await db.events.put({ ...demoEvent(new Date()), version: 0, origin: 'server' })
    // Stryker disable next-line BooleanLiteral: both checks read whether the row exists, not its value.
    await db.meta.put({ key: 'demoSeeded', value: true })
  })
}

export function listKits(): Promise<Kit[]> {
  return db.kits.toArray()
}

export function getKit(id: string): Promise<Kit | undefined> {
  return db.kits.get(id)
}
