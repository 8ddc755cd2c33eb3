import { demoKit } from '../../shared/demo-kit'
import type { Kit } from '../../shared/records'
import { db } from './db'

/** Puts the demo kit on the tablet on first start, so the app is useful before any sync. */
export async function ensureDemoKit(): Promise<void> {
  const existing = await db.kits.get(demoKit.id)
  if (!existing || existing.version < demoKit.version) await db.kits.put(demoKit)
}

export function listKits(): Promise<Kit[]> {
  return db.kits.toArray()
}

export function getKit(id: string): Promise<Kit | undefined> {
  return db.kits.get(id)
}
