import { contentInputSchema, linkProblem, type Content, type ContentInput, type ContentPlatform } from '../../../shared/contents'
import type { ApiErrorDetail } from '../../api/api-error'

/** The content form's fields: every text as typed, dates as '' when not set. */
export interface ContentForm {
  languages: string[]
  defaultLanguage: string
  title: Record<string, string>
  message: Record<string, string>
  platform: ContentPlatform
  url: string
  topic: string
  linkMode: 'tracked' | 'direct'
  thumbnail: string
  plannedFor: string
  publishedOn: string
}

/** Field path ('url', 'title.ar') → reason code, shown as `coordinator.contents.errors.<code>`. */
export type ContentFormErrors = Record<string, string>

export const FORM_LANGUAGES = ['it', 'en', 'ar', 'zh', 'es'] as const

export function emptyContentForm(): ContentForm {
  return {
    languages: ['it', 'en'], defaultLanguage: 'it', title: {}, message: {}, platform: 'instagram', url: 'https://',
    topic: 'vaccine_flu', linkMode: 'tracked', thumbnail: '', plannedFor: '', publishedOn: '',
  }
}

export function formFromContent(c: Content): ContentForm {
  return {
    languages: [...c.languages], defaultLanguage: c.defaultLanguage, title: { ...c.title }, message: { ...c.message },
    platform: c.platform, url: c.url, topic: c.topic, linkMode: c.linkMode, thumbnail: c.thumbnail ?? '',
    plannedFor: c.plannedFor ?? '', publishedOn: c.publishedOn ?? '',
  }
}

const pick = (texts: Record<string, string>, languages: string[]) =>
  Object.fromEntries(languages.map((l) => [l, (texts[l] ?? '').trim()]).filter(([, text]) => text))

function reason(issue: { code: string; message: string }): string {
  if (issue.code === 'custom') return issue.message
  if (issue.code === 'too_big') return 'too_long'
  if (issue.code === 'too_small') return 'required'
  return 'invalid'
}

/** Checks the form as the server will (texts in every language, lengths, link rules); the server's answer still wins. */
export function validateContentForm(form: ContentForm): { ok: true; value: ContentInput } | { ok: false; errors: ContentFormErrors } {
  const input = {
    languages: form.languages, defaultLanguage: form.defaultLanguage,
    title: pick(form.title, form.languages), message: pick(form.message, form.languages),
    platform: form.platform, url: form.url.trim(), topic: form.topic, linkMode: form.linkMode,
    ...(form.thumbnail ? { thumbnail: form.thumbnail } : {}),
    ...(form.plannedFor ? { plannedFor: form.plannedFor } : {}),
    ...(form.publishedOn ? { publishedOn: form.publishedOn } : {}),
  }
  const errors: ContentFormErrors = {}
  // The agency's own domains are the server's setting: it alone says whether a web link is one.
  const link = linkProblem(input.platform, input.url)
  if (link && link !== 'not_an_agency_domain') errors.url = link
  const parsed = contentInputSchema.safeParse(input)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.')
      errors[path] ??= reason(issue)
    }
  }
  return Object.keys(errors).length === 0 && parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors }
}

/** A 400's details (bad_link, unknown_thumbnail, invalid_body) shown at their fields. */
export function errorsFromDetails(details: readonly ApiErrorDetail[] | undefined): ContentFormErrors {
  const errors: ContentFormErrors = {}
  for (const d of details ?? []) errors[d.path.replace(/^body\.|^content\./, '')] = /^[a-z_]+$/.test(d.message) ? d.message : 'invalid'
  return errors
}
