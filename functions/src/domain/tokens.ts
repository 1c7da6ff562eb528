import { createHash, randomBytes } from 'node:crypto'

/** A random bearer token (session ids, invitation links): 256 bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Tokens are stored only as this hash, so a leaked table does not leak working sessions or links. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}
