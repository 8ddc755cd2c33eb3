import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createLocalEvent } from '../../src/app/db/events'
import { ensureDemoDocuments } from '../../src/app/db/kits'
import { i18n } from '../../src/app/i18n/i18n'
import TapView from '../../src/app/interactions/TapView.vue'
import { routes } from '../../src/app/modules/router'
import { DEMO_KIT_ID } from '../../src/shared/demo-kit'
import { freshState } from './support'

async function mountTapView() {
  await ensureDemoDocuments()
  const event = await createLocalEvent({
    kitId: DEMO_KIT_ID, name: 'Fiera di Lodi', setting: 'community', occasion: 'fair', venue: 'Fiera',
    municipality: 'Lodi', startDate: '2026-11-26', endDate: '2026-11-26', targetGroups: [],
  })
  const router = createRouter({ history: createMemoryHistory(), routes })
  const wrapper = mount(TapView, { props: { eventId: event.id }, global: { plugins: [i18n, router] } })
  await vi.waitFor(() => expect(wrapper.find('[data-topic="smoking"]').exists()).toBe(true))
  return wrapper
}

const counts = (wrapper: Awaited<ReturnType<typeof mountTapView>>) => [
  wrapper.get('[data-testid="count-today"]').text(),
  wrapper.get('[data-testid="count-event"]').text(),
]

describe('the tap grid', () => {
  beforeEach(freshState)

  it('shows one big button per kit topic, labelled from the locale file', async () => {
    const wrapper = await mountTapView()
    expect(wrapper.findAll('button.topic')).toHaveLength(19)
    expect(wrapper.get('[data-topic="vaccine_hpv"]').text()).toBe('Vaccino HPV')
  })

  it('updates both counters after each tap and after undo', async () => {
    const wrapper = await mountTapView()
    await vi.waitFor(() => expect(counts(wrapper)).toEqual(['0', '0']))
    await wrapper.get('[data-topic="smoking"]').trigger('click')
    await wrapper.get('[data-topic="alcohol"]').trigger('click')
    await vi.waitFor(() => expect(counts(wrapper)).toEqual(['2', '2']))
    expect(wrapper.get('[data-testid="tap-feedback"]').text()).toMatch(/Salvato: (Fumo|Alcol)/)
    await wrapper.get('[data-testid="undo"]').trigger('click')
    await vi.waitFor(() => expect(counts(wrapper)).toEqual(['1', '1']))
    await flushPromises()
    expect(wrapper.get('[data-testid="tap-feedback"]').text()).toContain('Annullato')
  })
})
