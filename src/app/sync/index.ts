import { createSyncApi } from '../api/sync-api'
import { createSyncEngine, type SyncEngine } from './sync-engine'
import { startSyncTriggers } from './triggers'

let engine: SyncEngine | undefined

/** The page's one sync engine, started with its triggers on first use. */
export function startSync(): SyncEngine {
  if (!engine) {
    engine = createSyncEngine({ api: createSyncApi() })
    startSyncTriggers(engine)
  }
  return engine
}
