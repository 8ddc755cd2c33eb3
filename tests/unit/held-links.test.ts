import { describe, expect, it } from 'vitest'
import { addHeldLinks } from '../../src/app/boot/held-links'

describe('links held inert until the page is ready for them (boot/held-links.ts)', () => {
  it('moves the icons and manifest link out of their inert template into <head>, once', () => {
    document.head.innerHTML =
      '<title>Corner</title><template id="page-links"><link rel="icon" href="/icons/icon.svg"><link rel="manifest" href="/manifest.webmanifest"></template>'
    // Inert while in the template: the browser neither fetches nor sees them.
    expect(document.querySelectorAll('link').length).toBe(0)
    addHeldLinks('page-links')
    expect([...document.head.querySelectorAll('link')].map((link) => link.getAttribute('rel'))).toEqual(['icon', 'manifest'])
    expect(document.getElementById('page-links')).toBeNull()
    addHeldLinks('page-links')
    expect(document.head.querySelectorAll('link').length).toBe(2)
  })

  it('changes nothing where the HTML holds the links as written (development)', () => {
    document.head.innerHTML = '<link rel="icon" href="/icons/icon.svg">'
    addHeldLinks('page-links')
    expect(document.head.innerHTML).toBe('<link rel="icon" href="/icons/icon.svg">')
  })
})
