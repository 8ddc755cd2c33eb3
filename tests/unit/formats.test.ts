import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createLocalEvent } from '../../src/app/db/events'
import EventsView from '../../src/app/events/EventsView.vue'
import { formatBytes, isoDay } from '../../src/app/i18n/formats'
import { i18n, setLocale } from '../../src/app/i18n/i18n'
import { routes } from '../../src/app/modules/router'
import { DEMO_KIT_ID } from '../../src/shared/demo-kit'
import { freshState } from './support'

const { d, n } = i18n.global

describe('dates and numbers through vue-i18n', () => {
  beforeEach(freshState)
  afterEach(() => setLocale('it'))

  it('writes storage sizes in the reader\'s language and the right unit', async () => {
    expect(formatBytes(999, n)).toBe('999 byte')
    expect(formatBytes(1_500_000, n)).toBe('1,5 MB')
    expect(formatBytes(2_000_000_000_000_000, n)).toBe('2000 TB')
    await setLocale('en')
    expect(formatBytes(1_500_000, n)).toBe('1.5 MB')
  })

  it('writes an ISO day as that day in every time zone, and a timestamp with its time', async () => {
    expect(d(isoDay('2026-11-26'), 'day')).toBe('26 nov 2026')
    expect(d(new Date(2026, 11, 3, 14, 5), 'dateTime')).toBe('3 dic 2026, 14:05')
    await setLocale('en')
    expect(d(isoDay('2026-11-26'), 'day')).toBe('Nov 26, 2026')
  })

  it('shows the event dates on the tablet\'s list in words, not as ISO days', async () => {
    await createLocalEvent({
      kitId: DEMO_KIT_ID, name: 'Fiera di Lodi', setting: 'community', occasion: 'fair', venue: 'Fiera', municipality: 'Lodi',
      startDate: '2026-11-26', endDate: '2026-11-28', targetGroups: [],
    })
    const wrapper = mount(EventsView, { global: { plugins: [i18n, createRouter({ history: createMemoryHistory(), routes })] } })
    await vi.waitFor(() => expect(wrapper.text()).toContain('26 nov 2026 – 28 nov 2026'))
    expect(wrapper.text()).not.toContain('2026-11-26')
  })
})
