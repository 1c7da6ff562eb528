import { subDays } from 'date-fns'
import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import { Gone } from '../../../functions/src/domain/errors'
import { newToken } from '../../../functions/src/domain/tokens'
import type { Db } from '../../../functions/src/store/db'
import * as invitations from '../../../functions/src/store/invitations'
import { uniqueEmail } from '../../support/api'
import { testDb } from '../../support/db'

let db: Db
beforeAll(async () => {
  db = await testDb()
})

describe('invitations in the store', () => {
  it('reports a pending invitation past its time as expired, and its link says so', async () => {
    const practiceId = ulid()
    const token = newToken()
    const now = new Date()
    await invitations.create(
      db,
      practiceId,
      {
        id: ulid(),
        email: uniqueEmail(),
        role: 'staff',
        status: 'pending',
        invitedBy: ulid(),
        createdAt: subDays(now, 8).toISOString(),
        expiresAt: subDays(now, 1).toISOString(),
      },
      token,
    )
    const [listed] = await invitations.list(db, practiceId)
    expect(listed?.status).toBe('expired')
    await expect(invitations.findByToken(db, token)).rejects.toBeInstanceOf(Gone)
  })
})
