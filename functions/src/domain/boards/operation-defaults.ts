import type { Operation, OperationInput } from './operations'

/**
 * An operation as a client builds it, completed as the `Operation` schema would complete it:
 * text trimmed, defaults filled in. It validates nothing (the server parses every operation with
 * the schema); it lets the web's optimistic view run the rules without shipping zod to the
 * browser. test/unit/domain/boards/operation-defaults.test.ts holds it to `Operation.parse` for
 * every operation type, so a default changed in the schema and not here fails there.
 *
 * @example
 * withDefaults({ type: 'note.add', noteId, area: 'says', text: ' Long wait ' })
 * // { type: 'note.add', noteId, area: 'says', text: 'Long wait', colour: 'yellow', anonymous: false }
 */
export function withDefaults(input: OperationInput): Operation {
  switch (input.type) {
    case 'note.add':
      return {
        ...input,
        ...(input.text !== undefined && { text: input.text.trim() }),
        colour: input.colour ?? 'yellow',
        anonymous: input.anonymous ?? false,
      }
    case 'note.edit':
      return { ...input, text: input.text.trim() }
    case 'note.group':
      return { ...input, group: input.group === null ? null : input.group.trim() }
    case 'board.rename':
      return { ...input, title: input.title.trim(), persona: input.persona.trim() }
    case 'action.add':
      return {
        ...input,
        text: input.text.trim(),
        noteId: input.noteId ?? null,
        owner: input.owner ? { ...input.owner, name: input.owner.name.trim() } : null,
        due: input.due ?? null,
      }
    case 'action.edit':
      return {
        ...input,
        ...(input.text !== undefined && { text: input.text.trim() }),
        ...(input.owner && { owner: { ...input.owner, name: input.owner.name.trim() } }),
      }
    default:
      // Every other operation has no default and no trimmed text: its input is the operation.
      return input
  }
}
