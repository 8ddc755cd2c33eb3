import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/app/api/api-error'
import { syncErrorCode, syncErrorDetail } from '../../src/app/sync/sync-errors'

describe('why a sync failed, as the operator is told', () => {
  it('names each kind of failure with its own sync.errors key', () => {
    expect(syncErrorCode(new ApiError(0, 'network', 'offline'))).toBe('network')
    expect(syncErrorCode(new ApiError(200, 'bad_response', 'garbage'))).toBe('bad_response')
    expect(syncErrorCode(new ApiError(429, 'rate_limited', 'slow down'))).toBe('rate_limited')
    expect(syncErrorCode(new ApiError(500, 'internal', 'boom'))).toBe('server')
    expect(syncErrorCode(new ApiError(503, 'server', 'down'))).toBe('server')
    expect(syncErrorCode(new ApiError(499, 'closed', 'closed'))).toBe('refused')
    expect(syncErrorCode(new ApiError(413, 'too_large', 'too large'))).toBe('refused')
    expect(syncErrorCode(new Error('IndexedDB went away'))).toBe('unexpected')
    expect(syncErrorCode('a string')).toBe('unexpected')
  })

  it('keeps a short technical detail: status and code, or the message, cut to 200 characters', () => {
    expect(syncErrorDetail(new ApiError(503, 'server', 'down'))).toBe('503 server')
    expect(syncErrorDetail(new ApiError(400, 'x'.repeat(300), 'bad'))).toBe(`400 ${'x'.repeat(196)}`)
    expect(syncErrorDetail(new Error('disk gone'))).toBe('disk gone')
    expect(syncErrorDetail(new Error('y'.repeat(300)))).toBe('y'.repeat(200))
    expect(syncErrorDetail('not an error')).toBeUndefined()
  })
})
