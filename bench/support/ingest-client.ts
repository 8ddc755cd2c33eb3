/**
 * One tablet pushing 500-fact batches to a server over HTTP: what bench/server-ingest.ts and
 * bench/server-ingest-ab.ts both measure.
 */
import { v7 as uuidv7 } from 'uuid'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event.js'
import type { Fact } from '../../src/shared/records.js'

export const BATCH = 500
export const BATCHES = 40

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
export const fmt = (n: number) => Math.round(n).toLocaleString('en-US')
export const rate = (start: number) => (BATCH * BATCHES) / ((performance.now() - start) / 1000)

export function makeBatches(deviceId: string): Fact[][] {
  return Array.from({ length: BATCHES }, () => Array.from({ length: BATCH }, (_, i): Fact => ({
    id: uuidv7(), eventId: DEMO_EVENT_ID, deviceId, at: new Date().toISOString(), schemaVersion: 1,
    kind: 'interaction', payload: { topic: 'smoking', groupSize: 1 + (i % 3), ageBand: '30-49', language: 'it' },
  })))
}

export interface BenchDevice {
  deviceId: string
  token: string
}

/** Logs in as the bench's coordinator (ADMIN_PASSWORD 'bench password') and enrols a new tablet. */
export async function enrol(url: string): Promise<BenchDevice> {
  const headers = { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers, body: JSON.stringify({ username: 'admin', password: 'bench password' }) })
  const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
  const { code } = (await (await fetch(`${url}/api/v1/admin/enrolment-codes`, { method: 'POST', headers: { ...headers, cookie }, body: '{}' })).json()) as { code: string }
  const res = await fetch(`${url}/api/v1/enrol`, { method: 'POST', headers, body: JSON.stringify({ code, deviceId: uuidv7() }) })
  return (await res.json()) as BenchDevice
}

/** Sequential pushes, as one tablet's syncer makes them; bodies serialised before the clock starts. Facts/s. */
export async function httpRun(url: string, device: BenchDevice): Promise<number> {
  const bodies = makeBatches(device.deviceId).map((facts) => JSON.stringify({ facts }))
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${device.token}` }
  const start = performance.now()
  for (const body of bodies) {
    const res = await fetch(`${url}/api/v1/push`, { method: 'POST', headers, body })
    const json = (await res.json()) as { results: { status: string }[] }
    if (res.status !== 200 || json.results.some((r) => r.status !== 'accepted')) throw new Error(`push failed: ${res.status}`)
  }
  return rate(start)
}
