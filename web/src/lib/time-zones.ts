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
