import { storeToRefs } from 'pinia'
import { computed, onMounted, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { getDeviceId } from '../db/meta'
import { setLocale } from '../i18n/i18n'
import { UI_LOCALES, type AppLocale } from '../i18n/locales'
import { useStorageStore } from './storage-store'

/** What the settings/diagnostics screen shows and changes. */
export function useSettings() {
  const storage = useStorageStore()
  const { status, queued } = storeToRefs(storage)
  const { locale } = useI18n()
  const deviceId = ref<string>()
  const currentLocale = computed({
    get: () => locale.value as AppLocale,
    set: (value: AppLocale) => void setLocale(value),
  })
  onMounted(async () => {
    deviceId.value = await getDeviceId()
    await storage.refresh()
  })
  return { status, queued, deviceId, currentLocale, locales: UI_LOCALES, requestPersistence: storage.requestPersistence }
}

/** Bytes in a short human form (kB/MB/GB, 1000-based as browsers report quotas). */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`
}
