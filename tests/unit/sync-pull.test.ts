import { v7 as uuidv7 } from 'uuid'
import { beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../src/app/api/api-error'
import { db } from '../../src/app/db/db'
import { getEventTotals, getPullCursor, setSyncAuth } from '../../src/app/db/sync-state'
import { createSyncEngine } from '../../src/app/sync/sync-engine'
import { demoEvent } from '../../src/shared/demo-event'
import type { EventDoc } from '../../src/shared/records'
import type { PullPage } from '../../src/shared/sync-readers'
import { freshState } from './support'
import { fakeApi } from './support-sync'

/** A server holding `count` events at versions 1…count, answering pages of `size`. */
function pagedServer(count: number, size: number) {
  const events: EventDoc[] = Array.from({ length: count }, (_, i) => ({ ...demoEvent(new Date('2026-11-26T08:00:00Z')), id: uuidv7(), version: i + 1 }))
  const pull = (cursor: number, eventId?: string): PullPage => {
    const page = events.filter((e) => e.version > cursor).slice(0, size)
    const last = page.at(-1)?.version ?? Math.max(cursor, count)
    return {
      cursor: last, hasMore: last < count, kits: [], events: page, surveys: [], contents: [], skipped: 0,
      ...(eventId ? { totals: { eventId, contacts: 7, devices: 2 } } : {}),
    }
  }
  return { events, pull }
}

describe('pulling documents in pages', () => {
  beforeEach(async () => {
    await freshState()
    await setSyncAuth({ token: 't'.repeat(40), enrolledAt: new Date().toISOString() })
  })

  it('follows the pages while the server has more, storing each with its cursor', async () => {
    const server = pagedServer(450, 200)
    const api = fakeApi(() => 'accepted', server.pull)
    const engine = createSyncEngine({ api })
    engine.setFocusEvent(server.events[0]!.id)
    expect(await engine.syncNow()).toBe('ok')
    expect(api.pulls.map((p) => p.cursor)).toEqual([0, 200, 400])
    expect(await db.events.count()).toBe(450)
    expect(await getPullCursor(1)).toBe(450)
    // Totals come with the first page only: they are the same on every page.
    expect(api.pulls.map((p) => p.eventId)).toEqual([server.events[0]!.id, undefined, undefined])
    expect(await getEventTotals(server.events[0]!.id)).toMatchObject({ contacts: 7, devices: 2 })
    // The pages without totals store none.
    const totalsKeys = (await db.meta.toCollection().primaryKeys()).filter((key) => String(key).startsWith('totals:'))
    expect(totalsKeys).toEqual([`totals:${server.events[0]!.id}`])
  })

  it('pulls a bounded number of pages a run and carries on from there in the next', async () => {
    const server = pagedServer(500, 100)
    const api = fakeApi(() => 'accepted', server.pull)
    const engine = createSyncEngine({ api, maxPullPagesPerRun: 2 })
    await engine.syncNow()
    expect(await getPullCursor(1)).toBe(200)
    await engine.syncNow()
    expect(api.pulls.map((p) => p.cursor)).toEqual([0, 100, 200, 300])
    expect(await db.events.count()).toBe(400)
  })

  it('keeps the pages stored before a failure and resumes after the last one', async () => {
    const server = pagedServer(300, 100)
    let calls = 0
    const api = fakeApi(() => 'accepted', (cursor) => {
      if (++calls === 2) throw new ApiError(0, 'network', 'connection dropped')
      return server.pull(cursor)
    })
    const engine = createSyncEngine({ api })
    expect(await engine.syncNow()).toBe('retrying')
    engine.stop()
    expect(await db.events.count()).toBe(100)
    expect(await getPullCursor(1)).toBe(100)
    expect(await engine.syncNow()).toBe('ok')
    expect(api.pulls.map((p) => p.cursor)).toEqual([0, 100, 100, 200])
    expect(await db.events.count()).toBe(300)
  })

  it('stops when a server says there is more but does not move its cursor', async () => {
    const api = fakeApi(() => 'accepted', () => ({ cursor: 5, hasMore: true, kits: [], events: [], surveys: [], contents: [], skipped: 0 }))
    expect(await createSyncEngine({ api }).syncNow()).toBe('ok')
    expect(api.pulls.map((p) => p.cursor)).toEqual([0, 5])
  })

  it('re-reads everything from cursor 0 once an app update reads a newer document model', async () => {
    const server = pagedServer(10, 200)
    const api = fakeApi(() => 'accepted', server.pull)
    await createSyncEngine({ api, documentModel: 1 }).syncNow()
    await createSyncEngine({ api, documentModel: 1 }).syncNow()
    await createSyncEngine({ api, documentModel: 2 }).syncNow()
    await createSyncEngine({ api, documentModel: 2 }).syncNow()
    expect(api.pulls.map((p) => p.cursor)).toEqual([0, 10, 0, 10])
  })

  it('takes the cursor stored before it carried a model as read by model 1', async () => {
    await db.meta.put({ key: 'syncCursor', value: 41 })
    expect(await getPullCursor(1)).toBe(41)
    expect(await getPullCursor(2)).toBe(0)
  })
})
