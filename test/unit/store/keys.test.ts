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

  it('tells a partition of this practice from one of a practice whose id it starts with', () => {
    expect(keys.isUnderPractice(practiceId, keys.responsesOfMonth(practiceId, '2026-11'))).toBe(
      true,
    )
    expect(
      keys.isUnderPractice(practiceId, keys.responsesOfMonth(`${practiceId}x`, '2026-11')),
    ).toBe(false)
    expect(keys.isUnderPractice(practiceId, keys.practice(practiceId).pk)).toBe(false)
    expect(keys.isUnderPractice(practiceId, keys.session('hash').pk)).toBe(false)
  })

  it('counts a response for everyone, its location and its provider; a dashboard reads one scope', () => {
    expect(keys.counterScopes({})).toEqual(['all'])
    expect(keys.counterScopes({ location: 'loc1', provider: 'prov1' })).toEqual([
      'all',
      'L#loc1',
      'V#prov1',
    ])
    expect(keys.counterScope({})).toBe('all')
    expect(keys.counterScope({ location: 'loc1' })).toBe('L#loc1')
    expect(keys.counterScope({ provider: 'prov1' })).toBe('V#prov1')
  })
})
