/** The browser's own zone, which is the practice's zone far more often than not. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/**
 * IANA zones for a select, with `include` (the browser's or the saved zone) added when Intl
 * leaves it out: Intl lists canonical zones only, so `UTC` is missing from the list.
 */
export function timeZoneOptions(...include: string[]): { value: string; label: string }[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'))
  for (const zone of include) if (zone) zones.add(zone)
  return [...zones]
    .sort((a, b) => a.localeCompare(b))
    .map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))
}

export interface ZoneOption {
  value: string
  /** "Chicago (GMT-6)": the place people look for, then the offset they know it by. */
  label: string
}

export interface ZoneGroup {
  /** "Suggested", then the regions: "Africa", "America", … */
  label: string
  zones: ZoneOption[]
}

/** "America/Argentina/Buenos_Aires" → "Argentina / Buenos Aires", with its offset today. */
function zoneLabel(zone: string, now: Date): string {
  const place = zone.includes('/') ? zone.split('/').slice(1).join(' / ') : zone
  const offset =
    new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(now)
      .find((part) => part.type === 'timeZoneName')?.value ?? ''
  return `${place.replaceAll('_', ' ')}${offset && offset !== place ? ` (${offset})` : ''}`
}

/**
 * Some 400 IANA zones, made findable: the browser's and the chosen zone first ("Suggested"), then
 * one group per region in alphabetical order. `search` keeps the zones whose name or region holds
 * every word of it ("buenos", "new york", "europe mad"); the chosen zone always stays, so the
 * select never silently changes its value.
 *
 * @example
 * timeZoneGroups({ chosen: 'America/Chicago', browser: 'Europe/Madrid' })[0]
 * // { label: 'Suggested', zones: [{ value: 'Europe/Madrid', label: 'Madrid (GMT+1)' }, …] }
 */
export function timeZoneGroups(options: {
  chosen: string
  browser: string
  search?: string
  now?: Date
}): ZoneGroup[] {
  const { chosen, browser, search = '', now = new Date() } = options
  const words = search
    .toLocaleLowerCase()
    .replaceAll('_', ' ')
    .split(/[\s/]+/)
    .filter(Boolean)
  const matches = (zone: string) => {
    const haystack = zone.toLocaleLowerCase().replaceAll('_', ' ').replaceAll('/', ' ')
    return words.every((word) => haystack.includes(word))
  }
  const option = (zone: string) => ({ value: zone, label: zoneLabel(zone, now) })
  const suggested = [...new Set([browser, chosen].filter(Boolean))]
  const groups: ZoneGroup[] = [
    { label: 'Suggested', zones: suggested.filter((z) => z === chosen || matches(z)).map(option) },
  ]
  const byRegion = new Map<string, ZoneOption[]>()
  for (const { value } of timeZoneOptions(chosen, browser)) {
    if (suggested.includes(value) || !matches(value)) continue
    const region = value.includes('/') ? value.split('/')[0]! : 'Other'
    byRegion.set(region, [...(byRegion.get(region) ?? []), option(value)])
  }
  for (const [label, zones] of [...byRegion].sort(([a], [b]) => a.localeCompare(b))) {
    groups.push({ label, zones })
  }
  return groups.filter((group) => group.zones.length > 0)
}
