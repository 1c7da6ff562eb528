import type { ConnectedReviewSource, ReviewSyncResult } from '$lib/api-review-sources'

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/**
 * A sync's figures in a sentence a manager reads at a glance.
 *
 * @example
 * fetchedInWords({ fetched: 12, created: 3, updated: 1, removed: 0, skipped: 1 })
 * // 'Fetched 12 reviews: 3 new, 1 changed, 0 removed, 1 skipped because it could not be read.'
 */
export function fetchedInWords(figures: ReviewSyncResult): string {
  const { fetched, created, updated, removed, skipped } = figures
  const skippedWords = skipped
    ? `, ${plural(skipped, 'skipped because it could not be read', 'skipped because they could not be read')}`
    : ''
  return `Fetched ${plural(fetched, 'review', 'reviews')}: ${created} new, ${updated} changed, ${removed} removed${skippedWords}.`
}

/** What to do about a sync's error, beside the site's own words (codes from the sync). */
export function adviceFor(source: ConnectedReviewSource, code: string): string | undefined {
  if (code === 'reconnect') {
    return 'The site no longer accepts the saved credentials. Enter new ones under "Replace credentials" to reconnect.'
  }
  if (code === 'quota' && source === 'google') {
    return "Google allows no calls until it approves your project's API access application (step 3 of the guide). Syncs work once the approval e-mail arrives."
  }
  if (code === 'quota' || code === 'rate-limited') {
    return 'The site limits how often it may be asked. The next scheduled sync tries again.'
  }
  if (code === 'deprecated') {
    return 'This site no longer gives these reviews to apps. Use Import (CSV) instead.'
  }
  if (code === 'not-found') {
    return 'Check the place ids below: the site does not know one of them.'
  }
  return undefined
}
