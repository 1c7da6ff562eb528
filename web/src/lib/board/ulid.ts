/** Crockford's base 32, as ULIDs spell it (no I, L, O or U). */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * A new ULID: 10 characters of time (ms) and 16 of randomness from `crypto.getRandomValues`.
 * The server needs ULIDs for note, action and operation ids; a resend reuses the same one.
 *
 * @example
 * const noteId = ulid() // "01J9Z3K6Q8…"
 */
export function ulid(now: number = Date.now()): string {
  let time = ''
  let rest = Math.max(0, Math.floor(now))
  for (let i = 0; i < 10; i++) {
    time = alphabet.charAt(rest % 32) + time
    rest = Math.floor(rest / 32)
  }
  // 256 is a multiple of 32, so `byte % 32` picks every character equally often.
  let random = ''
  for (const byte of crypto.getRandomValues(new Uint8Array(16)))
    random += alphabet.charAt(byte % 32)
  return time + random
}
