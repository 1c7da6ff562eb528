import { describe, expect, it } from 'vitest'
import { createLogger } from '../../../functions/src/api/logger'

describe('the logger and review-site credentials', () => {
  it('redacts every credential field a connection carries, should one be logged by mistake', () => {
    const lines: string[] = []
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) })
    const connection = {
      clientId: 'client-id-value',
      clientSecret: 'client-secret-value',
      refreshToken: 'refresh-token-value',
      apiKey: 'api-key-value',
      pageAccessToken: 'page-token-value',
      accessToken: 'access-token-value',
      accountId: 'accounts/1',
    }
    logger.info({ connection }, 'connected')
    const text = lines.join('\n')
    for (const [field, value] of Object.entries(connection)) {
      if (field === 'accountId') expect(text).toContain(value)
      else expect(text, field).not.toContain(value)
    }
  })
})
