import type { FixOutcome } from '../cases-api'

/** The verdict in words: never a tick on noise, and "not enough data" says what it needs. */
export const verdictNames: Record<FixOutcome['verdict'], string> = {
  improved: 'Improved',
  'no-change': 'No change yet',
  worse: 'Worse',
  'not-enough-data': 'Not enough data yet',
}

const percent = (share: number | null | undefined) =>
  share === null || share === undefined ? '–' : `${Math.round(share * 100)}%`

/**
 * One side of the comparison in words.
 *
 * @example
 * sideText({ n: 120, topBox: 0.41, interval: [0.33, 0.5] }) // '41% top box (33–50%), 120 answers'
 */
export function sideText(side: FixOutcome['before']): string {
  const interval = side.interval
    ? ` (${percent(side.interval[0])}–${percent(side.interval[1])})`
    : ''
  return `${percent(side.topBox)} top box${interval}, ${side.n} ${side.n === 1 ? 'answer' : 'answers'}`
}

export function verdictSentence(outcome: FixOutcome): string {
  const name = verdictNames[outcome.verdict]
  if (outcome.verdict === 'not-enough-data')
    return outcome.needs ? `${name}: ${outcome.needs}.` : `${name}.`
  return `${name}.`
}
