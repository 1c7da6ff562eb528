import type { ZxcvbnFactory } from '@zxcvbn-ts/core'

/**
 * Why a new password is refused, or undefined when it is fine. NIST SP 800-63B asks verifiers to
 * refuse passwords found in lists of common or breached ones, repetitive or sequential ones and
 * ones made of the service's or the person's own words; zxcvbn matches its ~40,000 common
 * passwords, English words, names, keyboard walks, repeats, sequences and dates, and `userWords`
 * (the person's name and e-mail, the practice's name) count as known words. Scores below 3
 * ("safely unguessable: moderate protection from offline slow-hash attacks") are refused.
 *
 * @example
 * await passwordWeakness('password1234', []) // 'This is similar to a commonly used password. …'
 * await passwordWeakness('tranquil-otter-93-lamp', ['dana@clinic.test']) // undefined
 */
export async function passwordWeakness(
  password: string,
  userWords: string[],
): Promise<string | undefined> {
  return (await passwordStrength(password, userWords)).reason
}

/**
 * zxcvbn's score (0-4) with the reason a password is refused, if it is: what a meter beside a
 * new-password field shows while the person types, by the same rule as `passwordWeakness`.
 *
 * @example
 * await passwordStrength('password1234', []) // { score: 0, reason: 'This is similar to …' }
 * await passwordStrength('tranquil-otter-93-lamp', []) // { score: 4 }
 */
export async function passwordStrength(
  password: string,
  userWords: string[],
): Promise<{ score: number; reason?: string }> {
  if (password.trim() === '') return { score: 0, reason: 'A password cannot be only spaces.' }
  const result = await (await estimator()).check(password, userWords.flatMap(wordsOf))
  if (result.score >= minimumScore) return { score: result.score }
  const why = result.feedback.warning ?? 'This password is too easy to guess.'
  const hint = result.feedback.suggestions[0] ?? 'Add a few more uncommon words.'
  return { score: result.score, reason: `${why} ${hint}` }
}

/** zxcvbn's 0-4 scale; 3 = about 10^8 guesses or more. */
export const minimumScore = 3

// The dictionaries are about 1.5 MB of JavaScript: loaded on the first password checked, once per
// process, never at cold start (sign-in does not need them).
let loading: Promise<ZxcvbnFactory> | undefined
function estimator(): Promise<ZxcvbnFactory> {
  loading ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
      }),
  )
  return loading
}

/** "dana.whitfield@clinic.test" → its parts too, so "whitfield2026!" counts as her own word. */
function wordsOf(text: string): string[] {
  const lower = text.toLowerCase()
  return [lower, ...lower.split(/[^\p{L}\p{N}]+/u).filter((part) => part.length >= 3)]
}
