import { describe, expect, it } from 'vitest'
import type { Survey } from '../../src/shared/surveys'
import { exportUrl, queryString } from '../../src/app/api/reports-api'
import { chartRows, openHours, plotted } from '../../src/app/coordinator/reports/chart-rows'
import { emptyFilters, filtersFromQuery, queryFromFilters, scopeFromFilters } from '../../src/app/coordinator/reports/report-filters'
import { exportQueryFromChoice, type ExportChoice } from '../../src/app/coordinator/exports/export-choice'
import { answerLabel, questionLabel } from '../../src/app/coordinator/reports/survey-labels'

const EVENT = '0190a5e4-5d2b-7c3e-8f00-000000000001'

describe('chart rows', () => {
  it('follows the vocabulary order, then unknown values by count', () => {
    const rows = chartRows({ alcohol: 2, kit_own: 1, smoking: 5, unknown: 3 }, (k) => k.toUpperCase(), ['smoking', 'alcohol', 'nutrition'])
    expect(rows.map((r) => r.key)).toEqual(['smoking', 'alcohol', 'unknown', 'kit_own'])
    expect(rows[0]).toEqual({ key: 'smoking', label: 'SMOKING', value: 5 })
  })

  it('plots a suppressed cell as nothing, keeps its "<5" for the table', () => {
    const rows = chartRows({ a: '<5', b: 7 }, (k) => k)
    expect(rows.map((r) => plotted(r.value))).toEqual([7, null])
    expect(rows.find((r) => r.key === 'a')?.value).toBe('<5')
  })

  it('spans the hours from the first contact to the last, zero-filled', () => {
    expect(openHours({ '09': 2, '12': 1 })).toEqual({ '09': 2, '10': 0, '11': 0, '12': 1 })
    expect(openHours({})).toEqual({})
  })
})

describe('report filters', () => {
  it('turns the form into the server scope, leaving empty fields out', () => {
    expect(scopeFromFilters({ ...emptyFilters(), eventId: EVENT, suppressSmallCells: true })).toEqual({
      ok: true, scope: { eventId: EVENT, suppressSmallCells: 'true' },
    })
  })

  it('refuses a period ending before it starts, or a malformed id, naming the field', () => {
    expect(scopeFromFilters({ ...emptyFilters(), from: '2026-05-10', to: '2026-05-01' })).toEqual({ ok: false, fields: ['to'] })
    expect(scopeFromFilters({ ...emptyFilters(), eventId: '<script>' })).toEqual({ ok: false, fields: ['eventId'] })
    expect(scopeFromFilters({ ...emptyFilters(), setting: 'moon' })).toEqual({ ok: false, fields: ['setting'] })
  })

  it('round-trips through the address, ignoring unknown and non-text parameters', () => {
    const filters = { ...emptyFilters(), from: '2026-05-01', topic: 'smoking', suppressSmallCells: true }
    expect(filtersFromQuery(queryFromFilters(filters))).toEqual(filters)
    expect(filtersFromQuery({ eventId: ['a', 'b'], evil: 'x' })).toEqual(emptyFilters())
  })
})

describe('export choice', () => {
  const choice = (over: Partial<ExportChoice>): ExportChoice => ({ scope: 'all', eventId: '', from: '', to: '', format: 'csv', lang: 'it', ...over })

  it('exports everything, one event or a period', () => {
    expect(exportQueryFromChoice(choice({}))).toEqual({ ok: true, query: { format: 'csv', lang: 'it' } })
    expect(exportQueryFromChoice(choice({ scope: 'event', eventId: EVENT, from: '2026-01-01', format: 'fhir' }))).toEqual({
      ok: true, query: { format: 'fhir', lang: 'it', eventId: EVENT },
    })
    expect(exportQueryFromChoice(choice({ scope: 'period', from: '2026-01-01', to: '2026-01-31', eventId: EVENT }))).toEqual({
      ok: true, query: { format: 'csv', lang: 'it', from: '2026-01-01', to: '2026-01-31' },
    })
  })

  it('asks for the missing event or day, and for a period in order', () => {
    expect(exportQueryFromChoice(choice({ scope: 'event' }))).toEqual({ ok: false, fields: ['eventId'] })
    expect(exportQueryFromChoice(choice({ scope: 'period' }))).toEqual({ ok: false, fields: ['from'] })
    expect(exportQueryFromChoice(choice({ scope: 'period', from: '2026-02-01', to: '2026-01-01' }))).toEqual({ ok: false, fields: ['to'] })
  })

  it('builds the streamed download address', () => {
    expect(exportUrl({ format: 'xlsx', eventId: EVENT })).toBe(`/api/v1/admin/exports?format=xlsx&eventId=${EVENT}`)
    expect(queryString({ a: undefined, b: '' })).toBe('')
  })
})

describe('survey words on the dashboard', () => {
  const survey: Pick<Survey, 'defaultLanguage' | 'questions'> = {
    defaultLanguage: 'it',
    questions: [{ id: 'topic', type: 'single_choice', required: true, text: { it: 'Quale tema?', en: 'Which topic?' }, options: [{ value: 'food', label: { it: 'Cibo' } }, { value: 'sport', label: { it: 'Sport', en: 'Sport' } }] }],
  }

  it('words questions and choices in the reader\'s language, else the survey\'s own', () => {
    expect(questionLabel(survey, 'topic', 'en')).toBe('Which topic?')
    expect(answerLabel(survey, 'topic', 'food', 'en')).toBe('Cibo')
  })

  it('falls back to the ids when the survey or the question is not known', () => {
    expect(questionLabel(undefined, 'topic', 'it')).toBe('topic')
    expect(questionLabel(survey, 'gone', 'it')).toBe('gone')
    expect(answerLabel(survey, 'topic', '3', 'it')).toBe('3')
  })
})
