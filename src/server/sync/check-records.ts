import type { z } from 'zod'
import { eventSchema, FACT_KIND_SCHEMA_VERSION, FACT_KINDS, factSchema, SUPPORTED_FACT_SCHEMA_VERSIONS, type EventDoc, type Fact } from '../../shared/records.js'
import type { PushResult } from '../../shared/sync-protocol.js'
import { canonicalJson } from './canonical-json.js'

export type Checked<T> = { ok: true; record: T; canonical: string } | { ok: false; result: PushResult }

const supported: readonly number[] = SUPPORTED_FACT_SCHEMA_VERSIONS

function idOf(raw: unknown): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined
  return typeof id === 'string' ? id.slice(0, 64) : ''
}

function reasonOf(where: string, error: z.ZodError): string {
  const issues = error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`)
  return `${where} ${issues.join('; ')}`.slice(0, 500)
}

/** Validates one pushed fact on its own, so one bad record never blocks the others. */
export function checkFact(raw: unknown, index: number): Checked<Fact> {
  const id = idOf(raw)
  const { schemaVersion: version, kind } = typeof raw === 'object' && raw !== null ? (raw as { schemaVersion?: unknown; kind?: unknown }) : {}
  // Checked before the shape: a newer client's fact may legitimately look different, and
  // stays queued on its tablet until a server that knows it answers (the protocol only grows).
  if (typeof version === 'number' && !supported.includes(version)) {
    return { ok: false, result: { id, status: 'unsupported', reason: `schema_version ${version} not in [${supported.join(', ')}]` } }
  }
  if (typeof kind === 'string' && /^[a-z_]{1,40}$/.test(kind) && !FACT_KINDS.includes(kind)) {
    return { ok: false, result: { id, status: 'unsupported', reason: `unknown_kind ${kind}` } }
  }
  const parsed = factSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, result: { id, status: 'invalid', reason: reasonOf(`facts[${index}]`, parsed.error) } }
  if (parsed.data.schemaVersion < FACT_KIND_SCHEMA_VERSION[parsed.data.kind]) {
    return { ok: false, result: { id, status: 'invalid', reason: `schemaVersion: ${parsed.data.kind} exists from version ${FACT_KIND_SCHEMA_VERSION[parsed.data.kind]}` } }
  }
  return { ok: true, record: parsed.data, canonical: canonicalJson(parsed.data) }
}

/** A tablet's offline event; `canonical` leaves out `version`, which the server assigns. */
export function checkEvent(raw: unknown, index: number): Checked<EventDoc> {
  const parsed = eventSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, result: { id: idOf(raw), status: 'invalid', reason: reasonOf(`events[${index}]`, parsed.error) } }
  return { ok: true, record: parsed.data, canonical: canonicalJson({ ...parsed.data, version: undefined }) }
}
