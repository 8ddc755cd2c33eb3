import { startEarlyEventList } from '../db/early-event-list'
import { dayFormat } from '../i18n/day-format'
import { storedLocale } from '../i18n/saved-locale'

// Imports only modules without imports of their own, so that this chunk needs nothing else.

/*
 * The first script a (re)launched tablet runs: a small file of its own, loaded before the
 * framework's chunk and run while the browser is still parsing that one (vite.config.ts,
 * docs/performance.md "Offline relaunch"). It starts what the first screen waits for and the
 * framework would only start later:
 * - opening the local database and reading the event list (db/early-event-list.ts);
 * - the date-formatting data of the tablet's language, which the list's dates need: the first
 *   Intl.DateTimeFormat of a page costs tens of milliseconds on a cold start, and the engine
 *   keeps what it loaded for the formatters vue-i18n builds later.
 */
startEarlyEventList()
try {
  new Intl.DateTimeFormat(storedLocale() ?? 'it', dayFormat).format(0)
} catch {
  // Only a head start (a stored value that is no language lands here): vue-i18n formats as always.
}
