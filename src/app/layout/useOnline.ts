import { onScopeDispose, ref } from 'vue'

/** navigator.onLine as a ref (a hint only: sync, not this flag, decides what reached the server). */
export function useOnline() {
  const online = ref(navigator.onLine)
  const update = () => (online.value = navigator.onLine)
  window.addEventListener('online', update)
  window.addEventListener('offline', update)
  onScopeDispose(() => {
    window.removeEventListener('online', update)
    window.removeEventListener('offline', update)
  })
  return online
}
