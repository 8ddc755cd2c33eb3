import { liveQuery } from 'dexie'
import { onScopeDispose, shallowRef, watch, type Ref, type WatchSource } from 'vue'

export interface LiveQuery<T> {
  /** The latest answer; undefined until the first one. */
  data: Readonly<Ref<T | undefined>>
  /**
   * Why the query failed (IndexedDB unavailable, blocked or broken), until it answers again.
   * Screens show it instead of "Loading…", which would otherwise stay forever.
   */
  error: Readonly<Ref<unknown>>
  /** Runs the query again (a failed live query has stopped). */
  retry: () => void
}

/**
 * Dexie's liveQuery waits silently on DatabaseClosedError, expecting the database to reopen;
 * when it failed to open at all (storage unavailable, blocked, broken) the cause is in `inner`
 * and nothing will reopen it: that one is passed on as a failure.
 */
function failWhenUnopenable<T>(query: () => Promise<T>): () => Promise<T> {
  return async () => {
    try {
      return await query()
    } catch (error) {
      const { name, inner } = (error ?? {}) as { name?: string; inner?: unknown }
      throw name === 'DatabaseClosedError' && inner ? inner : error
    }
  }
}

/**
 * The one bridge from Dexie to Vue: re-runs `query` whenever the tables it read change
 * (in this tab or another) and whenever `deps` change. `early`, if given, is the same answer
 * read before Dexie was ready (db/early-event-list.ts): shown until the live query's first answer.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: WatchSource[] = [], early?: Promise<T | undefined>): LiveQuery<T> {
  const data = shallowRef<T>()
  const error = shallowRef<unknown>()
  let answered = false
  void early?.then((value) => {
    if (!answered && value !== undefined) data.value = value
  })
  let subscription: { unsubscribe(): void } | undefined
  const start = () => {
    subscription?.unsubscribe()
    error.value = undefined
    subscription = liveQuery(failWhenUnopenable(query)).subscribe({
      next: (value) => {
        answered = true
        data.value = value
        error.value = undefined
      },
      error: (failure: unknown) => {
        answered = true
        console.error(failure)
        error.value = failure ?? new Error('The live query failed')
      },
    })
  }
  watch(deps, start, { immediate: true })
  onScopeDispose(() => subscription?.unsubscribe())
  return { data, error, retry: start }
}
