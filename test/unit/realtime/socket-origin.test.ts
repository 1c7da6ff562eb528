import { describe, expect, it } from 'vitest'
import { socketOriginAllowed } from '../../../functions/src/realtime/socket-origin'

describe('socketOriginAllowed', () => {
  it.each([
    // [origin, allowed, expected]
    ['https://tp.example', { publicUrl: 'https://tp.example/' }, true],
    ['https://evil.example', { publicUrl: 'https://tp.example' }, false],
    ['http://tp.example', { publicUrl: 'https://tp.example' }, false],
    ['https://tp.example:8443', { publicUrl: 'https://tp.example' }, false],
    ['http://localhost:5300', { host: 'localhost:5300' }, true],
    ['http://192.168.1.20:5300', { host: '192.168.1.20:5300' }, true],
    ['http://evil.example', { host: 'localhost:5300' }, false],
    ['null', { host: 'localhost:5300' }, false],
    ['https://tp.example', {}, false],
    [undefined, { publicUrl: 'https://tp.example' }, true],
  ] as const)('%s with %o → %s', (origin, allowed, expected) => {
    expect(socketOriginAllowed(origin, allowed)).toBe(expected)
  })
})
