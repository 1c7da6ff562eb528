import { Throttled } from '../domain/errors'
import { cancellationReasons } from './items'

/** The names DynamoDB (and the SDK after its own retries) gives a request it throttled. */
const throttlingNames = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'Throttling',
])

/**
 * The domain error a DynamoDB SDK error stands for, or the error itself. Only throttling is
 * translated here: a transaction cancelled because one of its items was throttled is too, unless
 * a condition also failed (that answer, e.g. a replayed idempotency key, is the caller's to read).
 *
 * @example
 * translateSdkError(new ProvisionedThroughputExceededException({ … })) // Throttled (503)
 */
export function translateSdkError(err: unknown): unknown {
  if (!(err instanceof Error)) return err
  if (throttlingNames.has(err.name)) return new Throttled()
  const reasons = cancellationReasons(err)
  if (
    reasons?.some(
      (code) => code === 'ThrottlingError' || code === 'ProvisionedThroughputExceeded',
    ) &&
    !reasons.includes('ConditionalCheckFailed')
  ) {
    return new Throttled()
  }
  return err
}
