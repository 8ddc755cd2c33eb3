import { useRegisterSW } from 'virtual:pwa-register/vue'
import { scheduleUpdateChecks } from './update-checks'

/**
 * The one owner of service-worker state. registerType 'prompt': a new version waits until
 * the operator accepts it, so nothing reloads in the middle of a survey or a form.
 */
export function usePwa() {
  const { offlineReady, needRefresh, updateServiceWorker } = useRegisterSW({
    immediate: true,
    onRegisteredSW: (_url, registration) => {
      if (registration) scheduleUpdateChecks(registration)
    },
  })
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
