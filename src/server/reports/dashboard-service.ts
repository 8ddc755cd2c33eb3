import { CONTACT_DIMENSIONS, suppressSmallCells, UNKNOWN, type ContactDimension } from '../../shared/aggregations.js'
import type { Content } from '../../shared/contents.js'
import type { Dashboard, ReportScope } from '../../shared/report-protocol.js'
import type { Db } from '../db/database.table.js'
import { contactTotals, eventCounts, lastReceivedAt, linkCounts, quietTablets, surveyAnswerCounts } from './dashboard-repository.js'

const SILENT_AFTER_MS = 24 * 3_600_000

/** Every dimension from the kept totals: the same figures as summarizeContacts on the facts. */
export async function contactFigures(db: Db, scope: ReportScope) {
  const rows = await contactTotals(db, scope)
  const by = Object.fromEntries(CONTACT_DIMENSIONS.map((d) => [d, {} as Record<string, number>])) as Record<ContactDimension, Record<string, number>>
  let contacts = 0
  let people = 0
  for (const row of rows) {
    const n = Number(row.contacts)
    const dimension = row.dimension as ContactDimension
    if (n === 0 || !(dimension in by)) continue
    by[dimension][row.value] = n
    // Every contact counts once under "day": its rows add up to the totals.
    if (dimension === 'day') {
      contacts += n
      people += Number(row.people)
    }
  }
  return { contacts, people, by }
}

export async function buildDashboard(db: Db, scope: ReportScope, now: Date): Promise<Dashboard> {
  const suppress = scope.suppressSmallCells === 'true'
  const cells = (counts: Record<string, number>) => (suppress ? suppressSmallCells(counts) : counts) as Record<string, number | '<5'>
  const one = (n: number) => cells({ n }).n as number | '<5'
  const [figures, asOf, events, surveys, links, tablets] = await Promise.all([
    contactFigures(db, scope), lastReceivedAt(db), eventCounts(db, scope), surveyAnswerCounts(db, scope), linkCounts(db, scope),
    quietTablets(db, new Date(now.getTime() - SILENT_AFTER_MS).toISOString()),
  ])
  const names = await namesOf(db, surveys.responses.map((r) => r.survey_id), [...new Set(links.map((l) => l.content_id))])
  const tally = (rows: { key: string | null; n: number }[]) => {
    const out: Record<string, number> = {}
    for (const r of rows) out[r.key ?? UNKNOWN] = (out[r.key ?? UNKNOWN] ?? 0) + Number(r.n)
    return out
  }
  const linkCount = (contentId: string, kind: string) => Number(links.find((l) => l.content_id === contentId && l.kind === kind)?.n ?? 0)
  return {
    asOf,
    contacts: one(figures.contacts),
    people: one(figures.people),
    by: Object.fromEntries(CONTACT_DIMENSIONS.map((d) => [d, cells(figures.by[d])])) as Dashboard['by'],
    events: {
      total: events.reduce((sum, e) => sum + Number(e.n), 0),
      bySetting: tally(events.map((e) => ({ key: e.setting, n: e.n }))),
      byOccasion: tally(events.map((e) => ({ key: e.occasion, n: e.n }))),
    },
    surveys: surveys.responses.map((r) => ({
      surveyId: r.survey_id,
      name: names.surveys.get(r.survey_id) ?? r.survey_id,
      responses: one(Number(r.n)),
      questions: groupAnswers(surveys.answers.filter((a) => a.survey_id === r.survey_id), cells),
    })),
    contents: [...new Set(links.map((l) => l.content_id))].map((contentId) => ({
      contentId, title: names.contents.get(contentId) ?? contentId,
      scans: one(linkCount(contentId, 'scan')), useful: one(linkCount(contentId, 'useful')), notUseful: one(linkCount(contentId, 'not_useful')),
    })),
    tablets: tablets.map((t) => ({
      id: t.id, label: t.label, lastSeenAt: t.last_seen_at, queuedCount: t.queued_count === null ? null : Number(t.queued_count),
      silent: !t.last_seen_at || t.last_seen_at < new Date(now.getTime() - SILENT_AFTER_MS).toISOString(),
    })),
  }
}

function groupAnswers(rows: { question_id: string; value: string; n: number }[], cells: (c: Record<string, number>) => Record<string, number | '<5'>) {
  const byQuestion = new Map<string, Record<string, number>>()
  for (const row of rows) {
    const counts = byQuestion.get(row.question_id) ?? {}
    counts[row.value] = Number(row.n)
    byQuestion.set(row.question_id, counts)
  }
  return [...byQuestion].map(([questionId, counts]) => ({ questionId, counts: cells(counts) }))
}

/** Survey names and content titles (in the content's default language) for the tables. */
async function namesOf(db: Db, surveyIds: string[], contentIds: string[]) {
  const [surveys, contents] = await Promise.all([
    surveyIds.length ? db.selectFrom('surveys').select(['id', 'body', 'draft_body']).where('id', 'in', surveyIds).execute() : [],
    contentIds.length ? db.selectFrom('contents').select(['id', 'body']).where('id', 'in', contentIds).execute() : [],
  ])
  return {
    surveys: new Map(surveys.map((s) => [s.id, (JSON.parse(s.body ?? s.draft_body ?? '{}') as { name?: string }).name ?? s.id])),
    contents: new Map(contents.map((c) => {
      const content = JSON.parse(c.body) as Content
      return [c.id, content.title[content.defaultLanguage] ?? c.id]
    })),
  }
}
