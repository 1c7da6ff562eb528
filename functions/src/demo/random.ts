/**
 * A small seeded random source, so a demo practice can be generated again exactly: the same seed
 * gives the same numbers in the same order on every machine.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** True with probability `p`. */
  chance(p: number): boolean
  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number
  /** A standard normal draw (mean 0, standard deviation 1). */
  normal(): number
  pick<T>(items: readonly T[]): T
  /** One of the items, each as likely as its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T
  /** A Poisson draw with mean `mean` (Knuth; fine for the small means used here). */
  poisson(mean: number): number
}

/**
 * mulberry32: a 32-bit generator with a full 2^32 period, plenty for a few thousand responses.
 *
 * @example
 * const random = seeded(42)
 * random.int(1, 5) // the same number every time for seed 42
 */
export function seeded(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const random: Random = {
    next,
    chance: (p) => next() < p,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    normal: () => {
      // Box-Muller; 1 - next() keeps the logarithm away from zero.
      const u = 1 - next()
      const v = next()
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
    },
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[Math.floor(next() * items.length)]!
    },
    weighted: (items) => {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0)
      let at = next() * total
      for (const [item, weight] of items) {
        at -= weight
        if (at < 0) return item
      }
      return items[items.length - 1]![0]
    },
    poisson: (mean) => {
      const limit = Math.exp(-mean)
      let k = 0
      let p = 1
      do {
        k++
        p *= next()
      } while (p > limit)
      return k - 1
    },
  }
  return random
}
