import { describe, expect, it } from 'vitest'
import * as keys from '../../../functions/src/store/keys'

const practiceId = '01ARZ3NDEKTSV4RRFFQ69G5FAV'
const otherId = '01BX5ZZKBKACTAV9WEVGEMMVRZ'

describe('keys', () => {
  it("puts every practice item in the practice's own partition", () => {
    const practiceKeys = [
      keys.practice(practiceId),
      keys.user(practiceId, otherId),
      keys.location(practiceId, otherId),
      keys.provider(practiceId, otherId),
      keys.invitation(practiceId, otherId),
      keys.outboxMessage(practiceId, otherId),
    ]
    for (const key of practiceKeys) expect(key.pk).toBe(`P#${practiceId}`)
    for (const list of [
      keys.users,
      keys.locations,
      keys.providers,
      keys.invitations,
      keys.outbox,
    ]) {
      expect(list(practiceId).pk).toBe(`P#${practiceId}`)
    }
  })

  it('gives each kind of practice item its own sort-key prefix, so listings never mix', () => {
    const prefixes = [
      keys.users,
      keys.locations,
      keys.providers,
      keys.invitations,
      keys.outbox,
    ].map((list) => list(practiceId).skPrefix)
    for (const prefix of prefixes) {
      expect(prefixes.filter((other) => other !== prefix && other.startsWith(prefix))).toEqual([])
    }
    expect(keys.practice(practiceId).sk.startsWith(prefixes[0]!)).toBe(false)
  })

  it('keeps global lookups out of any practice partition', () => {
    for (const key of [
      keys.emailLookup('a@b.test'),
      keys.session('hash'),
      keys.invitationToken('hash'),
    ]) {
      expect(key.pk.startsWith('P#')).toBe(false)
    }
  })
})
