import type { z } from 'zod'
import type { Key } from './keys'

/** Attributes the store adds to every item; never part of the domain object read back. */
const storeAttributes = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'v', 'kind'])

/**
 * Parse an item read from the table into its domain shape. Stored shapes carry a version `v`;
 * `upgrade` moves an older shape to the current one, so old items keep working after a change.
 */
export function fromItem<S extends z.ZodType>(
  schema: S,
  item: Record<string, unknown>,
  upgrade: (item: Record<string, unknown>, version: number) => Record<string, unknown> = (i) => i,
): z.infer<S> {
  const version = typeof item.v === 'number' ? item.v : 1
  const data: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(upgrade(item, version))) {
    if (!storeAttributes.has(name)) data[name] = value
  }
  return schema.parse(data)
}

/** An item to write: its key, its kind (for humans reading the table) and shape version. */
export function toItem(key: Key, kind: string, data: object, version = 1): Record<string, unknown> {
  return { ...key, kind, v: version, ...data }
}

/**
 * The reason codes of a cancelled TransactWriteItems, one per item in the order sent (`None` for an
 * item that was fine), or undefined when `err` is not a cancellation. The SDK and DynamoDB Local
 * both put them on the error itself; this is the one place that reads them.
 */
export function cancellationReasons(err: unknown): (string | undefined)[] | undefined {
  if (!(err instanceof Error) || err.name !== 'TransactionCanceledException') return undefined
  const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons
  return (reasons ?? []).map((reason) => reason?.Code)
}

/** True when a TransactWriteItems was cancelled because the condition of item `index` failed. */
export function conditionFailedAt(err: unknown, index: number): boolean {
  return cancellationReasons(err)?.[index] === 'ConditionalCheckFailed'
}

/** True when a TransactWriteItems was cancelled and any item's reason is one of `codes`. */
export function cancelledBecause(err: unknown, ...codes: string[]): boolean {
  return (
    cancellationReasons(err)?.some((code) => code !== undefined && codes.includes(code)) ?? false
  )
}

export const nowIso = () => new Date().toISOString()
export const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000)

/** `SET a = :a, b = :b` for the defined entries of `changes`, with its names and values. */
export function setExpression(changes: Record<string, unknown>) {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined)
  return {
    empty: entries.length === 0,
    UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#f${i}`, name])),
    ExpressionAttributeValues: Object.fromEntries(entries.map(([, value], i) => [`:v${i}`, value])),
  }
}

export function isConditionFailure(err: unknown): boolean {
  return err instanceof Error && err.name === 'ConditionalCheckFailedException'
}
