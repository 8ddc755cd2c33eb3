import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PHONE_DEVICE_ID } from '../../src/shared/phone-device'
import type { SurveyResponseFact } from '../../src/shared/records'
import { hasAnswered, markAnswered, pendingResponses, queueResponse } from '../../src/phone/phone-outbox'
import { flushResponses } from '../../src/phone/phone-sender'
import { pickLanguage } from '../../src/phone/usePhoneSurvey'

const fact = (id: string): SurveyResponseFact => ({
  id, eventId: '01930000-0000-7000-8000-000000000002', deviceId: PHONE_DEVICE_ID, at: '2026-11-26T10:00:00.000Z', schemaVersion: 2, kind: 'survey_response',
  payload: { surveyId: '01930000-0000-7000-8000-000000000101', surveyVersion: 1, language: 'it', channel: 'phone', startedAt: '2026-11-26T09:59:00.000Z', completedAt: '2026-11-26T10:00:00.000Z', completion: 'complete', answers: [], tooFast: false },
})
const ID_A = '01930000-0000-7000-8000-00000000a001'
const ID_B = '01930000-0000-7000-8000-00000000a002'

describe('the phone keeps its responses until the server acknowledges them', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => vi.unstubAllGlobals())

  it('queues a response once, whatever the number of taps on send', () => {
    queueResponse({ code: 'abcdefghjk', fact: fact(ID_A) })
    queueResponse({ code: 'abcdefghjk', fact: fact(ID_A) })
    expect(pendingResponses().map((p) => p.fact.id)).toEqual([ID_A])
  })

  it('keeps a response queued when the network fails, and drops it once acknowledged (accepted or duplicate)', async () => {
    queueResponse({ code: 'abcdefghjk', fact: fact(ID_A) })
    queueResponse({ code: 'abcdefghjk', fact: fact(ID_B) })
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    expect(await flushResponses()).toBe(false)
    expect(pendingResponses()).toHaveLength(2)
    const send = vi.fn().mockResolvedValue(new Response(JSON.stringify({ results: [{ id: ID_A, status: 'duplicate' }, { id: ID_B, status: 'accepted' }] }), { status: 200 }))
    vi.stubGlobal('fetch', send)
    expect(await flushResponses()).toBe(true)
    expect(pendingResponses()).toEqual([])
    const body = JSON.parse(String((send.mock.calls[0] as [string, RequestInit])[1].body)) as { responses: SurveyResponseFact[] }
    expect(body.responses.map((r) => r.id)).toEqual([ID_A, ID_B])
  })

  it('keeps a response the server could not take yet (5xx, 429, unsupported)', async () => {
    queueResponse({ code: 'abcdefghjk', fact: fact(ID_A) })
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('{}', { status: 503 })))
    expect(await flushResponses()).toBe(false)
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('{}', { status: 429 })))
    expect(await flushResponses()).toBe(false)
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify({ results: [{ id: ID_A, status: 'unsupported' }] }), { status: 200 })))
    expect(await flushResponses()).toBe(false)
    expect(pendingResponses()).toHaveLength(1)
  })

  it('remembers, on the phone only, that this survey of this event was answered', () => {
    expect(hasAnswered('e1', 's1')).toBe(false)
    markAnswered('e1', 's1')
    expect(hasAnswered('e1', 's1')).toBe(true)
    expect(hasAnswered('e2', 's1')).toBe(false)
  })

  it('picks the language the landing page asked for, else the browser\'s, else the survey\'s default', () => {
    const survey = { languages: ['it', 'en', 'ar'], defaultLanguage: 'it' }
    expect(pickLanguage(survey, 'ar', ['en-GB'])).toBe('ar')
    expect(pickLanguage(survey, 'xx', ['en-GB', 'it'])).toBe('en')
    expect(pickLanguage(survey, null, ['zh-CN'])).toBe('it')
  })
})
