import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, type Component } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { useLiveQuery } from '../../src/app/composables/useLiveQuery'
import SyncPanel from '../../src/app/connection/SyncPanel.vue'
import { useSyncStore } from '../../src/app/connection/sync-store'
import { db } from '../../src/app/db/db'
import EventCreateView from '../../src/app/events/EventCreateView.vue'
import EventsView from '../../src/app/events/EventsView.vue'
import ExportView from '../../src/app/export/ExportView.vue'
import { i18n } from '../../src/app/i18n/i18n'
import TapView from '../../src/app/interactions/TapView.vue'
import { routes } from '../../src/app/modules/router'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event'
import { freshState } from './support'

describe('a live query that fails', () => {
  beforeEach(freshState)
  afterEach(() => vi.restoreAllMocks())

  it('exposes the error instead of staying undefined, and answers again after retry', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    let broken = true
    const scope = effectScope()
    const query = scope.run(() => useLiveQuery(async () => (broken ? Promise.reject(new Error('IndexedDB is gone')) : 42)))!
    await vi.waitFor(() => expect(query.error.value).toBeInstanceOf(Error))
    expect(query.data.value).toBeUndefined()
    broken = false
    query.retry()
    await vi.waitFor(() => expect(query.data.value).toBe(42))
    expect(query.error.value).toBeUndefined()
    scope.stop()
  })

  const screens: [string, Component, Record<string, string>][] = [
    ['the event list', EventsView, {}],
    ['the new event form', EventCreateView, {}],
    ['the tap grid', TapView, { eventId: DEMO_EVENT_ID }],
    ['the export screen', ExportView, { eventId: DEMO_EVENT_ID }],
    ['the sync panel of the settings screen', SyncPanel, {}],
  ]

  it.each(screens)('shows %s as unreadable, in words, instead of loading forever', async (_name, screen, props) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    vi.spyOn(useSyncStore(), 'focusEvent').mockResolvedValue()
    // The browser's storage stops answering: every (re)open of the database fails.
    db.close({ disableAutoOpen: false })
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The storage is not available', 'UnknownError')
    })
    const router = createRouter({ history: createMemoryHistory(), routes })
    const wrapper = mount(screen, { props, global: { plugins: [i18n, router] } })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="read-failed"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="read-failed"]').attributes('role')).toBe('alert')
    expect(wrapper.text()).toContain('Non riesco a leggere i dati di questo tablet')
    expect(wrapper.text()).not.toContain('Caricamento')
    wrapper.unmount()
  })
})
