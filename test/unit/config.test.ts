import { describe, expect, it } from 'vitest'
import { readConfig } from '../../functions/src/config'

describe('configuration', () => {
  it('has working defaults for running locally', () => {
    const config = readConfig({})
    expect(config).toMatchObject({
      PORT: 8787,
      DATA_DIR: '.data',
      MAIL_MODE: 'outbox',
      COOKIE_SECURE: true,
    })
  })

  it('names the variable that is wrong', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => readConfig({ MAIL_MODE: 'pigeon' })).toThrow(/MAIL_MODE/)
  })

  it('takes a WebSocket address for boards, and nothing else', () => {
    expect(readConfig({}).BOARD_SOCKET_URL).toBeUndefined()
    expect(
      readConfig({ BOARD_SOCKET_URL: 'wss://abc.execute-api.us-east-1.amazonaws.com/live' })
        .BOARD_SOCKET_URL,
    ).toBe('wss://abc.execute-api.us-east-1.amazonaws.com/live')
    expect(() => readConfig({ BOARD_SOCKET_URL: 'https://example.test/ws' })).toThrow(
      /BOARD_SOCKET_URL/,
    )
  })

  it('runs the jobs hourly by default, never when told 0, and refuses a bad interval', () => {
    expect(readConfig({}).JOBS_INTERVAL_SECONDS).toBe(3600)
    expect(readConfig({ JOBS_INTERVAL_SECONDS: '0' }).JOBS_INTERVAL_SECONDS).toBe(0)
    expect(readConfig({ JOBS_INTERVAL_SECONDS: '60' }).JOBS_INTERVAL_SECONDS).toBe(60)
    for (const bad of ['-1', 'hourly', '1.5']) {
      expect(() => readConfig({ JOBS_INTERVAL_SECONDS: bad })).toThrow(/JOBS_INTERVAL_SECONDS/)
    }
  })
})
