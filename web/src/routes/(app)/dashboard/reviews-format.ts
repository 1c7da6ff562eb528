/** How the reviews panel names sites and writes stars. */

const siteNames: Record<string, string> = {
  google: 'Google',
  yelp: 'Yelp',
  facebook: 'Facebook',
  healthgrades: 'Healthgrades',
  vitals: 'Vitals',
  zocdoc: 'Zocdoc',
}

/** A site's name: `healthgrades` → "Healthgrades"; an unknown slug gets its first letter raised. */
export const siteName = (source: string) =>
  siteNames[source] ?? source.charAt(0).toUpperCase() + source.slice(1).replaceAll('-', ' ')

/** Mean stars with one decimal ("4.3"), or a dash when nothing was rated. */
export const starsText = (value: number | null) => (value === null ? '—' : value.toFixed(1))

export const notEnoughReviews = 'Not enough reviews yet'
