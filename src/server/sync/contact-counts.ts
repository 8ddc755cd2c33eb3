import type { Transaction } from 'kysely'
import type { Database } from '../db/database.table.js'
import type { NewFactRow } from '../db/facts.table.js'

type Dimensions = { event_id: string; local_day: string; local_hour: number; topic: string | null; interaction_type?: string | null; age_band?: string | null; audience?: string | null; language?: string | null }
const KEY = ['event_id', 'local_day', 'local_hour', 'topic', 'interaction_type', 'age_band', 'audience', 'language'] as const

function keyed(d: Dimensions) {
  return {
    event_id: d.event_id, local_day: d.local_day, local_hour: Number(d.local_hour), topic: d.topic ?? '', interaction_type: d.interaction_type ?? '',
    age_band: d.age_band ?? '', audience: d.audience ?? '', language: d.language ?? '',
  }
}

/**
 * Keeps `contact_counts` in step with the facts just inserted, in the push's own transaction:
 * each new interaction adds one contact (and its group size), each new void takes its target
 * away once — a second void of the same tap changes nothing. Dashboards read these rows.
 */
export async function countContacts(trx: Transaction<Database>, inserted: readonly NewFactRow[]): Promise<void> {
  const deltas = new Map<string, ReturnType<typeof keyed> & { contacts: number; people: number }>()
  const add = (d: Dimensions, contacts: number, people: number) => {
    const row = keyed(d)
    const key = KEY.map((k) => row[k]).join('\u0000')
    const current = deltas.get(key) ?? { ...row, contacts: 0, people: 0 }
    current.contacts += contacts
    current.people += people
    deltas.set(key, current)
  }
  for (const r of inserted) if (r.kind === 'interaction') add(r as Dimensions, 1, Number(r.group_size ?? 0))

  const voids = inserted.filter((r) => r.kind === 'void' && r.target_id)
  if (voids.length) {
    const targetIds = [...new Set(voids.map((v) => v.target_id as string))]
    const voidIds = voids.map((v) => v.id)
    const earlier = await trx.selectFrom('facts').select('target_id').where('target_id', 'in', targetIds).where('id', 'not in', voidIds).execute()
    const alreadyVoided = new Set(earlier.map((r) => r.target_id))
    const targets = await trx.selectFrom('facts').select([...KEY, 'id', 'kind', 'group_size']).where('id', 'in', targetIds).execute()
    for (const t of targets) if (t.kind === 'interaction' && !alreadyVoided.has(t.id)) add(t, -1, -Number(t.group_size ?? 0))
  }
  for (const delta of deltas.values()) {
    if (delta.contacts === 0 && delta.people === 0) continue
    await trx.insertInto('contact_counts').values(delta)
      .onConflict((oc) => oc.columns([...KEY]).doUpdateSet((eb) => ({
        contacts: eb('contact_counts.contacts', '+', delta.contacts),
        people: eb('contact_counts.people', '+', delta.people),
      })))
      .execute()
  }
}
