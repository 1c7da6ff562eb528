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

  it('runs the jobs every 5 minutes by default, never when told 0, and refuses a bad interval', () => {
    expect(readConfig({}).JOBS_INTERVAL_SECONDS).toBe(300)
    expect(readConfig({ JOBS_INTERVAL_SECONDS: '0' }).JOBS_INTERVAL_SECONDS).toBe(0)
    expect(readConfig({ JOBS_INTERVAL_SECONDS: '60' }).JOBS_INTERVAL_SECONDS).toBe(60)
    for (const bad of ['-1', 'hourly', '1.5']) {
      expect(() => readConfig({ JOBS_INTERVAL_SECONDS: bad })).toThrow(/JOBS_INTERVAL_SECONDS/)
    }
  })

  it('checks the counters hourly by default (it reads every response), never when told 0', () => {
    expect(readConfig({}).COUNTERS_CHECK_MINUTES).toBe(60)
    expect(readConfig({ COUNTERS_CHECK_MINUTES: '0' }).COUNTERS_CHECK_MINUTES).toBe(0)
    expect(() => readConfig({ COUNTERS_CHECK_MINUTES: 'often' })).toThrow(/COUNTERS_CHECK_MINUTES/)
  })

  it('keeps sign-up open on a local machine and closes it in AWS unless ALLOW_SIGNUP says so', () => {
    expect(readConfig({}).ALLOW_SIGNUP).toBe(true)
    expect(readConfig({ ALLOW_SIGNUP: 'false' }).ALLOW_SIGNUP).toBe(false)
    const inLambda = { AWS_LAMBDA_FUNCTION_NAME: 'touchpoint-http' }
    expect(readConfig(inLambda).ALLOW_SIGNUP).toBe(false)
    expect(readConfig({ ...inLambda, ALLOW_SIGNUP: 'true' }).ALLOW_SIGNUP).toBe(true)
    expect(() => readConfig({ ALLOW_SIGNUP: 'yes' })).toThrow(/ALLOW_SIGNUP/)
  })

  it('never allows demo practices in AWS, whatever ALLOW_DEMO says', () => {
    expect(readConfig({}).ALLOW_DEMO).toBe(true)
    expect(readConfig({ AWS_LAMBDA_FUNCTION_NAME: 'fn', ALLOW_DEMO: 'true' }).ALLOW_DEMO).toBe(
      false,
    )
  })

  it('ends sessions after 30 idle minutes or 12 hours by default', () => {
    expect(readConfig({})).toMatchObject({
      SESSION_IDLE_MINUTES: 30,
      SESSION_MAX_HOURS: 12,
      PASSWORD_RESET_MINUTES: 30,
    })
    expect(() => readConfig({ SESSION_IDLE_MINUTES: '0' })).toThrow(/SESSION_IDLE_MINUTES/)
  })
})
