import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { listKitContents } from '../../src/app/db/contents'
import { db } from '../../src/app/db/db'
import { createLocalEvent } from '../../src/app/db/events'
import { ensureDemoDocuments } from '../../src/app/db/kits'
import { i18n } from '../../src/app/i18n/i18n'
import { routes } from '../../src/app/modules/router'
import QrWallView from '../../src/app/qr/QrWallView.vue'
import { DEMO_CONTENT_IDS } from '../../src/shared/demo-content-ids'
import { demoKit } from '../../src/shared/demo-kit'
import { freshState } from './support'

const EMPTY_KIT = '01930000-0000-7000-8000-0000000000e1'

function mountWall(eventId: string) {
  const router = createRouter({ history: createMemoryHistory(), routes })
  return mount(QrWallView, { props: { eventId }, global: { plugins: [i18n, router] } })
}

describe('the QR wall', () => {
  beforeEach(async () => {
    await freshState()
    await ensureDemoDocuments()
  })

  it('shows the kit\'s contents in its order, leaving out retired and unknown ones', async () => {
    const [first, second, third] = Object.values(DEMO_CONTENT_IDS)
    const retired = await db.contents.get(second!)
    await db.contents.put({ ...retired!, retiredAt: '2026-11-26T10:00:00.000Z' })
    const listed = await listKitContents([third!, second!, '01930000-0000-7000-8000-00000000dead', first!])
    expect(listed.map((c) => c.id)).toEqual([third, first])
  })

  it('says so when this tablet does not hold the event', async () => {
    const wrapper = mountWall('01930000-0000-7000-8000-00000000beef')
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').text()).toBe(i18n.global.t('events.notFound')))
    expect(wrapper.find('.qr-controls').exists()).toBe(false)
  })

  it('says so when the event\'s kit has nothing to show, with no controls to move through it', async () => {
    await db.kits.put({ ...demoKit, id: EMPTY_KIT, contentIds: [] })
    const event = await createLocalEvent({
      kitId: EMPTY_KIT, name: 'Scuola Pascoli', setting: 'school', occasion: 'school_event', venue: 'Aula magna',
      municipality: 'Milano', startDate: '2026-11-26', endDate: '2026-11-26', targetGroups: [],
    })
    const wrapper = mountWall(event.id)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="wall-empty"]').text()).toBe(i18n.global.t('qr.empty')))
    expect(wrapper.find('.qr-controls').exists()).toBe(false)
  })
})
