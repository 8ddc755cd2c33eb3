import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_KIT_ID } from '../../src/shared/demo-kit'
import { AppServer } from './support/app-server'
import { screenshotForDocs, violations } from './support/axe'
import { Tablet } from './support/browser'

const NAME = 'Giornata del cuore — Lodi'
const KIT = 'Corner ATS Milano — kit dimostrativo'
const row = (page: Page, name: string) => page.locator('tbody tr', { has: page.getByRole('rowheader', { name, exact: true }) })
const cell = (page: Page, path: string) => page.locator(`textarea[data-path="${path}"]`)

describe('a coordinator authoring a survey', () => {
  const server = new AppServer()
  const tablet = new Tablet()
  let page: Page
  let surveyId = ''
  let exported = ''
  const api = <T>(path: string) => page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>
  const surveyCount = async () => (await api<{ surveys: unknown[] }>('/api/v1/admin/surveys')).surveys.length

  beforeAll(async () => {
    await server.start()
    await tablet.launch()
    page = await tablet.page()
  })
  afterAll(async () => {
    await tablet.close()
    await server.dispose()
  })

  it('logs in and sees the shipped surveys, published and used by the demo kit', async () => {
    await page.goto(`${server.url}/coordinator/surveys`)
    await page.getByLabel('Nome utente').fill('admin')
    await page.getByLabel('Password').fill('e2e-password-123')
    await page.getByTestId('coordinator-login').click()
    await page.getByRole('heading', { level: 1, name: 'Questionari' }).waitFor()
    const template = row(page, 'Soddisfazione per lo stand')
    await template.waitFor()
    expect(await template.getByTestId('survey-state').textContent()).toContain('Pubblicato: revisione 1')
    expect(await template.textContent()).toContain(KIT)
    expect(await violations(page)).toEqual([])
  })

  it('creates a survey from scratch, saves it half translated, and is told which translations publishing needs', async () => {
    await page.locator('#survey-source').selectOption('blank')
    await page.getByTestId('survey-create').click()
    await page.getByRole('heading', { level: 1, name: 'Nuovo questionario' }).waitFor()
    expect(await violations(page)).toEqual([])
    await page.locator('#survey-name').fill(NAME)
    await page.locator('input[data-lang="ar"]').check()
    await page.locator('#q-q1-text').fill('Ha misurato la pressione quest’anno?')
    await page.getByTestId('survey-publish').click()
    const refusal = page.locator('[data-outcome][role="alert"]')
    await refusal.waitFor()
    expect(await refusal.getAttribute('data-error-code')).toBe('incomplete_translation')
    expect(await refusal.textContent()).toContain('Salvato come bozza, non pubblicato: mancano ancora 5 traduzioni')
    const arabic = (await refusal.locator('[data-path="questions.0.text.ar"]').textContent())?.replace(/\s+/g, ' ')
    expect(arabic).toContain('domanda 1 › testo › ar: traduzione mancante.')
    expect(await page.getByTestId('survey-missing-count').textContent()).toContain('Mancano ancora 5 traduzioni')
    expect(await cell(page, 'title.ar').getAttribute('aria-invalid')).toBe('true')
    expect(await cell(page, 'title.ar').getAttribute('dir')).toBe('rtl')
    expect(await violations(page)).toEqual([])
    // Saved as a draft (the only way in was "publish"), never published.
    expect(await surveyCount()).toBe(5)
    expect(await page.getByTestId('survey-revision').textContent()).toContain('Bozza, mai pubblicato')
  })

  it('translates side by side, adds a question shown only after a "yes", and saves a draft', async () => {
    await cell(page, 'title.it').fill('Il tuo cuore')
    await cell(page, 'title.en').fill('Your heart')
    await cell(page, 'title.ar').fill('قلبك')
    await cell(page, 'questions.0.text.en').fill('Have you had your blood pressure checked this year?')
    await cell(page, 'questions.0.text.ar').fill('هل قمت بقياس ضغط الدم هذا العام؟')
    await page.locator('#new-question-type').selectOption('single_choice')
    await page.getByTestId('survey-add-question').click()
    await page.locator('#q-q2-text').fill('Dove?')
    await page.locator('#q-q2-o-o1').fill('In farmacia')
    await page.locator('#q-q2-o-o2').fill('Dal medico')
    await page.locator('#q-q2-showif-q').selectOption('q1')
    for (const [path, text] of [
      ['questions.1.text.en', 'Where?'], ['questions.1.text.ar', 'أين؟'],
      ['questions.1.options.0.label.en', 'At a pharmacy'], ['questions.1.options.0.label.ar', 'في الصيدلية'],
      ['questions.1.options.1.label.en', 'At the doctor’s'], ['questions.1.options.1.label.ar', 'عند الطبيب'],
    ] as const) await cell(page, path).fill(text)
    expect(await page.getByTestId('survey-missing-count').textContent()).toContain('Tutti i testi sono tradotti')
    await page.getByTestId('survey-save').click()
    // The message shows at once; the address moves to the new survey's own right after.
    await page.waitForURL(/\/coordinator\/surveys\/[0-9a-f-]{36}\?done=saved$/)
    await page.getByText('Bozza salvata.').waitFor()
    surveyId = new URL(page.url()).pathname.split('/')[3]!
    expect(surveyId).toMatch(/^[0-9a-f-]{36}$/)
    expect(await page.getByTestId('survey-revision').textContent()).toContain('Bozza, mai pubblicato')
    expect(await violations(page)).toEqual([])
    await screenshotForDocs(page, 'coordinator-survey-editor', true)
  })

  it('refuses a save on a draft someone else saved since it was opened, overwriting nothing', async () => {
    const other = await page.context().newPage()
    await other.goto(`${server.url}/coordinator/surveys/${surveyId}`)
    await cell(other, 'title.en').fill('Your heart, today')
    await other.getByTestId('survey-save').click()
    await other.getByText('Bozza salvata.').waitFor()
    await other.close()
    await cell(page, 'title.en').fill('Your heart (mine)')
    await page.getByTestId('survey-save').click()
    const refusal = page.locator('[data-outcome][role="alert"]')
    await refusal.waitFor()
    expect(await refusal.getAttribute('data-error-code')).toBe('draft_conflict')
    expect(await refusal.textContent()).toContain('Qualcun altro ha salvato o pubblicato questo questionario dopo che l’hai aperto: non è stato sovrascritto nulla.')
    expect(await cell(page, 'title.en').inputValue()).toBe('Your heart (mine)')
    expect(await violations(page)).toEqual([])
    const stored = await api<{ draft: { title: { en: string } } }>(`/api/v1/admin/surveys/${surveyId}`)
    expect(stored.draft.title.en).toBe('Your heart, today')
    // Opened again: the other coordinator's draft, which this one can now change.
    await page.reload()
    await expect.poll(() => cell(page, 'title.en').inputValue()).toBe('Your heart, today')
  })

  it('previews the survey in Arabic, right to left, through the kiosk screens and its skip logic', async () => {
    await page.getByTestId('survey-preview').click()
    const frame = page.getByTestId('survey-preview-frame')
    await frame.waitFor()
    expect(await violations(page)).toEqual([])
    await page.locator('[data-preview-language="ar"]').click()
    expect(await frame.getAttribute('dir')).toBe('rtl')
    expect(await frame.getAttribute('lang')).toBe('ar')
    await frame.getByTestId('kiosk-start').click()
    await frame.getByRole('heading', { level: 1, name: 'هل قمت بقياس ضغط الدم هذا العام؟' }).waitFor()
    expect(await frame.locator('.survey-question').getAttribute('dir')).toBe('rtl')
    expect(await violations(page)).toEqual([])
    await screenshotForDocs(page, 'coordinator-survey-preview-ar')
    await frame.getByRole('radio').first().click() // yes: the question after it is shown
    await frame.getByRole('heading', { level: 1, name: 'أين؟' }).waitFor()
    expect(await frame.getByRole('radio').allTextContents()).toEqual(['في الصيدلية', 'عند الطبيب'])
    await page.getByTestId('survey-preview').click()
    await page.locator('#survey-name').waitFor()
  })

  it('publishes revision 1, attaches it to the demo kit, then publishes revision 2', async () => {
    await page.getByTestId('survey-publish').click()
    await page.getByText('Revisione 1 pubblicata').waitFor()
    expect(await page.getByTestId('survey-revision').textContent()).toContain('Pubblicato: revisione 1')
    await page.locator(`input[data-kit-id="${DEMO_KIT_ID}"]`).check()
    await page.getByText(`Questionario aggiunto al kit «${KIT}».`).waitFor()
    const { kits } = await api<{ kits: { id: string; surveyIds?: string[] }[] }>('/api/v1/admin/kits')
    expect(kits.find((k) => k.id === DEMO_KIT_ID)?.surveyIds).toContain(surveyId)
    expect(await violations(page)).toEqual([])

    await page.locator('#q-q2-text').fill('Dove l’ha misurata?')
    await page.getByTestId('survey-publish').click()
    await page.getByText('Revisione 2 pubblicata').waitFor()
    const detail = await api<{ revision: number; published: { questions: { text: { it: string } }[] } }>(`/api/v1/admin/surveys/${surveyId}`)
    expect(detail.revision).toBe(2)
    expect(detail.published.questions[1]?.text.it).toBe('Dove l’ha misurata?')
  })

  it('exports the survey as a JSON file and imports it again as a new draft', async () => {
    await page.getByRole('link', { name: 'Torna ai questionari' }).click()
    const mine = row(page, NAME)
    // The list shows what the store last read (the kits card read it before the publications) until its own fresh read lands.
    await expect.poll(() => mine.getByTestId('survey-state').textContent()).toContain('Pubblicato: revisione 2')
    expect(await mine.textContent()).toContain(KIT)
    const [download] = await Promise.all([page.waitForEvent('download'), mine.getByRole('button', { name: `Esporta JSON ${NAME}` }).click()])
    expect(download.suggestedFilename()).toBe('survey-giornata-del-cuore-lodi.json')
    exported = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        let text = ''
        stream.on('data', (chunk: Buffer) => (text += chunk.toString()))
        stream.on('end', () => resolve(text))
        stream.on('error', reject)
      }, reject)
    })
    expect(JSON.parse(exported)).toMatchObject({ format: 'corner-survey', formatVersion: 1, survey: { name: NAME, languages: ['it', 'en', 'ar'] } })

    await page.locator('#survey-file').setInputFiles({ name: 'cuore.json', mimeType: 'application/json', buffer: Buffer.from(exported) })
    await page.getByTestId('survey-import').click()
    await page.getByText('Questionario importato come nuova bozza.').waitFor()
    expect(await page.getByTestId('survey-revision').textContent()).toContain('Bozza, mai pubblicato')
    expect(await page.locator('#survey-name').inputValue()).toBe(NAME)
    expect(await surveyCount()).toBe(6)
  })

  it('refuses a hostile, a broken and an oversize file, saying where and why, and changes nothing', async () => {
    await page.getByRole('link', { name: 'Torna ai questionari' }).click()
    await row(page, NAME).first().waitFor()
    const file = JSON.parse(exported) as { survey: { questions: Record<string, unknown>[] } }
    file.survey.questions[0]!.type = 'free_text'
    await page.locator('#survey-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) })
    await page.getByTestId('survey-import').click()
    const alert = page.locator('.coord-survey-import [role="alert"]')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('Il contenuto non è un questionario valido.')
    expect(await alert.locator('[data-path="survey.questions.0.type"]').textContent()).toContain('domanda 1 › tipo:')
    expect(await violations(page)).toEqual([])

    await page.locator('#survey-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "corner-survey",') })
    await page.getByTestId('survey-import').click()
    await expect.poll(() => alert.textContent()).toContain('Il file non è un JSON valido.')
    const oversize = JSON.stringify({ ...file, survey: { ...file.survey, name: 'x'.repeat(600_000) } })
    await page.locator('#survey-file').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.from(oversize) })
    await page.getByTestId('survey-import').click()
    await expect.poll(() => alert.textContent()).toContain('Il file è troppo grande (al massimo 512 KB).')
    expect(await surveyCount()).toBe(6)
  })

  it('reads the same in English: list, editor, a refused publication and the preview, axe clean', async () => {
    await page.evaluate(() => localStorage.setItem('corner.locale', 'en'))
    await page.goto(`${server.url}/coordinator/surveys`)
    await page.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor()
    await row(page, NAME).first().waitFor()
    expect(await violations(page)).toEqual([])
    await page.locator('#survey-source').selectOption('healthLiteracy')
    await page.getByTestId('survey-create').click()
    await page.getByRole('heading', { level: 1, name: 'New survey' }).waitFor()
    // A new type brings the fields it needs: options to fill in for a choice, no scale any more.
    await page.locator('#q-help_reading-type').selectOption('single_choice')
    await page.locator('#q-help_reading-o-o2').waitFor()
    expect(await page.locator('#q-help_reading-scale').count()).toBe(0)
    await page.locator('#q-help_reading-type').selectOption('likert_5')
    await page.locator('#q-help_reading-scale').waitFor()
    await cell(page, 'title.zh').fill('')
    await page.getByTestId('survey-publish').click()
    await page.getByText('Saved as a draft, not published: one text still needs a translation').waitFor()
    expect(await violations(page)).toEqual([])
    await page.getByTestId('survey-preview').click()
    await page.locator('[data-preview-language="zh"]').click()
    expect(await page.getByTestId('survey-preview-frame').getAttribute('lang')).toBe('zh')
    expect(await violations(page)).toEqual([])
  })

  it('explains a survey address that does not exist and an unknown template, in words', async () => {
    await page.goto(`${server.url}/coordinator/surveys/01930000-0000-7000-8000-00000000ffff`)
    await page.locator('[data-error-code="not_found"]').waitFor()
    expect(await violations(page)).toEqual([])
    await page.goto(`${server.url}/coordinator/surveys/new?from=__proto__`)
    await page.getByText('The requested template does not exist: you are starting from an empty survey.').waitFor()
    expect(await page.locator('#survey-name').inputValue()).toBe('')
    expect(await violations(page)).toEqual([])
  })
})
