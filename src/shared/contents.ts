import { z } from 'zod'
import { codeSchema } from './records.js'
import { languageCodeSchema, localizedSchema } from './surveys.js'

/**
 * Social contents shown as QR codes at the stand: an agency post, video or page with a short
 * health message in the visitor languages. Versioned documents, pulled by tablets like kits.
 */
export const CONTENT_PLATFORMS = ['instagram', 'tiktok', 'youtube', 'web'] as const
export type ContentPlatform = (typeof CONTENT_PLATFORMS)[number]

/** Hosts each platform's links may point to; `web` links go to the agency's own domains (configurable on the server). */
export const PLATFORM_HOSTS: Record<Exclude<ContentPlatform, 'web'>, readonly string[]> = {
  instagram: ['instagram.com', 'www.instagram.com'],
  tiktok: ['tiktok.com', 'www.tiktok.com', 'vm.tiktok.com'],
  youtube: ['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be'],
}
export const DEFAULT_AGENCY_DOMAINS = ['ats-milano.it', 'www.ats-milano.it']

const isoDate = z.iso.date()

const contentFields = {
  title: localizedSchema(80),
  /** Two lines at most: shown big on the QR wall and on the phone's landing page. */
  message: localizedSchema(160),
  languages: z.array(languageCodeSchema).min(1).max(12),
  defaultLanguage: languageCodeSchema,
  platform: z.enum(CONTENT_PLATFORMS),
  url: z.url({ protocol: /^https$/ }).max(500),
  /** Topic or campaign code (a kit topic, or a campaign of its own). */
  topic: codeSchema,
  /** tracked: a first-party short link that counts scans; direct: the platform's link itself, nothing counted. */
  linkMode: z.enum(['tracked', 'direct']),
  /** File name of an uploaded thumbnail (served at /media/<file>). */
  thumbnail: z.string().regex(/^[0-9a-f]{64}\.(png|jpg|webp)$/).optional(),
  plannedFor: isoDate.optional(),
  publishedOn: isoDate.optional(),
}

type ContentFields = { languages: string[]; defaultLanguage: string; title: Record<string, string>; message: Record<string, string> }

/** Every text in every language of the content, and only those. */
function checkContent(c: ContentFields, ctx: z.RefinementCtx): void {
  const languages = new Set(c.languages)
  if (!languages.has(c.defaultLanguage)) ctx.addIssue({ code: 'custom', path: ['defaultLanguage'], message: 'not_in_languages' })
  for (const field of ['title', 'message'] as const) {
    for (const lang of languages) if (!c[field][lang]) ctx.addIssue({ code: 'custom', path: [field, lang], message: 'missing_translation' })
    for (const lang of Object.keys(c[field])) if (!languages.has(lang)) ctx.addIssue({ code: 'custom', path: [field, lang], message: 'language_not_offered' })
  }
}

/** What a coordinator authors. */
export const contentInputSchema = z.strictObject(contentFields).superRefine(checkContent)

const documentFields = {
  ...contentFields,
  id: z.uuid(),
  /** A retired content's codes show a friendly page and keep their counts. */
  retiredAt: z.iso.datetime({ offset: true }).optional(),
}
export const contentSchema = z.strictObject({ ...documentFields, version: z.number().int().min(0) }).superRefine(checkContent)
/** A content as a kit file carries it. */
export const contentFileEntrySchema = z.strictObject(documentFields).superRefine(checkContent)
export const contentDocumentSchema = contentSchema.strip()

export type ContentInput = z.infer<typeof contentInputSchema>
export type Content = z.infer<typeof contentSchema>

/**
 * Whether a content's link may be printed: https, and a host of its platform (or, for `web`,
 * one of the agency's domains or their subdomains). Returns a reason code, or undefined.
 */
export function linkProblem(platform: ContentPlatform, url: string, agencyDomains: readonly string[] = DEFAULT_AGENCY_DOMAINS): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'not_a_url'
  }
  if (parsed.protocol !== 'https:') return 'https_only'
  if (parsed.username || parsed.password) return 'credentials_in_url'
  const host = parsed.hostname.toLowerCase()
  const allowed = platform === 'web' ? agencyDomains : PLATFORM_HOSTS[platform]
  const ok = allowed.some((domain) => host === domain || (platform === 'web' && host.endsWith(`.${domain}`)))
  return ok ? undefined : platform === 'web' ? 'not_an_agency_domain' : `not_a_${platform}_link`
}
