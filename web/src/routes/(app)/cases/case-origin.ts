import type { CaseOrigin } from '$domain/governance/case'

/**
 * A case's origin in an address and back: `response:2026-11.01J…`, `review:2026-11.01J…`, or
 * `board-action:<boardId>.<actionId>`, as the "Open a case" links write it.
 *
 * @example
 * readOrigin('board-action:01JBOARD….01JACTION…') // { kind: 'board-action', id: '01JACTION…', boardId: '01JBOARD…' }
 */
export function readOrigin(param: string | null): CaseOrigin | undefined {
  const match = /^(response|review|board-action):(.+)$/.exec(param ?? '')
  if (!match) return undefined
  const [, kind, rest] = match as unknown as [string, CaseOrigin['kind'], string]
  if (kind !== 'board-action') return { kind, id: rest }
  const [boardId, id] = rest.split('.')
  return boardId && id ? { kind, id, boardId } : undefined
}

export function originParam(origin: CaseOrigin): string {
  return origin.kind === 'board-action'
    ? `board-action:${origin.boardId}.${origin.id}`
    : `${origin.kind}:${origin.id}`
}

export const sameOrigin = (a: CaseOrigin | undefined, b: CaseOrigin) =>
  !!a && a.kind === b.kind && a.id === b.id

export const originNames: Record<CaseOrigin['kind'], string> = {
  response: 'a survey response',
  review: 'a review',
  'board-action': 'a workshop board’s follow-up action',
}
