import { computed, onMounted, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { hasKioskPin } from '../db/kiosk-pin'
import { getDeviceId } from '../db/meta'
import { setLocale } from '../i18n/i18n'
import { UI_LOCALES, type AppLocale } from '../i18n/locales'
import { useStorageStore } from '../storage/storage-store'

/** What the settings/diagnostics screen shows and changes. */
export function useSettings() {
  const storage = useStorageStore()
  const { locale } = useI18n()
  const deviceId = ref<string>()
  const kioskPinSet = ref(false)
  const refreshKioskPin = async () => (kioskPinSet.value = await hasKioskPin().catch(() => false))
  const currentLocale = computed({
    get: () => locale.value as AppLocale,
    set: (value: AppLocale) => void setLocale(value),
  })
  onMounted(async () => {
    deviceId.value = await getDeviceId()
    await Promise.all([storage.refresh(), refreshKioskPin()])
  })
  return { deviceId, currentLocale, locales: UI_LOCALES, kioskPinSet, refreshKioskPin }
}
