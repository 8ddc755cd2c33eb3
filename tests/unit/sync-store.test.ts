import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/app/api/api-error'
import { enrolErrorKey } from '../../src/app/connection/sync-store'
import en from '../../src/app/i18n/locales/en.json'
import it_ from '../../src/app/i18n/locales/it.json'

describe('enrolling this tablet', () => {
  it.each([
    [new ApiError(410, 'enrolment_code_invalid', 'Unknown, used or expired code'), 'code_not_valid_here'],
    // A code for new tablets used by one the server already knows (after a revocation).
    [new ApiError(409, 'device_exists', 'This code enrols new tablets only'), 'code_not_valid_here'],
    [new ApiError(0, 'network', 'Failed to fetch'), 'network'],
    [new ApiError(429, 'rate_limited', 'Slow down'), 'rate_limited'],
    [new ApiError(502, 'server', 'HTTP 502'), 'server'],
    [new ApiError(403, 'cross_origin', 'Cross-origin request'), 'refused'],
    [new ApiError(403, 'device_revoked', 'Restore it first'), 'device_revoked'],
    [new TypeError('x is undefined'), 'unexpected'],
  ])('explains %s as sync.errors.%s, in Italian and English', (error, key) => {
    expect(enrolErrorKey(error)).toBe(key)
    expect(it_.sync.errors).toHaveProperty(key)
    expect(en.sync.errors).toHaveProperty(key)
  })
})
