import Dexie, { RangeSet, type ObservabilitySet } from 'dexie'
import { db } from './db'

export type WriteStore = 'facts' | 'outbox' | 'counters' | 'meta'

/**
 * One read-write transaction with durability 'strict', straight on Dexie's own IndexedDB
 * connection, for the two writes a person waits for: a tap and a visitor's last answer.
 *
 * Through `db.transaction()` the caller went on only after Dexie's 'complete' handler had
 * restarted, synchronously, every live query watching these tables (and posted the change to
 * other tabs): a few milliseconds of reads the screen does not wait for. Here the promise
 * resolves on 'complete' (the flush to disk), and the live queries hear of the change in the
 * next task, so "saved" and the thank-you screen come first. Atomicity is IndexedDB's own: a
 * request that fails aborts the whole transaction.
 *
 * `write` only issues requests (their callbacks may issue more); it must not await.
 */
export async function writeStrict(stores: readonly WriteStore[], write: (tx: IDBTransaction) => void): Promise<void> {
  if (!db.isOpen()) await db.open()
  await new Promise<void>((resolve, reject) => {
    const tx = db.backendDB().transaction(stores, 'readwrite', { durability: 'strict' })
    tx.oncomplete = () => resolve()
    // A failed request aborts the transaction (its error event reaches the transaction).
    // Stryker disable next-line StringLiteral: the message of an abort that carries no error of its own, for people only.
    tx.onabort = () => reject(failures.get(tx) ?? tx.error ?? new DOMException('The write was aborted', 'AbortError'))
    issue(tx, () => write(tx))
  })
  setTimeout(() => announceWrite(stores), 0)
}

/**
 * Tells Dexie's live queries (and other tabs) that these tables changed, as Dexie would after
 * its own commit: the documented trigger of Dexie's global event
 * (https://dexie.org/docs/Dexie/Dexie.on.storagemutated), with every key and index of each
 * table marked, so every live query reading them re-runs.
 */
function announceWrite(stores: readonly WriteStore[]): void {
  const everything = (): RangeSet => new RangeSet(-Infinity, [[[]]])
  const parts: ObservabilitySet = {}
  for (const name of stores) {
    const prefix = `idb://${db.name}/${name}/`
    parts[prefix] = everything()
    // Stryker disable next-line StringLiteral: the whole primary-key part is marked just above, which re-runs every query a deletion could change.
    parts[`${prefix}:dels`] = everything()
    for (const index of db.table(name).schema.indexes) if (index.name) parts[`${prefix}${index.name}`] = everything()
  }
  Dexie.on.storagemutated.fire(parts)
}

/** Why a transaction was aborted by us: a request that threw while being issued. */
const failures = new WeakMap<IDBTransaction, unknown>()

/** Issues requests; one that throws (a full disk, a bad key) aborts the whole transaction with its error. */
function issue(tx: IDBTransaction, requests: () => void): void {
  try {
    requests()
  } catch (error) {
    failures.set(tx, error)
    tx.abort()
  }
}

/** A request's result in its callback: `then` issues more requests with it, in the same transaction. */
export function onResult<T>(request: IDBRequest<T>, then: (result: T) => void): void {
  request.onsuccess = () => issue(request.transaction!, () => then(request.result))
}
