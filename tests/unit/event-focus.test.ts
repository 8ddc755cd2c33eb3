import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import AllTabletsTotal from '../../src/app/connection/AllTabletsTotal.vue'
import { useSyncStore } from '../../src/app/connection/sync-store'
import { ensureDemoDocuments } from '../../src/app/db/kits'
import { i18n } from '../../src/app/i18n/i18n'
import TapView from '../../src/app/interactions/TapView.vue'
import { routes } from '../../src/app/modules/router'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event'
import { freshState } from './support'

const OTHER_EVENT = '01930000-0000-7000-8000-0000000000bb'
const global = () => ({ plugins: [i18n, createRouter({ history: createMemoryHistory(), routes })] })

describe('the event sync follows', () => {
  beforeEach(freshState)

  it('is set by the tap screen, follows it to another event, and is cleared when it closes', async () => {
    await ensureDemoDocuments()
    const focus = vi.spyOn(useSyncStore(), 'focusEvent').mockResolvedValue()
    const wrapper = mount(TapView, { props: { eventId: DEMO_EVENT_ID }, global: global() })
    expect(focus.mock.calls).toEqual([[DEMO_EVENT_ID]])
    await wrapper.setProps({ eventId: OTHER_EVENT })
    expect(focus.mock.calls.at(-1)).toEqual([OTHER_EVENT])
    wrapper.unmount()
    expect(focus.mock.calls.at(-1)).toEqual([undefined])
  })

  it('is not changed by the all-tablets total, which only shows what the last pull brought', async () => {
    const focus = vi.spyOn(useSyncStore(), 'focusEvent').mockResolvedValue()
    const wrapper = mount(AllTabletsTotal, { props: { eventId: DEMO_EVENT_ID }, global: global() })
    wrapper.unmount()
    expect(focus).not.toHaveBeenCalled()
  })
})
