import type { Question } from './surveys'

/** A practice's provider as a "Who did you see today?" question offers them. */
export interface ProviderChoice {
  id: string
  name: string
  title: string
}

/**
 * Whether a patient is asked "Who did you see today?": only when the answer is not known already.
 * A link that names one of the practice's providers answers it; a practice with one provider
 * needs no choice (see `soleProvider`); one with none has nobody to offer.
 *
 * @example
 * asksWhoWasSeen({ team: [ames, brook] }) // true
 * asksWhoWasSeen({ team: [ames, brook], linkProvider: ames.id }) // false
 * asksWhoWasSeen({ team: [ames] }) // false
 */
export function asksWhoWasSeen({
  team,
  linkProvider,
}: {
  team: readonly Pick<ProviderChoice, 'id'>[]
  linkProvider?: string | undefined
}): boolean {
  if (team.length < 2) return false
  return !(linkProvider && team.some((provider) => provider.id === linkProvider))
}

/**
 * The questions the patient page shows: the survey's, less a provider question whose answer is
 * already known (see `asksWhoWasSeen`).
 *
 * @example
 * servedQuestions(definition.questions, { team, linkProvider: url.provider })
 */
export function servedQuestions(
  questions: readonly Question[],
  who: Parameters<typeof asksWhoWasSeen>[0],
): Question[] {
  const ask = asksWhoWasSeen(who)
  return questions.filter((question) => question.type !== 'provider' || ask)
}

/**
 * The provider a response counts for when its survey asks who was seen but neither the link nor
 * the patient said: the practice's only provider, who was not asked about for that reason.
 *
 * @example
 * soleProvider(definition.questions, [ames]) // ames.id
 * soleProvider(definition.questions, [ames, brook]) // undefined
 */
export function soleProvider(
  questions: readonly Question[],
  team: readonly Pick<ProviderChoice, 'id'>[],
): string | undefined {
  if (!questions.some((question) => question.type === 'provider')) return undefined
  return team.length === 1 ? team[0]!.id : undefined
}
