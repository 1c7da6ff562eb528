import { describe, expect, it } from 'vitest'
import {
  latestVersion,
  upgrade,
  type Migration,
} from '../../../../functions/src/domain/boards/entry-versions'

const renameColour: Migration = {
  to: 2,
  up: ({ colour, ...rest }) => ({ ...rest, tint: colour }),
}
const addGroup: Migration = { to: 3, up: (value) => ({ group: null, ...value }) }
const steps = [addGroup, renameColour] // out of order on purpose: they run by version

describe('upgrade', () => {
  it.each([
    // [stored, from, expected]
    [{ colour: 'pink' }, 1, { tint: 'pink', group: null }],
    [{ tint: 'pink' }, 2, { tint: 'pink', group: null }],
    [{ tint: 'pink', group: 'Parking' }, 3, { tint: 'pink', group: 'Parking' }],
  ])('%o from version %i', (stored, from, expected) => {
    const frozen = Object.freeze({ ...stored })
    expect(upgrade(frozen, from, steps)).toEqual(expected)
    expect(frozen).toEqual(stored) // never mutated
  })

  it('refuses a version newer than its migrations reach', () => {
    expect(() => upgrade({}, 4, steps, 'board entry')).toThrow(
      'A stored board entry has version 4, newer than this code knows.',
    )
  })

  it('counts the latest version from the steps (1 with none)', () => {
    expect(latestVersion([])).toBe(1)
    expect(latestVersion(steps)).toBe(3)
  })
})
