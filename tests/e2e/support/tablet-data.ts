import type { Page } from 'playwright-core'

/** Reads the tablet's own IndexedDB from the page: fact ids and how many are still queued. */
export async function tabletState(page: Page): Promise<{ factIds: string[]; queued: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('corner')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll()
        request.onsuccess = () => resolve(request.result as T[])
        request.onerror = () => reject(request.error)
      })
    const facts = await all<{ id: string }>('facts')
    const outbox = await all<unknown>('outbox')
    db.close()
    return { factIds: facts.map((f) => f.id), queued: outbox.length }
  })
}

/** The tablet's device id, from its diagnostics screen. */
export async function tabletDeviceId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('corner')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const id = await new Promise<string>((resolve, reject) => {
      const request = db.transaction('meta').objectStore('meta').get('deviceId')
      request.onsuccess = () => resolve((request.result as { value: string }).value)
      request.onerror = () => reject(request.error)
    })
    db.close()
    return id
  })
}
