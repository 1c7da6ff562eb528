import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * Whether a secret sent by a client (a CSRF token) equals the expected one, in time that does not
 * depend on where they first differ. Both sides are hashed first: `timingSafeEqual` needs equal
 * lengths, and comparing digests keeps the length of the secret out of the timing too.
 *
 * @example
 * sameSecret(c.req.header('x-csrf-token'), session.csrfToken) // false for a missing header
 */
export function sameSecret(sent: string | undefined, expected: string): boolean {
  if (sent === undefined) return false
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(sent), digest(expected))
}
