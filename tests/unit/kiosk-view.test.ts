import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { db } from '../../src/app/db/db'
import { createLocalEvent } from '../../src/app/db/events'
import { setKioskPin } from '../../src/app/db/kiosk-pin'
import { ensureDemoDocuments } from '../../src/app/db/kits'
import { i18n } from '../../src/app/i18n/i18n'
import KioskView from '../../src/app/kiosk/KioskView.vue'
import { routes } from '../../src/app/modules/router'
import { DEMO_KIT_ID } from '../../src/shared/demo-kit'
import { TEMPLATE_SURVEY_IDS } from '../../src/shared/survey-templates/ids'
import { freshState } from './support'

async function mountKiosk(withPin = true) {
  await ensureDemoDocuments()
  if (withPin) await setKioskPin('2468')
  const event = await createLocalEvent({
    kitId: DEMO_KIT_ID, name: 'Sagra', setting: 'community', occasion: 'fair', venue: 'Piazza', municipality: 'Lodi',
    startDate: '2026-11-26', endDate: '2026-11-26', targetGroups: [],
  })
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(`/events/${event.id}/kiosk?survey=${TEMPLATE_SURVEY_IDS.vaccinationIntention}`)
  const wrapper = mount(KioskView, {
    props: { eventId: event.id, surveyId: TEMPLATE_SURVEY_IDS.vaccinationIntention },
    global: { plugins: [i18n, router] },
    attachTo: document.body,
  })
  return { wrapper, router, event }
}
const step = (w: Awaited<ReturnType<typeof mountKiosk>>['wrapper']) => w.get('[data-testid="kiosk"]').attributes('data-step')

describe('the kiosk screen', () => {
  beforeEach(freshState)

  it('takes a visitor from the attract screen to the thank-you screen, in Arabic, right to left', async () => {
    const { wrapper } = await mountKiosk()
    await vi.waitFor(() => expect(wrapper.find('[data-language="ar"]').exists()).toBe(true))
    expect(wrapper.findAll('[data-language]').map((b) => [b.attributes('lang'), b.text()])).toEqual([
      ['it', 'Italiano'], ['en', 'English'], ['ar', 'العربية'], ['zh', '中文（简体）'], ['es', 'Español'],
    ])
    await wrapper.get('[data-language="ar"]').trigger('click')
    expect(wrapper.get('[data-testid="kiosk"]').attributes()).toMatchObject({ lang: 'ar', dir: 'rtl', 'data-step': 'privacy' })
    await wrapper.get('[data-testid="kiosk-start"]').trigger('click')
    expect(wrapper.get('[data-testid="kiosk-progress"]').text()).toBe('السؤال 1 من 2')
    await wrapper.findAll('[role="radio"]')[0]!.trigger('click')
    await flushPromises()
    // Skip logic: an unsure answer brings the question about doubts.
    expect(wrapper.get('[data-testid="kiosk-progress"]').text()).toBe('السؤال 2 من 3')
    await wrapper.findAll('[role="radio"]')[0]!.trigger('click')
    await flushPromises()
    await wrapper.findAll('[role="radio"]')[0]!.trigger('click')
    await vi.waitFor(() => expect(step(wrapper)).toBe('thanks'))
    const facts = await db.facts.toArray()
    expect(facts.map((f) => [f.kind, (f.payload as { language: string }).language])).toEqual([['survey_response', 'ar']])
    await wrapper.get('.kiosk-thanks button').trigger('click')
    await vi.waitFor(() => expect(step(wrapper)).toBe('attract'))
    expect(wrapper.get('[data-testid="kiosk"]').attributes('lang')).toBe('it')
    wrapper.unmount()
  })

  it('refuses to open without a PIN and says why', async () => {
    const { wrapper } = await mountKiosk(false)
    await vi.waitFor(() => expect(wrapper.text()).toContain('Prima di avviare il chiosco imposti un PIN.'))
    wrapper.unmount()
  })

  it('refuses to navigate away until the PIN is typed', async () => {
    await ensureDemoDocuments()
    await setKioskPin('2468')
    const router = createRouter({ history: createMemoryHistory(), routes })
    const kiosk = `/events/01930000-0000-7000-8000-000000000002/kiosk`
    await router.push(kiosk)
    // As in the app: the kiosk rendered by the router view, where route guards live.
    const wrapper = mount(defineComponent({ render: () => h(RouterView) }), { global: { plugins: [i18n, router] }, attachTo: document.body })
    await vi.waitFor(() => expect(wrapper.find('[data-language="it"]').exists()).toBe(true))
    await router.push('/settings').catch(() => undefined)
    expect(router.currentRoute.value.path).toBe(kiosk)
    wrapper.unmount()
  })
})
