import { compositeIds, type Composite } from '../surveys'
import { countOf, withPrefix, type Counters } from './histogram'
import { enough, type Figure, type MetricOptions } from './minimum'
import { proportion, type Proportion } from './proportions'

export interface CompositeItem extends Proportion {
  questionId: string
}

export interface CompositeScore extends Figure {
  composite: Composite
  /** Mean of the answered items' top-box shares, 0..1; null when no item has answers. */
  score: number | null
  items: CompositeItem[]
}

/**
 * CG-CAHPS composite scores, the CAHPS way: each item's top-box share among those who answered it
 * (skip logic means items have different n), then the plain mean over the items that have answers,
 * so an item few people reach weighs as much as one everybody answers. `n` is the item with the most
 * answers.
 *
 * Reads `cmp.<composite>.<question>.n` and `.top`, which `counterIncrements` writes with the top box
 * of the version answered: the counters of several surveys (or versions) add up without knowing
 * their definitions, and a later change of a question's top box never rewrites the past. Only
 * composites with counted items are returned, in `compositeIds` order.
 *
 * @example
 * compositeScores(mergeCounters(months))
 * // [{ composite: 'access', n: 41, score: 0.62, enough: true, items: [...] }, …]
 */
export function compositeScores(counters: Counters, options: MetricOptions = {}): CompositeScore[] {
  return compositeIds.flatMap((composite) => {
    const prefix = `cmp.${composite}.`
    const questionIds = Object.keys(withPrefix(counters, prefix))
      .filter((name) => name.endsWith('.n'))
      .map((name) => name.slice(0, -'.n'.length))
      .sort()
    if (questionIds.length === 0) return []
    const items = questionIds.map((questionId) => ({
      questionId,
      ...proportion(
        counters[`${prefix}${questionId}.top`] ?? 0,
        counters[`${prefix}${questionId}.n`] ?? 0,
        options,
      ),
    }))
    const shares = items.flatMap((item) => (item.share === null ? [] : [item.share]))
    const n = Math.max(0, ...items.map((item) => item.n))
    return [
      {
        composite,
        n,
        enough: enough(n, options),
        score: shares.length === 0 ? null : shares.reduce((a, b) => a + b, 0) / shares.length,
        items,
      },
    ]
  })
}

/**
 * The CAHPS provider rating: the share of 9s and 10s on the 0-10 question marked
 * `measure: 'provider-rating'` (counted as `pr.v.<value>`), with its Wilson interval.
 *
 * @example
 * providerRating({ 'pr.v.10': 20, 'pr.v.9': 10, 'pr.v.6': 10 }) // { k: 30, n: 40, share: 0.75, … }
 */
export function providerRating(counters: Counters, options: MetricOptions = {}): Proportion {
  const answers = withPrefix(counters, 'pr.v.')
  return proportion(countOf(answers, [9, 10]), countOf(answers), options)
}
