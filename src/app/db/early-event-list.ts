import type { StoredEvent } from './database'

/*
 * The event list read with plain IndexedDB as soon as the app's first script runs
 * (boot/launch.ts), before the framework's chunk (which carries Dexie) has even been parsed:
 * the screen an operator relaunches into can show it without waiting for Dexie to open.
 * The names below are Dexie's schema in database.ts (a unit test reads a database made by it).
 */
const DATABASE = 'corner'
const EVENTS = 'events'
const BY_START_DATE = 'startDate'

/** The events, most recent start date first (as listEvents orders them); undefined when unreadable. */
export function readEventList(factory: IDBFactory = indexedDB): Promise<StoredEvent[] | undefined> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest
    try {
      request = factory.open(DATABASE)
    } catch {
      return resolve(undefined)
    }
    // No database yet (a first start): do not create an empty one, Dexie creates it with its schema.
    request.onupgradeneeded = () => request.transaction?.abort()
    request.onerror = (event) => {
      event.preventDefault()
      resolve(undefined)
    }
    request.onsuccess = () => {
      const db = request.result
      // A newer schema opening (an app update) must not wait for this connection.
      db.onversionchange = () => db.close()
      try {
        const transaction = db.transaction(EVENTS, 'readonly')
        const read = transaction.objectStore(EVENTS).index(BY_START_DATE).getAll()
        read.onsuccess = () => resolve((read.result as StoredEvent[]).reverse())
        read.onerror = () => resolve(undefined)
        transaction.oncomplete = transaction.onabort = () => db.close()
      } catch {
        db.close()
        resolve(undefined)
      }
    }
  })
}

let early: Promise<StoredEvent[] | undefined> | undefined

/** Starts the read (once). */
export function startEarlyEventList(factory: IDBFactory | undefined = globalThis.indexedDB): void {
  if (!early && factory) early = readEventList(factory)
}

/**
 * The list read at launch, once: the first caller gets it; later ones (the screen opened
 * again, when it could be stale) get undefined and rely on the live query alone.
 */
export function takeEarlyEventList(): Promise<StoredEvent[] | undefined> | undefined {
  const taken = early
  early = undefined
  return taken
}

/** Drops the list unused: the first screen is up, and whatever opens later reads live data only. */
export function dropEarlyEventList(): void {
  early = undefined
}
