import { describe, expect, it } from 'vitest'
import { emptyContentForm, errorsFromDetails, validateContentForm, type ContentForm } from '../../src/app/coordinator/contents/content-form'
import { contentLink } from '../../src/app/qr/qr-image'
import { trackedCode } from '../../src/shared/qr-codes'

const filled = (change: Partial<ContentForm> = {}): ContentForm => ({
  ...emptyContentForm(),
  title: { it: 'Camminare', en: 'Walking' },
  message: { it: 'Trenta minuti al giorno.', en: 'Thirty minutes a day.' },
  url: 'https://www.instagram.com/p/abc',
  ...change,
})

describe('the content form checks what the server will', () => {
  it('accepts a complete content', () => {
    const checked = validateContentForm(filled({ plannedFor: '2026-12-01' }))
    expect(checked.ok).toBe(true)
  })

  it.each([
    ['http://www.instagram.com/p/abc', 'https_only'],
    ['https://www.youtube.com/watch?v=1', 'not_a_instagram_link'],
    ['not a link', 'not_a_url'],
    ['https://user:pw@www.instagram.com/p/abc', 'credentials_in_url'],
  ])('refuses %s as %s', (url, reason) => {
    const checked = validateContentForm(filled({ url }))
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.errors.url).toBe(reason)
  })

  it('asks for every text in every ticked language', () => {
    const checked = validateContentForm(filled({ languages: ['it', 'en', 'ar'] }))
    expect(checked.ok ? {} : checked.errors).toMatchObject({ 'title.ar': 'missing_translation', 'message.ar': 'missing_translation' })
  })

  it('leaves the agency\'s own domains to the server, and shows its answer at the field', () => {
    expect(validateContentForm(filled({ platform: 'web', url: 'https://www.example.org/' })).ok).toBe(true)
    expect(errorsFromDetails([{ path: 'url', message: 'not_an_agency_domain' }])).toEqual({ url: 'not_an_agency_domain' })
  })
})

describe('what a content\'s QR code opens', () => {
  it('tracked: the landing page of this event and content, the same code the server derives', async () => {
    const link = await contentLink({ id: 'c1', url: 'https://www.instagram.com/', linkMode: 'tracked' }, 'e1', 'https://corner.example/')
    expect(link).toBe(`https://corner.example/q/${await trackedCode('e1', 'c1')}`)
  })
  it('direct: the content\'s own link', async () => {
    expect(await contentLink({ id: 'c1', url: 'https://www.instagram.com/p/x', linkMode: 'direct' }, 'e1', 'https://corner.example')).toBe('https://www.instagram.com/p/x')
  })
})
