import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_KIT_ID } from '../../src/shared/demo-kit'
import { AppServer } from './support/app-server'
import { screenshotForDocs, violations } from './support/axe'
import { Tablet } from './support/browser'

const EVENT = 'Giornata della salute — Lodi'
const EDITED = 'Giornata della salute — Lodi (rinviata)'

const row = (page: Page, name: string) => page.locator('tbody tr', { has: page.getByRole('rowheader', { name, exact: true }) })

describe('a coordinator in the office', () => {
  const server = new AppServer()
  const tablet = new Tablet()
  let page: Page

  beforeAll(async () => {
    await server.start()
    await tablet.launch()
    page = await tablet.page()
  })
  afterAll(async () => {
    await tablet.close()
    await server.dispose()
  })

  it('is sent to the login screen, and told in Italian when the password is wrong', async () => {
    await page.goto(`${server.url}/coordinator/devices`)
    await page.getByRole('heading', { level: 1, name: 'Accesso coordinatori' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/coordinator/login')
    expect(await violations(page)).toEqual([])

    await page.getByLabel('Nome utente').fill('admin')
    await page.getByLabel('Password').fill('not-the-password')
    await page.getByTestId('coordinator-login').click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Nome utente o password errati.')
    expect(await violations(page)).toEqual([])
  })

  it('logs in and lands where it was going; the events list shows the seeded demo event', async () => {
    await page.getByLabel('Password').fill('e2e-password-123')
    await page.getByTestId('coordinator-login').click()
    await page.getByRole('heading', { level: 1, name: 'Tablet' }).waitFor()
    await page.getByRole('navigation', { name: 'Area coordinatori' }).getByRole('link', { name: 'Eventi' }).click()
    await row(page, 'Festa di paese — demo').waitFor()
    expect(await row(page, 'Festa di paese — demo').getByTestId('event-status').textContent()).toContain('Aperto')
    expect(await violations(page)).toEqual([])
  })

  it('creates an event from the demo kit, after the form explained what was missing', async () => {
    await page.getByTestId('coordinator-new-event').click()
    await page.getByRole('heading', { level: 1, name: 'Nuovo evento da un kit' }).waitFor()
    expect(await page.locator('#kitId').inputValue()).toBe(DEMO_KIT_ID)
    expect(await violations(page)).toEqual([])
    await page.getByTestId('coordinator-save-event').click()
    await page.getByText('Correggi i campi segnalati.').waitFor()
    expect(await violations(page)).toEqual([])

    await page.locator('#name').fill(EVENT)
    await page.locator('#setting').selectOption('workplace')
    await page.locator('#occasion').selectOption('company_initiative')
    await page.locator('#venue').fill('Sala convegni')
    await page.locator('#municipality').fill('Lodi')
    await page.getByLabel('Lavoratori').check()
    await page.getByTestId('coordinator-save-event').click()
    await row(page, EVENT).waitFor()
    await page.getByText(`Evento «${EVENT}» salvato.`).waitFor()
    await screenshotForDocs(page, 'coordinator-events', true)
  })

  it('edits it, and refuses to overwrite a change made meanwhile (version conflict)', async () => {
    await row(page, EVENT).getByRole('link', { name: `Modifica ${EVENT}` }).click()
    await page.getByRole('heading', { level: 1, name: 'Modifica evento' }).waitFor()
    await expect.poll(() => page.locator('#name').inputValue()).toBe(EVENT)
    const eventId = new URL(page.url()).pathname.split('/')[3]!

    // Another coordinator saves the same event first (same session cookie, another request).
    await page.evaluate(async (id) => {
      const { events } = await (await fetch('/api/v1/admin/events')).json()
      const { id: _id, status: _s, createdAt: _c, ...fields } = events.find((e: { id: string }) => e.id === id)
      await fetch(`/api/v1/admin/events/${id}`, {
        method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...fields, venue: 'Aula magna' }),
      })
    }, eventId)
    await page.locator('#name').fill(EDITED)
    await page.getByTestId('coordinator-save-event').click()
    await page.locator('[data-error-code="version_conflict"]').waitFor()
    expect(await page.getByRole('alert').textContent()).toContain('qualcun altro ha modificato questo evento')

    await page.getByRole('button', { name: 'Carica la versione attuale' }).click()
    await expect.poll(() => page.locator('#venue').inputValue()).toBe('Aula magna')
    await page.locator('#name').fill(EDITED)
    await page.getByTestId('coordinator-save-event').click()
    await row(page, EDITED).waitFor()
    expect(await row(page, EDITED).textContent()).toContain('Aula magna, Lodi')
  })

  it('closes it after a confirmation', async () => {
    await row(page, EDITED).getByRole('button', { name: `Chiudi ${EDITED}` }).click()
    await row(page, EDITED).getByRole('button', { name: "Sì, chiudi l'evento" }).click()
    await expect.poll(() => row(page, EDITED).getByTestId('event-status').textContent()).toContain('Chiuso')
    await page.getByText(`Evento «${EDITED}» chiuso.`).waitFor()
  })

  it('enrols a tablet: a code, its QR and link; the tablet appears and can be revoked', async () => {
    await page.getByRole('link', { name: 'Tablet', exact: true }).click()
    await page.getByText('Nessun tablet registrato.').waitFor()
    await page.getByLabel('Nome del tablet (facoltativo)').fill('Tablet 3 — stand Lodi')
    await page.getByTestId('enrol-tablet').click()
    const code = (await page.getByTestId('enrol-code').textContent())?.trim() ?? ''
    expect(code).toMatch(/^[A-Z0-9]{8}$/)
    expect(await page.getByTestId('enrol-link').textContent()).toContain(`/enrol?code=${code}`)
    const qr = page.getByRole('img', { name: 'Codice QR del link di registrazione' })
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/)
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    expect(await violations(page)).toEqual([])
    await screenshotForDocs(page, 'coordinator-devices', true)

    // A tablet uses the code (what its /enrol screen does), then the list shows it.
    const enrolled = await fetch(`${server.url}/api/v1/enrol`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ code, deviceId: randomUUID() }),
    })
    expect(enrolled.status).toBe(200)
    await page.getByTestId('devices-reload').click()
    const device = row(page, 'Tablet 3 — stand Lodi')
    await expect.poll(() => device.getByTestId('device-status').textContent()).toContain('Attivo')
    await device.getByRole('button', { name: 'Revoca Tablet 3 — stand Lodi' }).click()
    await device.getByRole('button', { name: 'Sì, revoca' }).click()
    await expect.poll(() => device.getByTestId('device-status').textContent()).toContain('Revocato')
    expect(await violations(page)).toEqual([])
  })

  it('restores the revoked tablet and issues a code that re-enrols that tablet only', async () => {
    const device = row(page, 'Tablet 3 — stand Lodi')
    const deviceId = (await device.getAttribute('data-device-id'))!
    await device.getByRole('button', { name: 'Ripristina Tablet 3 — stand Lodi' }).click()
    await expect.poll(() => device.getByTestId('device-status').textContent()).toContain('Attivo')
    await page.getByText('Tablet «Tablet 3 — stand Lodi» ripristinato').waitFor()
    await device.getByRole('button', { name: 'Crea un codice per ricollegare Tablet 3 — stand Lodi' }).click()
    const card = page.getByRole('region', { name: 'Ricollega un tablet' })
    await card.getByRole('heading', { name: 'Codice di ricollegamento — Tablet 3 — stand Lodi' }).waitFor()
    // Focus moves to the new code, so a screen reader reads it out at once.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Codice di ricollegamento — Tablet 3 — stand Lodi')
    const code = (await card.getByTestId('enrol-code').textContent())?.trim() ?? ''
    const qr = card.getByRole('img', { name: 'Codice QR del link di registrazione' })
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    expect(await violations(page)).toEqual([])

    const enrolWith = (id: string) => fetch(`${server.url}/api/v1/enrol`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ code, deviceId: id }),
    })
    expect((await enrolWith(randomUUID())).status).toBe(410)
    expect((await enrolWith(deviceId)).status).toBe(200)
  })

  it('adds a coordinator account, and says so when the name is taken', async () => {
    await page.getByRole('link', { name: 'Account', exact: true }).click()
    await row(page, 'admin').waitFor()
    expect(await violations(page)).toEqual([])
    await page.getByLabel('Nome utente').fill('mario.rossi')
    await page.getByLabel('Password').fill('short')
    await page.getByTestId('add-account').click()
    await page.getByText('La password deve avere almeno 10 caratteri.').waitFor()
    expect(await violations(page)).toEqual([])
    await page.getByLabel('Password').fill('a-long-enough-password')
    await page.getByTestId('add-account').click()
    await row(page, 'mario.rossi').waitFor()
    await page.getByLabel('Nome utente').fill('mario.rossi')
    await page.getByLabel('Password').fill('a-long-enough-password')
    await page.getByTestId('add-account').click()
    await page.getByText('Questo nome utente esiste già.').waitFor()
  })

  it('disables and enables an account from the keyboard, never offering to disable one\'s own', async () => {
    expect(await row(page, 'admin').getByRole('button').count()).toBe(0)
    expect(await row(page, 'admin').textContent()).toContain('Il tuo account')
    const mario = row(page, 'mario.rossi')
    await mario.getByRole('button', { name: 'Disattiva mario.rossi' }).focus()
    await page.keyboard.press('Enter')
    // The confirmation takes the focus: Enter again confirms.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Sì, disattiva')
    expect(await violations(page)).toEqual([])
    await page.keyboard.press('Enter')
    await expect.poll(() => mario.getByTestId('account-status').textContent()).toContain('Disattivato il')
    await page.getByText('Account «mario.rossi» disattivato.').waitFor()
    expect(await violations(page)).toEqual([])
    await mario.getByRole('button', { name: 'Riattiva mario.rossi' }).click()
    await expect.poll(() => mario.getByTestId('account-status').textContent()).toContain('Attivo')
  })

  it('changes the password after explaining what is wrong, in words', async () => {
    await page.getByRole('navigation', { name: 'Area coordinatori' }).getByRole('link', { name: 'Password' }).click()
    await page.getByRole('heading', { level: 1, name: 'Cambia la tua password' }).waitFor()
    expect(await violations(page)).toEqual([])
    await page.getByLabel('Password attuale').fill('e2e-password-123')
    await page.getByLabel('Nuova password', { exact: true }).fill('a-new-password-1')
    await page.getByLabel('Ripeti la nuova password').fill('a-new-password-2')
    await page.getByTestId('change-password').click()
    await page.getByText('Le due password nuove non coincidono.').waitFor()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password-confirm')
    expect(await violations(page)).toEqual([])

    await page.getByLabel('Password attuale').fill('not-my-password')
    await page.getByLabel('Ripeti la nuova password').fill('a-new-password-1')
    await page.getByTestId('change-password').click()
    await page.getByText('La password attuale non è corretta.').waitFor()

    // Changed, then changed back, so the later tests log in as before.
    for (const [from, to] of [['e2e-password-123', 'a-new-password-1'], ['a-new-password-1', 'e2e-password-123']]) {
      await page.getByLabel('Password attuale').fill(from!)
      await page.getByLabel('Nuova password', { exact: true }).fill(to!)
      await page.getByLabel('Ripeti la nuova password').fill(to!)
      await page.getByTestId('change-password').click()
      await page.getByTestId('password-changed').waitFor()
      expect(await page.getByLabel('Password attuale').inputValue()).toBe('')
    }
    expect(await violations(page)).toEqual([])
  })

  it('logs out; the guard then keeps every coordinator page behind the login', async () => {
    await page.getByTestId('coordinator-logout').click()
    await page.getByText("Sei uscito dall'area coordinatori.").waitFor()
    expect(new URL(page.url()).pathname).toBe('/coordinator/login')
    await page.goto(`${server.url}/coordinator`)
    await page.getByRole('heading', { level: 1, name: 'Accesso coordinatori' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/coordinator/login')
  })

  it('says plainly that it needs the network when there is none', async () => {
    await tablet.context!.setOffline(true)
    try {
      await page.getByText("Sei offline: l'area coordinatori funziona solo con la rete.").waitFor()
      await page.getByLabel('Nome utente').fill('admin')
      await page.getByLabel('Password').fill('e2e-password-123')
      await page.getByTestId('coordinator-login').click()
      await expect.poll(() => page.getByRole('alert').textContent()).toContain("Il server non è raggiungibile. L'area coordinatori ha bisogno della rete")
      expect(await violations(page)).toEqual([])
    } finally {
      await tablet.context!.setOffline(false)
    }
  })

  it('keeps its messages when the language changes in the settings afterwards', async () => {
    await page.getByRole('link', { name: 'Impostazioni' }).click()
    await page.getByTestId('locale').selectOption('en')
    await page.waitForFunction(() => document.documentElement.lang === 'en')
    await page.goBack()
    await page.getByRole('heading', { level: 1, name: 'Coordinator login' }).waitFor()
    expect(await violations(page)).toEqual([])
  })
})
