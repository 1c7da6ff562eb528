import type { MomentCandidate } from './moments-api'

/** Where a story came from, as a chip says it. */
export const originLabels: Record<MomentCandidate['origin']['kind'], string> = {
  response: 'Survey comment',
  review: 'Review',
  staff: 'A colleague saw this',
}

/** A story's origin in an address (`response:2026-11.01J…`) and back. */
export const originParam = (origin: MomentCandidate['origin']) => `${origin.kind}:${origin.id}`
export const sameOrigin = (
  a: MomentCandidate['origin'],
  b: MomentCandidate['origin'] | undefined,
) => !!b && a.kind === b.kind && a.id === b.id
