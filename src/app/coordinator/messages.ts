import { watch } from 'vue'
import { i18n } from '../i18n/i18n'

type Messages = Record<string, unknown>
// Precompiled by the vite i18n plugin (src/app/**/locales/**), like the app's own bundles.
// The area's own messages, and each coordinator feature folder's (`./<feature>/locales/`).
const loaders = import.meta.glob<{ default: Messages }>(['./locales/*.json', './*/locales/*.json'])
let loading: Promise<void> | undefined

function mergeWhenMissing(bundles: Map<string, Messages[]>, locale: string): void {
  const parts = bundles.get(locale)
  // Never merge into a language whose own bundle is not loaded yet: that would mark it as
  // available and setLocale would then skip loading the rest of it.
  if (!parts || !i18n.global.availableLocales.includes(locale as never)) return
  if ('coordinator' in i18n.global.getLocaleMessage(locale as never)) return
  for (const part of parts) i18n.global.mergeLocaleMessage(locale, part)
}

/**
 * Adds the coordinator's messages (`coordinator.*`) to the global i18n once the area opens.
 * setLocale loads a language with setLocaleMessage, which replaces its messages: a sync
 * watcher merges ours back before the next render, so switching language keeps them.
 */
export function loadCoordinatorMessages(): Promise<void> {
  loading ??= (async () => {
    const entries = await Promise.all(
      Object.entries(loaders).map(async ([path, load]) => [path.replace(/^.*\/(\w+)\.json$/, '$1'), (await load()).default] as const),
    )
    const bundles = new Map<string, Messages[]>()
    for (const [locale, bundle] of entries) bundles.set(locale, [...(bundles.get(locale) ?? []), bundle])
    for (const locale of i18n.global.availableLocales) mergeWhenMissing(bundles, locale)
    watch(i18n.global.locale, (locale) => mergeWhenMissing(bundles, locale), { flush: 'sync' })
  })()
  return loading
}
