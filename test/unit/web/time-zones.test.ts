import { describe, expect, it } from 'vitest'
import { timeZoneGroups } from '../../../web/src/lib/time-zones'

const now = new Date('2026-12-01T12:00:00Z')

describe('timeZoneGroups', () => {
  it('puts the browser’s zone and the chosen one first, then one group per region', () => {
    const groups = timeZoneGroups({ chosen: 'America/Chicago', browser: 'Europe/Madrid', now })
    expect(groups[0]).toEqual({
      label: 'Suggested',
      zones: [
        { value: 'Europe/Madrid', label: 'Madrid (GMT+1)' },
        { value: 'America/Chicago', label: 'Chicago (GMT-6)' },
      ],
    })
    const regions = groups.slice(1).map((group) => group.label)
    expect(regions).toEqual([...regions].sort((a, b) => a.localeCompare(b)))
    expect(regions).toEqual(expect.arrayContaining(['Africa', 'America', 'Asia', 'Europe']))
    // Each zone once: the suggested ones are not repeated in their region.
    const values = groups.flatMap((group) => group.zones.map((zone) => zone.value))
    expect(new Set(values).size).toBe(values.length)
    expect(values.length).toBeGreaterThan(300)
    const america = groups.find((group) => group.label === 'America')!
    expect(america.zones).toContainEqual({
      value: 'America/Argentina/Salta',
      label: 'Argentina / Salta (GMT-3)',
    })
  })

  it('finds zones by every word typed, and keeps the chosen zone whatever is typed', () => {
    const groups = timeZoneGroups({
      chosen: 'America/Chicago',
      browser: 'America/Chicago',
      search: 'new york',
      now,
    })
    expect(groups.map((group) => group.zones.map((zone) => zone.value))).toEqual([
      ['America/Chicago'],
      ['America/New_York'],
    ])
    const europe = timeZoneGroups({ chosen: 'UTC', browser: 'UTC', search: 'europe mad', now })
    expect(europe.flatMap((group) => group.zones.map((zone) => zone.value))).toEqual([
      'UTC',
      'Europe/Madrid',
    ])
  })
})
