import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { Forbidden, Unavailable } from '../../domain/errors'
import { originVerifyValues, secretsClient } from '../../secrets/origin-verify-secret'
import type { AppEnv } from '../env'

export const originVerifyHeader = 'x-origin-verify'

/** The values a request may carry in `x-origin-verify`. */
export interface AcceptedSecrets {
  /**
   * The values to accept now. `afterMismatch` says a request carried a value that matched none:
   * it may be a new one CloudFront began sending since the last read, so read again if allowed.
   */
  values(options?: { afterMismatch?: boolean }): Promise<readonly string[]>
}

export interface RotatingSecretsOptions {
  /** How long values read are trusted before the next request reads them again. */
  ttlMs?: number
  /** Reads at most this often, however many requests miss (a flood of bad headers included). */
  minReadIntervalMs?: number
  now?: () => number
}

/** Values are read again after five minutes: the cost is three Secrets Manager calls. */
export const originSecretsTtlMs = 5 * 60_000
/** A mismatch reads again at most once a minute per Lambda instance. */
export const originSecretsMinReadIntervalMs = 60_000

/**
 * The accepted values of a rotated secret, read through `read`, cached for `ttlMs`, and read
 * again early on a mismatch, at most once per `minReadIntervalMs`. A failed read keeps the
 * values it had: CloudFront's edges keep sending them until a rotation ends.
 *
 * @example
 * const accepted = new RotatingSecrets(originVerifyValues(client, arn))
 * await accepted.values() // read once, then from the cache
 */
export class RotatingSecrets implements AcceptedSecrets {
  private cached: readonly string[] | undefined
  private readAt = Number.NEGATIVE_INFINITY
  private triedAt = Number.NEGATIVE_INFINITY
  private reading: Promise<void> | undefined
  private readonly ttlMs: number
  private readonly minReadIntervalMs: number
  private readonly now: () => number

  constructor(
    private readonly read: () => Promise<readonly string[]>,
    options: RotatingSecretsOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? originSecretsTtlMs
    this.minReadIntervalMs = options.minReadIntervalMs ?? originSecretsMinReadIntervalMs
    this.now = options.now ?? Date.now
  }

  async values({ afterMismatch = false } = {}): Promise<readonly string[]> {
    const at = this.now()
    const mayRead = at - this.triedAt >= this.minReadIntervalMs
    const stale = at - this.readAt >= this.ttlMs
    if (this.cached === undefined || (mayRead && (stale || afterMismatch))) {
      // Concurrent requests share one read.
      this.reading ??= this.readNow(at).finally(() => (this.reading = undefined))
      await this.reading
    }
    if (this.cached === undefined) {
      throw new Unavailable('The site cannot check where requests come from. Try again shortly.')
    }
    return this.cached
  }

  private async readNow(at: number) {
    // Even with no values yet, a Lambda that cannot read them retries once per interval at most.
    if (this.cached === undefined && at - this.triedAt < this.minReadIntervalMs) return
    this.triedAt = at
    try {
      this.cached = await this.read()
      this.readAt = at
    } catch {
      // Kept: the values read last (edges still send them), or none, which `values` answers
      // with 503 until a read works. The error itself names nothing about the request.
    }
  }
}

/**
 * What `x-origin-verify` must carry, from the configuration: a fixed value (tests, a local run
 * behind a proxy), or the AWSCURRENT, AWSPENDING and AWSPREVIOUS values of the rotated secret in
 * Secrets Manager (AWS). Neither set (a local run): undefined, and every request passes.
 *
 * @example
 * originVerify(acceptedOriginSecrets(config))
 */
export function acceptedOriginSecrets(config: {
  ORIGIN_VERIFY_SECRET?: string | undefined
  ORIGIN_VERIFY_SECRET_ARN?: string | undefined
  AWS_REGION: string
}): AcceptedSecrets | undefined {
  const fixed = config.ORIGIN_VERIFY_SECRET
  if (fixed) return { values: async () => [fixed] }
  const arn = config.ORIGIN_VERIFY_SECRET_ARN
  if (arn) return new RotatingSecrets(originVerifyValues(secretsClient(config.AWS_REGION), arn))
  return undefined
}

/**
 * When origin verification is configured (in AWS), only requests carrying an accepted value,
 * i.e. those CloudFront forwarded, are served. Locally it is not, and every request passes.
 */
export function originVerify(accepted: AcceptedSecrets | undefined): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (accepted) {
      const given = c.req.header(originVerifyHeader)
      const ok =
        given !== undefined &&
        given !== '' &&
        (matchesAny(given, await accepted.values()) ||
          matchesAny(given, await accepted.values({ afterMismatch: true })))
      if (!ok) throw new Forbidden('Use the site address: the API is only served through it.')
    }
    await next()
  }
}

/**
 * Compared with every accepted value, without stopping at the first that matches, each as a
 * digest so neither where the values differ nor their length shows in the timing.
 */
function matchesAny(given: string, accepted: readonly string[]): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest()
  const sent = digest(given)
  let match = false
  for (const value of accepted) match = timingSafeEqual(sent, digest(value)) || match
  return match
}
