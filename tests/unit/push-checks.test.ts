import fc from 'fast-check'
import { v7 as uuidv7 } from 'uuid'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../src/server/sync/canonical-json'
import { checkFact } from '../../src/server/sync/check-records'
import { responseProblem } from '../../src/server/sync/survey-responses'
import { DEMO_EVENT_ID } from '../../src/shared/demo-event'
import type { SurveyResponseFact } from '../../src/shared/records'
import { surveyResponse } from '../integration/helpers/surveys'

const tap = (extra: object = {}) => ({
  id: uuidv7(), eventId: DEMO_EVENT_ID, deviceId: uuidv7(), at: '2026-11-26T10:00:00.000Z', schemaVersion: 1,
  kind: 'interaction', payload: { topic: 'smoking', groupSize: 1 }, ...extra,
})

describe('the canonical form that "same id, same content" compares', () => {
  it('sorts keys at every depth and is valid JSON of the same value', () => {
    const value = { b: [{ z: 1, a: 'x' }, 2, null], a: { d: true, c: 'é"' } }
    const reordered = { a: { c: 'é"', d: true }, b: [{ a: 'x', z: 1 }, 2, null] }
    expect(canonicalJson(value)).toBe('{"a":{"c":"é\\"","d":true},"b":[{"a":"x","z":1},2,null]}')
    expect(canonicalJson(reordered)).toBe(canonicalJson(value))
    expect(JSON.parse(canonicalJson(value))).toEqual(value)
  })

  it('leaves out undefined properties and writes undefined array items as null, like JSON.stringify', () => {
    const value = { a: undefined, b: [undefined, 1], c: 'kept', d: undefined }
    expect(canonicalJson(value)).toBe(JSON.stringify({ b: [null, 1], c: 'kept' }))
    expect(canonicalJson({ a: undefined })).toBe('{}')
    expect(canonicalJson([])).toBe('[]')
  })

  it('tells apart values that differ only in order inside arrays, or in type', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]))
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }))
  })

  it('is what sorting the keys with Array.prototype.sort and JSON.stringify give, for any JSON value and any key names', () => {
    const reference = (value: unknown): string => {
      if (value === null || typeof value !== 'object') return JSON.stringify(value)
      if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`
      const record = value as Record<string, unknown>
      return `{${Object.keys(record).sort().map((k) => `${JSON.stringify(k)}:${reference(record[k])}`).join(',')}}`
    }
    const key = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('__proto__', 'constructor', 'undefined', '10', '9', 'é', 'E', 'a"b'))
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.array(tie('value'), { maxLength: 4 }), tie('object')),
      object: fc.array(fc.tuple(key, tie('value')), { maxLength: 8 }).map((entries) => JSON.parse(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`) as unknown),
    })).value
    fc.assert(fc.property(json, (value) => {
      expect(canonicalJson(value)).toBe(reference(value))
    }), { numRuns: 500 })
  })
})

describe('checking one pushed fact on its own', () => {
  it('accepts a valid fact, with its canonical form', () => {
    const fact = tap()
    expect(checkFact(fact, 0)).toEqual({ ok: true, record: fact, canonical: canonicalJson(fact) })
  })

  it('keeps a newer schema version or an unknown kind for later: unsupported, not invalid', () => {
    const newer = tap({ schemaVersion: 99, payload: 'a shape of the future' })
    expect(checkFact(newer, 0)).toEqual({ ok: false, result: { id: newer.id, status: 'unsupported', reason: 'schema_version 99 not in [1, 2]' } })
    const unknownKind = tap({ kind: 'scan_of_the_future' })
    expect(checkFact(unknownKind, 0)).toEqual({ ok: false, result: { id: unknownKind.id, status: 'unsupported', reason: 'unknown_kind scan_of_the_future' } })
  })

  it('calls a malformed kind or version invalid, never unsupported', () => {
    for (const bad of [tap({ kind: 'Not A Kind!' }), tap({ kind: 'X-scan' }), tap({ kind: 'scan!' }), tap({ kind: 'x'.repeat(41) }), tap({ schemaVersion: '1' }), tap({ kind: 42 })]) {
      expect(checkFact(bad, 3)).toMatchObject({ ok: false, result: { id: bad.id, status: 'invalid', reason: expect.stringMatching(/^facts\[3\] /) } })
    }
  })

  it('names the record and every wrong field, within 500 characters, and cuts a long id to 64', () => {
    const bad = tap({ id: 'x'.repeat(100), payload: { topic: 'y'.repeat(600), groupSize: 0 } })
    const checked = checkFact(bad, 7)
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    expect(checked.result.id).toBe('x'.repeat(64))
    expect(checked.result.reason).toMatch(/^facts\[7\] id: .*; payload\.topic: .*; payload\.groupSize: /)
    expect(checked.result.reason!.length).toBeLessThanOrEqual(500)
    const longKey = checkFact(tap({ payload: { topic: 'smoking', groupSize: 1, ['k'.repeat(600)]: 1 } }), 0)
    expect(longKey.ok ? '' : longKey.result.reason).toHaveLength(500)
    expect(checkFact(null, 0)).toMatchObject({ ok: false, result: { id: '', status: 'invalid', reason: expect.stringMatching(/^facts\[0\] \(record\): /) } })
  })

  it('refuses a kind older than the schema version that introduced it', () => {
    const response = surveyResponse(uuidv7(), [])
    expect(checkFact(response, 0).ok).toBe(true)
    const early = { ...response, schemaVersion: 1 }
    expect(checkFact(early, 0)).toEqual({ ok: false, result: { id: early.id, status: 'invalid', reason: 'schemaVersion: survey_response exists from version 2' } })
  })
})

describe('the reason a survey response is refused with', () => {
  it('names every problem, separated, within 500 characters', () => {
    const answers = Array.from({ length: 20 }, (_, i) => ({ questionId: `question_without_a_survey_${i}`, value: 'yes' }))
    const fact = surveyResponse('d', answers, { language: 'en' }) as SurveyResponseFact
    const revisions = new Map([[`${fact.payload.surveyId}:${fact.payload.surveyVersion}`, JSON.stringify({ languages: ['it'], questions: [] })]])
    const reason = responseProblem(fact, revisions) ?? ''
    expect(reason).toMatch(/^survey_response: language: not a language of this survey; answers\.question_without_a_survey_0: no such question; /)
    expect(reason).toHaveLength(500)
  })
})
