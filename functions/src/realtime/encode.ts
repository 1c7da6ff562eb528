import type { ServerMessage } from './protocol'

const encoded = new WeakMap<ServerMessage, string>()

/**
 * A message as JSON text, made once per message object: a broadcast sends the same object to
 * everyone on the board, and fifty `JSON.stringify` calls per entry were most of its cost.
 */
export function encodeMessage(message: ServerMessage): string {
  let text = encoded.get(message)
  if (text === undefined) {
    text = JSON.stringify(message)
    encoded.set(message, text)
  }
  return text
}
