import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'
import { Semaphore } from './semaphore'

const scryptOnPool = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>

/**
 * scrypt runs on libuv's thread pool (4 threads), which DNS look-ups, file reads and zlib share:
 * 40 sign-ups at once used to queue everything else for seconds. Two hashes at a time leave half
 * the pool free; the rest wait their turn here, in the event loop, where waiting costs nothing.
 */
export const hashingGate = new Semaphore(2)
const scrypt: typeof scryptOnPool = (...args) => hashingGate.run(() => scryptOnPool(...args))

// One of OWASP's equivalent scrypt floors (N=2^15, r=8, p=3): the CPU cost of N=2^17 in 32 MiB,
// so a small Lambda can afford it. Stored with each hash, so it can rise later.
const params = { N: 2 ** 15, r: 8, p: 3 }
const keyLength = 32

/** Hash a password as `scrypt$N$r$p$salt$hash` (base64url parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const hash = await scrypt(password.normalize('NFKC'), salt, keyLength, withMemory(params))
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64url'),
    hash.toString('base64url'),
  ].join('$')
}

/** True when the password matches the stored hash; constant-time in the comparison. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const cost = { N: Number(n), r: Number(r), p: Number(p) }
  const actual = await scrypt(
    password.normalize('NFKC'),
    Buffer.from(salt, 'base64url'),
    expected.length,
    withMemory(cost),
  )
  return timingSafeEqual(actual, expected)
}

/** A hash of a random password: compared against when the e-mail is unknown, so timing tells nothing. */
export const decoyHash = hashPassword(randomBytes(18).toString('base64url'))

function withMemory(cost: { N: number; r: number; p: number }) {
  return { ...cost, maxmem: 256 * cost.N * cost.r }
}
