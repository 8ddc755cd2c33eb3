import { liveQuery } from 'dexie'
import { onScopeDispose, shallowRef, watch, type Ref, type WatchSource } from 'vue'

/**
 * The one bridge from Dexie to Vue: re-runs `query` whenever the tables it read change
 * (in this tab or another) and whenever `deps` change.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: WatchSource[] = []): Readonly<Ref<T | undefined>> {
  const result = shallowRef<T>()
  let subscription: { unsubscribe(): void } | undefined
  const start = () => {
    subscription?.unsubscribe()
    subscription = liveQuery(query).subscribe({
      next: (value) => (result.value = value),
      error: (error: unknown) => console.error(error),
    })
  }
  watch(deps, start, { immediate: true })
  onScopeDispose(() => subscription?.unsubscribe())
  return result
}
