import type { Context } from 'hono'
import { addressBucket } from '../domain/address-bucket'
import { TooManyRequests } from '../domain/errors'
import type { User } from '../domain/practice'
import { countOf } from '../domain/plural'
import { hashToken } from '../domain/tokens'
import * as throttle from '../store/throttle'
import * as users from '../store/users'
import type { AppEnv } from './env'
import { publicOrigin } from './public-origin'

const windowSeconds = 15 * 60
/**
 * Wrong passwords for one account from one network (an address, or an IPv6 /64) per window.
 * Counted per pair, so a stranger's guesses slow down only the stranger: the account's owner
 * signing in from anywhere else is never refused because of them.
 */
const perPair = 10
/** Attempts from one network per window, over every account (spraying one password at many). */
const perNetwork = 100
/** Failures for one account from anywhere in a window before its practice's owners are told. */
export const alertAfter = 10

export interface SignInAttempt {
  /** The password was right: the attempt is given back. */
  succeeded(): Promise<void>
  /** The password was wrong (or the account unknown): counted, and owners told when it repeats. */
  failed(user: Pick<User, 'id' | 'practiceId' | 'name'> | undefined): Promise<void>
}

/**
 * Reserve one sign-in attempt for this e-mail from this caller's network BEFORE the password is
 * hashed: the reservation is a conditional write, so parallel guesses cannot overrun the limit.
 * Throws 429 (with Retry-After) when this pair or this network has used up its window.
 */
export async function reserveSignIn(c: Context<AppEnv>, email: string): Promise<SignInAttempt> {
  const db = c.var.db
  const network = addressBucket(c.var.deps.clientAddress?.(c))
  // Neither the e-mail nor the address is ever in a key in clear.
  const pair = {
    scope: 'signin-pair',
    subject: hashToken(`${email}\n${network}`),
    max: perPair,
    windowSeconds,
  }
  const fromNetwork = {
    scope: 'signin-network',
    subject: hashToken(network),
    max: perNetwork,
    windowSeconds,
  }
  const startedAt = Date.now()
  const refuse = (wait: number) => {
    const minutes = Math.ceil(wait / 60)
    return new TooManyRequests(
      `Too many sign-in attempts from this network. Try again in ${countOf(minutes, 'minute')}, or reset your password.`,
      wait,
    )
  }
  const pairWait = await throttle.reserve(db, pair, startedAt)
  if (pairWait > 0) throw refuse(pairWait)
  const networkWait = await throttle.reserve(db, fromNetwork, startedAt)
  if (networkWait > 0) {
    await throttle.release(db, pair, startedAt)
    throw refuse(networkWait)
  }
  return {
    async succeeded() {
      await Promise.all([
        throttle.release(db, pair, startedAt),
        throttle.release(db, fromNetwork, startedAt),
      ])
    },
    async failed(user) {
      if (!user) return
      const { hits, resetAt } = await throttle.hit(
        db,
        'signin-account',
        hashToken(email),
        windowSeconds,
        startedAt,
      )
      // Exactly at the threshold: one e-mail per window, however many failures follow.
      if (hits === alertAfter) await alertOwners(c, user, resetAt)
    },
  }
}

async function alertOwners(
  c: Context<AppEnv>,
  user: Pick<User, 'id' | 'practiceId' | 'name'>,
  windowEnd: Date,
) {
  const since = new Date(windowEnd.getTime() - windowSeconds * 1000)
  const when = `between ${clock(since)} and ${clock(new Date())} UTC on ${since.toISOString().slice(0, 10)}`
  const owners = await users.owners(c.var.db, user.practiceId)
  const link = `${publicOrigin(c)}/settings/team`
  await Promise.all(
    owners.map((owner) =>
      c.var.deps.mailer.send({
        practiceId: user.practiceId,
        to: owner.email,
        subject: `Repeated failed sign-ins to ${user.name}'s Touchpoint account`,
        text:
          `Hello ${owner.name},\n\nThere were ${alertAfter} failed sign-in attempts to ` +
          `${user.name}'s account ${when}. Each network is slowed down after repeated wrong ` +
          `passwords, and the right password keeps working from everywhere else.\n\nIf ` +
          `${user.name} was not trying to sign in, someone may be guessing their password: ask ` +
          `them to choose a long, uncommon one (Account in the menu), or use "Forgot your ` +
          `password?" on the sign-in page. Your team: ${link}\n`,
        link,
      }),
    ),
  )
  // Ids only: no e-mail, name or address in the log.
  c.var.log.warn(
    { practiceId: user.practiceId, userId: user.id, failures: alertAfter, owners: owners.length },
    'repeated failed sign-ins; owners told',
  )
}

const clock = (date: Date) => date.toISOString().slice(11, 16)
