import { defaultIndicatorTargets, indicatorTargetsSchema, type IndicatorTargets, type Indicators } from '../../shared/report-protocol.js'
import type { Content } from '../../shared/contents.js'
import { OCCASIONS, SETTINGS } from '../../shared/vocabularies.js'
import type { Db } from '../db/database.table.js'
import { contactFigures } from './dashboard-service.js'
import { linkCounts, surveyAnswerCounts } from './dashboard-repository.js'

const TARGETS_KEY = 'indicator_targets'

export async function indicatorTargets(db: Db): Promise<IndicatorTargets> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', TARGETS_KEY).executeTakeFirst()
  const parsed = row ? indicatorTargetsSchema.safeParse(JSON.parse(row.value)) : undefined
  return parsed?.success ? parsed.data : defaultIndicatorTargets
}

export async function saveIndicatorTargets(db: Db, targets: IndicatorTargets, now: Date): Promise<IndicatorTargets> {
  const value = JSON.stringify(targets)
  await db.insertInto('settings').values({ key: TARGETS_KEY, value, updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now.toISOString() })).execute()
  return targets
}

/** Months from `from` to `to` (YYYY-MM), both included; at most 50 years. */
function months(from: string, to: string): string[] {
  const out: string[] = []
  let [year, month] = from.slice(0, 7).split('-').map(Number) as [number, number]
  for (let i = 0; i < 600; i++) {
    const key = `${year}-${String(month).padStart(2, '0')}`
    if (key > to.slice(0, 7)) break
    out.push(key)
    month = month === 12 ? 1 : month + 1
    if (month === 1) year++
  }
  return out
}

/**
 * The plan's indicators over a period (all time without one): events held (started by today)
 * by setting and occasion, contacts, survey responses, feedback per content, contents published
 * per month against "at least N a month", training events against "at least N".
 */
export async function buildIndicators(db: Db, period: { from?: string; to?: string }, today: string): Promise<Indicators> {
  const targets = await indicatorTargets(db)
  const until = period.to && period.to < today ? period.to : today
  let held = db.selectFrom('events').select(['setting', 'occasion', (eb) => eb.fn.countAll<number>().as('n')]).where('start_date', '<=', until)
  if (period.from) held = held.where('end_date', '>=', period.from)
  const [events, figures, surveys, links, contentRows] = await Promise.all([
    held.groupBy(['setting', 'occasion']).execute(),
    contactFigures(db, period),
    surveyAnswerCounts(db, period),
    linkCounts(db, period),
    db.selectFrom('contents').select(['id', 'body']).execute(),
  ])
  const contents = contentRows.map((r) => JSON.parse(r.body) as Content)
  const published = contents.map((c) => c.publishedOn).filter((d): d is string => Boolean(d) && (!period.from || d! >= period.from) && d! <= until)
  const first = period.from ?? [...published].sort()[0] ?? until
  const bySetting = Object.fromEntries(SETTINGS.map((s) => [s, 0])) as Indicators['eventsBySetting']
  const byOccasion = Object.fromEntries(OCCASIONS.map((o) => [o, 0])) as Indicators['eventsByOccasion']
  for (const e of events) {
    if (e.setting && e.setting in bySetting) bySetting[e.setting as keyof typeof bySetting] += Number(e.n)
    if (e.occasion && e.occasion in byOccasion) byOccasion[e.occasion as keyof typeof byOccasion] += Number(e.n)
  }
  const count = (contentId: string, kind: string) => Number(links.find((l) => l.content_id === contentId && l.kind === kind)?.n ?? 0)
  return {
    from: period.from ?? null,
    to: period.to ?? null,
    targets,
    eventsBySetting: bySetting,
    eventsByOccasion: byOccasion,
    contacts: figures.contacts,
    people: figures.people,
    surveyResponses: surveys.responses.reduce((sum, r) => sum + Number(r.n), 0),
    feedback: [...new Set(links.map((l) => l.content_id))].map((contentId) => {
      const content = contents.find((c) => c.id === contentId)
      return { contentId, title: content?.title[content.defaultLanguage] ?? contentId, scans: count(contentId, 'scan'), useful: count(contentId, 'useful'), notUseful: count(contentId, 'not_useful') }
    }),
    contentsPublished: months(first, until).map((month) => {
      const n = published.filter((d) => d.startsWith(month)).length
      return { month, count: n, target: targets.contentsPerMonth, met: n >= targets.contentsPerMonth }
    }),
    trainingEvents: { count: byOccasion.training, target: targets.trainingEvents, met: byOccasion.training >= targets.trainingEvents },
  }
}
