/**
 * What of an error may be logged: its class and the stack's frames. The message (and the stack's
 * first lines, which repeat it) is left out because lower layers quote request data in it: a
 * DynamoDB validation error names the item's values, a zod error the answer it refused.
 *
 * @example
 * logger.error({ err: errorFacts(err) }, 'unhandled error')
 * // {"err":{"class":"ValidationException","frames":["at send (…/client.js:12:3)", …]}}
 */
export function errorFacts(err: unknown): { class: string; frames: string[] } {
  if (!(err instanceof Error)) return { class: typeof err, frames: [] }
  const frames = (err.stack ?? '')
    .split('\n')
    .map((line) => line.trim())
    // V8 frames start with "at "; everything before the first one is the message, on any number of lines.
    .filter((line) => line.startsWith('at '))
  return { class: err.constructor?.name || 'Error', frames }
}
