import { describe, expect, it } from 'vitest'
import {
  adviceFor,
  fetchedInWords,
} from '../../../web/src/routes/(app)/settings/review-sites/sync-words'

describe("a review sync's result in words", () => {
  it('says what a run fetched, and why some were skipped', () => {
    expect(fetchedInWords({ fetched: 12, created: 3, updated: 1, removed: 0, skipped: 1 })).toBe(
      'Fetched 12 reviews: 3 new, 1 changed, 0 removed, 1 skipped because it could not be read.',
    )
    expect(fetchedInWords({ fetched: 1, created: 0, updated: 0, removed: 2, skipped: 0 })).toBe(
      'Fetched 1 review: 0 new, 0 changed, 2 removed.',
    )
  })

  it('tells the manager what to do about each kind of error', () => {
    expect(adviceFor('google', 'reconnect')).toMatch(/Replace credentials/)
    expect(adviceFor('google', 'quota')).toMatch(/approves your project's API access/)
    expect(adviceFor('yelp', 'rate-limited')).toMatch(/next scheduled sync/)
    expect(adviceFor('facebook', 'deprecated')).toMatch(/Import \(CSV\)/)
    expect(adviceFor('yelp', 'failed')).toBeUndefined()
  })
})
