import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useDashboardStore } from '../../src/app/coordinator/reports/dashboard-store'
import { useIndicatorsStore } from '../../src/app/coordinator/reports/indicators-store'
import { emptyFilters } from '../../src/app/coordinator/reports/report-filters'
import { useKitsStore } from '../../src/app/coordinator/kits/kits-store'

const json = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const dashboard = (contacts: number) => ({
  asOf: null, contacts, people: contacts, by: { hour: {}, day: {}, topic: {}, interactionType: {}, ageBand: {}, audience: {}, language: {} },
  events: { total: 0, bySetting: {}, byOccasion: {} }, surveys: [], contents: [], tablets: [],
})

/** A stubbed fetch: each call waits for the answer the test gives it; returns the URLs asked. */
function server() {
  const calls: { url: string; method?: string; answer: (r: Response) => void }[] = []
  vi.stubGlobal('fetch', vi.fn((url: string, init?: RequestInit) => new Promise<Response>((resolve) => calls.push({ url, method: init?.method, answer: resolve }))))
  return calls
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

describe('the dashboard store', () => {
  it('never asks the server with a refused filter, and names the field', async () => {
    const calls = server()
    const store = useDashboardStore()
    expect(await store.load({ ...emptyFilters(), from: '2026-05-02', to: '2026-05-01' })).toBe(false)
    expect(store.invalidFields).toEqual(['to'])
    expect(calls).toHaveLength(0)
  })

  it('shows only the answer to the latest filters, whatever order the answers come in', async () => {
    const calls = server()
    const store = useDashboardStore()
    const first = store.load(emptyFilters())
    const second = store.load({ ...emptyFilters(), setting: 'school' })
    await vi.waitFor(() => expect(calls).toHaveLength(2))
    expect(calls[1]!.url).toBe('/api/v1/admin/dashboard?setting=school')
    calls[1]!.answer(json(200, dashboard(2)))
    await second
    calls[0]!.answer(json(200, dashboard(99)))
    await first
    expect(store.dashboard?.contacts).toBe(2)
  })
})

describe('the indicators store', () => {
  it('refuses targets out of range without asking the server', async () => {
    const calls = server()
    expect(await useIndicatorsStore().saveTargets({ contentsPerMonth: 2, trainingEvents: 101 }, { from: '', to: '' })).toBe('invalid_targets')
    expect(calls).toHaveLength(0)
  })
})

describe('the kits store', () => {
  it('refuses a copy without a name and an unreadable file without asking the server', async () => {
    const calls = server()
    const store = useKitsStore()
    expect(await store.duplicate('01930000-0000-7000-8000-000000000001', '  ')).toEqual({ ok: false, code: 'name_required' })
    expect(await store.importFile('{"format":', 10)).toEqual({ ok: false, code: 'bad_json' })
    expect(calls).toHaveLength(0)
  })

  it('passes the server\'s refusal of a kit file on, with its code', async () => {
    const calls = server()
    const importing = useKitsStore().importFile(JSON.stringify({ format: 'corner-kit', formatVersion: 1 }), 40)
    await vi.waitFor(() => expect(calls).toHaveLength(1))
    expect([calls[0]!.url, calls[0]!.method]).toEqual(['/api/v1/admin/kits/import', 'POST'])
    calls[0]!.answer(json(409, { code: 'kit_exists', message: 'A different kit with this id is already here' }))
    expect(await importing).toMatchObject({ ok: false, code: 'kit_exists' })
  })
})
