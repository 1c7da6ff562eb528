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
})
