import { useRegisterSW } from 'virtual:pwa-register/vue'

/**
 * The one owner of service-worker state. registerType 'prompt': a new version waits until
 * the operator accepts it, so nothing reloads in the middle of a survey or a form.
 */
export function usePwa() {
  const { offlineReady, needRefresh, updateServiceWorker } = useRegisterSW({ immediate: true })
  return {
    offlineReady,
    needRefresh,
    applyUpdate: () => updateServiceWorker(true),
    dismiss: () => {
      offlineReady.value = false
      needRefresh.value = false
    },
  }
}
