/**
 * The summary's headline figures counted straight from answers, without counters: used by the
 * scan baseline (raw responses read back from the table) and by the loader (what it wrote), to
 * check `GET /api/analytics/summary` against both.
 */
import type { SurveyDefinition } from '../../functions/src/domain/surveys'

/** Headline figures, whichever way they were computed. */
export interface Headline {
  responses: number
  /** Answers to the likelihood-to-recommend question. */
  npsN: number
  nps: number | null
  /** Top-box share (4 or 5 of 5) of each touch point; null when none was rated. */
  topBox: Record<string, number | null>
}

/**
 * Counts responses, the `nps` question's 0-10 answers (NPS: % of 9-10 − % of 0-6) and, per touch
 * point, the answers to the 1-5 rating questions that name it and how many were 4 or 5: what the
 * counters keep as `nps.v.*` and `tp.<touchpoint>.v.*`.
 */
export class Tally {
  responses = 0
  private readonly scores = new Array<number>(11).fill(0)
  private readonly touchpoints = new Map<string, { n: number; top: number }>()
  private readonly recommend: string | undefined
  /** Question id → touch point. */
  private readonly rated: [string, string][] = []

  constructor(definition: SurveyDefinition) {
    this.recommend = definition.questions.find((q) => q.type === 'nps')?.id
    for (const q of definition.questions) {
      if (q.type === 'rating' && q.touchpoint && q.min === 1 && q.max === 5) {
        this.rated.push([q.id, q.touchpoint])
      }
    }
  }

  add(answers: Readonly<Record<string, unknown>>): void {
    this.responses++
    const score = this.recommend === undefined ? undefined : answers[this.recommend]
    if (typeof score === 'number') this.scores[score] = (this.scores[score] ?? 0) + 1
    for (const [question, touchpoint] of this.rated) {
      const value = answers[question]
      if (typeof value !== 'number') continue
      let counted = this.touchpoints.get(touchpoint)
      if (!counted) this.touchpoints.set(touchpoint, (counted = { n: 0, top: 0 }))
      counted.n++
      if (value >= 4) counted.top++
    }
  }

  /** The figures, with a top-box share for each of `touchpoints` (the summary's journey). */
  headline(touchpoints: readonly string[]): Headline {
    const npsN = this.scores.reduce((a, b) => a + b, 0)
    const promoters = this.scores[9]! + this.scores[10]!
    const detractors = this.scores.slice(0, 7).reduce((a, b) => a + b, 0)
    return {
      responses: this.responses,
      npsN,
      nps: npsN === 0 ? null : (100 * (promoters - detractors)) / npsN,
      topBox: Object.fromEntries(
        touchpoints.map((id) => {
          const counted = this.touchpoints.get(id)
          return [id, counted && counted.n > 0 ? counted.top / counted.n : null]
        }),
      ),
    }
  }
}

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) < 1e-9

/** Whether two headlines agree: the same counts, NPS and top-box shares (to 1e-9). */
export function sameHeadline(a: Headline, b: Headline): { pass: boolean; differences: string[] } {
  const differences: string[] = []
  if (a.responses !== b.responses) differences.push(`responses ${a.responses} ≠ ${b.responses}`)
  if (a.npsN !== b.npsN) differences.push(`NPS n ${a.npsN} ≠ ${b.npsN}`)
  if (!close(a.nps, b.nps)) differences.push(`NPS ${a.nps} ≠ ${b.nps}`)
  for (const id of new Set([...Object.keys(a.topBox), ...Object.keys(b.topBox)])) {
    if (!close(a.topBox[id] ?? null, b.topBox[id] ?? null)) {
      differences.push(`${id} top box ${a.topBox[id]} ≠ ${b.topBox[id]}`)
    }
  }
  return { pass: differences.length === 0, differences }
}
