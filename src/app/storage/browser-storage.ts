export interface StorageStatus {
  /** true/false: the browser's answer to persist(); null: the API is missing. */
  persisted: boolean | null
  usage: number | null
  quota: number | null
}

/** Asks the browser not to evict our data (iPad/Safari users lose data without it). */
export async function requestPersistentStorage(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null
  if (await navigator.storage.persisted()) return true
  return navigator.storage.persist()
}

export async function readStorageStatus(): Promise<StorageStatus> {
  const persisted = navigator.storage?.persisted ? await navigator.storage.persisted() : null
  const estimate = navigator.storage?.estimate ? await navigator.storage.estimate() : undefined
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null }
}

/** Dexie wraps the DOMException; either name means the disk or the quota is full. */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const name = (e as { name?: string }).name
    if (name === 'QuotaExceededError') return true
    e = (e as { inner?: unknown }).inner
  }
  return false
}
