/**
 * The standard normal distribution, for p-values. simple-statistics' CDF reads a table rounded to
 * two decimals of z, so z = 1.955 and z = 1.964 would get the same p-value right at the 0.05 line;
 * these series are accurate to about 1e-14 relative, far into the tail.
 */

const twoOverSqrtPi = 2 / Math.sqrt(Math.PI)

/**
 * The complementary error function, erfc(x) = 1 − erf(x).
 *
 * @example
 * erfc(0) // 1
 * erfc(1) // ≈ 0.157299
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN
  if (x < 0) return 2 - erfc(-x)
  // Below 1.5, 1 − erf loses at most two digits; above it 100 levels of the fraction reach full
  // precision (at 1.5 it needs ~80).
  return x < 1.5 ? 1 - erfSeries(x) : erfcFraction(x)
}

/** erf(x) = 2/√π · e^(−x²) · Σ x·(2x²)ⁿ / (1·3·…·(2n+1)): every term is positive, so none cancel. */
function erfSeries(x: number): number {
  let term = x
  let sum = x
  for (let k = 1; term > sum * 1e-17; k++) {
    term *= (2 * x * x) / (2 * k + 1)
    sum += term
  }
  return twoOverSqrtPi * Math.exp(-x * x) * sum
}

/** erfc(x) = e^(−x²)/√π · 1/(x + ½/(x + 1/(x + (3/2)/(x + …)))), evaluated from the inside out. */
function erfcFraction(x: number): number {
  let f = x
  for (let k = 100; k >= 1; k--) f = x + k / 2 / f
  return (twoOverSqrtPi / 2) * (Math.exp(-x * x) / f)
}

/**
 * P(Z ≤ z) for a standard normal Z.
 *
 * @example
 * normalCdf(1.959964) // ≈ 0.975
 */
export function normalCdf(z: number): number {
  return erfc(-z / Math.SQRT2) / 2
}

/**
 * The two-sided p-value of a z statistic, P(|Z| ≥ |z|).
 *
 * @example
 * twoSidedP(1.959964) // ≈ 0.05
 * twoSidedP(-1.959964) // ≈ 0.05
 */
export function twoSidedP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2)
}
