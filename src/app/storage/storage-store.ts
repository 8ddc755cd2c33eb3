import { defineStore } from 'pinia'
import { ref } from 'vue'
import { countQueued } from '../db/outbox'
import { isQuotaError, readStorageStatus, requestPersistentStorage, type StorageStatus } from './browser-storage'

/** Storage health of this tablet: the persist() answer, the estimate, and the last write failure. */
export const useStorageStore = defineStore('storage', () => {
  const status = ref<StorageStatus>({ persisted: null, usage: null, quota: null })
  const queued = ref<number | null>(null)
  const writeError = ref<'quota' | 'storage' | null>(null)

  /** Reads the estimate and the queue length again (the diagnostics screen calls this). */
  async function refresh() {
    status.value = await readStorageStatus()
    // Unreadable storage leaves the count unknown; the screens reading it say why.
    queued.value = await countQueued().catch(() => null)
  }

  /** Asks once per start; the answer is shown, never assumed. */
  async function requestPersistence() {
    try {
      await requestPersistentStorage()
    } finally {
      await refresh()
    }
  }

  /** A failed write is shown loudly and never reported as saved (reliability promise 7). */
  function reportWriteError(error: unknown) {
    console.error(error)
    writeError.value = isQuotaError(error) ? 'quota' : 'storage'
  }

  function dismissWriteError() {
    writeError.value = null
  }

  return { status, queued, writeError, refresh, requestPersistence, reportWriteError, dismissWriteError }
})
