import { describe, expect, it } from 'vitest'
import { clientAddress } from '../../src/server/http/rate-limits.js'

describe('the address a rate limit counts a client by', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::ffff:cb00:7107', '203.0.113.7'],
    ['2001:db8::1', '2001:db8::'],
    ['2001:DB8:0:0:ffff::2', '2001:db8::'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::'],
    ['2001:0db8:0001:0002::', '2001:db8:1:2::'],
    ['::1', '::'],
    ['fe80::1%eth0', 'fe80::'],
    ['1:2:3::4.5.6.7', '1:2:3::'],
    ['1:2:3:4:5:6:7.8.9.10', '1:2:3:4::'],
    ['1::5:6:7:2.3.4.5', '1:0:0:5::'],
  ])('counts %s as %s', (ip, key) => {
    expect(clientAddress(ip)).toBe(key)
  })
})
