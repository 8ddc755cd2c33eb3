import { launchHandoff } from '../boot/launch-handoff'
import type { StoredEvent } from './database'

/*
 * The event list read with plain IndexedDB as soon as the page's first script runs
 * (boot/launch.ts, inlined in the page), before the framework's chunk (which carries Dexie) has
 * even been parsed:
 * the screen an operator relaunches into can show it without waiting for Dexie to open.
 * The names below are Dexie's schema in database.ts (a unit test reads a database made by it).
 */
const DATABASE = 'corner'
const EVENTS = 'events'
const BY_START_DATE = 'startDate'

const META = 'meta'
const ACTIVE_KIOSK = 'activeKiosk'
/** The first screen as last rendered (boot/launch-screen.ts, db/launch-screen.ts). */
export const LAUNCH_SCREEN = 'launchScreen'

/**
 * What a launch reads: the event list, the running kiosk's meta value (undefined: none runs)
 * and the first screen as the app last rendered it (unchecked).
 */
export interface LaunchRead {
  events: StoredEvent[]
  activeKiosk: unknown
  launchScreen: unknown
}

/** The events, most recent start date first (as listEvents orders them); undefined when unreadable. */
export function readEventList(factory: IDBFactory = indexedDB): Promise<StoredEvent[] | undefined> {
  return readLaunch(factory).then((read) => read?.events)
}

/** The event list and the running kiosk in one read-only transaction; undefined when unreadable. */
export function readLaunch(factory: IDBFactory = indexedDB): Promise<LaunchRead | undefined> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest
    try {
      request = factory.open(DATABASE)
    } catch {
      return resolve(undefined)
    }
    // No database yet (a first start): do not create an empty one, Dexie creates it with its schema.
    // Stryker disable next-line OptionalChaining: an upgradeneeded request always has its versionchange transaction.
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
        const transaction = db.transaction([EVENTS, META], 'readonly')
        const events = transaction.objectStore(EVENTS).index(BY_START_DATE).getAll()
        const kiosk = transaction.objectStore(META).get(ACTIVE_KIOSK)
        const screen = transaction.objectStore(META).get(LAUNCH_SCREEN)
        const value = (request: IDBRequest) => (request.result as { value?: unknown } | undefined)?.value
        transaction.oncomplete = () => {
          db.close()
          resolve({ events: (events.result as StoredEvent[]).reverse(), activeKiosk: value(kiosk), launchScreen: value(screen) })
        }
        transaction.onabort = transaction.onerror = () => {
          db.close()
          resolve(undefined)
        }
      } catch {
        db.close()
        resolve(undefined)
      }
    }
  })
}

let early: Promise<LaunchRead | undefined> | undefined
let earlyKiosk: Promise<LaunchRead | undefined> | undefined

let earlyScreen: Promise<LaunchRead | undefined> | undefined

/**
 * Starts the read (once), or takes the one the launch script started (boot/launch-handoff.ts:
 * the app's copy of this module is not the launch script's); answers it. The launch script
 * hands it on; the app (main.ts) takes it, or reads itself where no launch script ran.
 */
export function startEarlyEventList(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<LaunchRead | undefined> | undefined {
  if (!early) {
    const handoff = launchHandoff()
    const started = handoff.read ?? (factory ? readLaunch(factory) : undefined)
    delete handoff.read
    early = earlyKiosk = earlyScreen = started
  }
  return early
}

/** For the launch script: starts the read and leaves it for the app's script to take. */
export function handOnEarlyEventList(): Promise<LaunchRead | undefined> | undefined {
  const read = startEarlyEventList()
  launchHandoff().read = read
  return read
}

/** The first screen as the launch read it (undefined: none stored, or no launch read), once. */
export function takeEarlyLaunchScreen(): Promise<unknown> | undefined {
  const taken = earlyScreen
  earlyScreen = undefined
  return taken?.then((read) => read?.launchScreen)
}

/**
 * The list read at launch, once: the first caller gets it; later ones (the screen opened
 * again, when it could be stale) get undefined and rely on the live query alone.
 */
export function takeEarlyEventList(): Promise<StoredEvent[] | undefined> | undefined {
  const taken = early
  early = undefined
  return taken?.then((read) => read?.events)
}

/** Drops the list unused: the first screen is up, and whatever opens later reads live data only. */
export function dropEarlyEventList(): void {
  early = undefined
}

/**
 * The running kiosk as the launch read it, once (the router's first navigation asks before
 * Dexie has opened): `{ value }`, or undefined when there was no launch read or it failed.
 */
export function takeEarlyActiveKiosk(): Promise<{ value: unknown } | undefined> | undefined {
  const taken = earlyKiosk
  earlyKiosk = undefined
  return taken?.then((read) => (read ? { value: read.activeKiosk } : undefined))
}
