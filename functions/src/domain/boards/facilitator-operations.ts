import type { OperationType } from './operations'

/**
 * Operations only the facilitator (or an owner or manager) may send. Its own module, free of zod,
 * so the web's optimistic view can run the rules without the schemas.
 *
 * @example
 * if (facilitatorOperations.has(op.type) && !actor.facilitator) throw new Forbidden('…')
 */
export const facilitatorOperations: ReadonlySet<OperationType> = new Set([
  'board.step',
  'board.timer',
  'board.hide',
  'board.lock',
  'board.archive',
  'board.anonymous',
  'board.votes',
  'board.hideVotes',
  'board.rename',
])
