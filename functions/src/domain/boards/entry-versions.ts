import { z } from 'zod'
import { Entry } from './history'

/**
 * The board's history outlives deploys: an entry written today is read (replayed, exported,
 * caught up on) by code of next year. Each stored entry carries two versions, its own shape's
 * (`v`) and its operation's (`opV`), because operations change more often than the entry around
 * them. Reading runs the migrations from the stored version up to the current one; the current
 * schema then checks the result. Pure, so the table of migrations is tested without a table.
 *
 * Changing a stored shape: bump the version, add a migration `{ to: <new version>, up }` that
 * turns the previous shape into the new one, and keep every earlier migration.
 */

/** One step: turns a value of version `to - 1` into version `to`. Never mutates its input. */
export interface Migration {
  to: number
  up(value: Record<string, unknown>): Record<string, unknown>
}

export interface EntryMigrations {
  /** Steps of the entry's own shape (seq, opId, actor, at, changes). */
  entry: readonly Migration[]
  /** Steps of the operation inside it (`entry.op`), by its own version. */
  op: readonly Migration[]
}

/** Today's migrations: none yet, both shapes are at version 1. */
export const entryMigrations: EntryMigrations = { entry: [], op: [] }

/** The version of a shape its migrations lead to: 1 plus one per step. */
export const latestVersion = (migrations: readonly Migration[]) =>
  migrations.reduce((latest, step) => Math.max(latest, step.to), 1)

/** The versions an entry is written with today. */
export const entryVersions = {
  entry: latestVersion(entryMigrations.entry),
  op: latestVersion(entryMigrations.op),
}

/** Stored by newer code than this (after a rollback): refused rather than misread. */
export class NewerThanKnown extends Error {
  constructor(what: string, version: number) {
    super(`A stored ${what} has version ${version}, newer than this code knows.`)
    this.name = 'NewerThanKnown'
  }
}

/**
 * Run the steps after `from`, in order.
 *
 * @example
 * upgrade({ color: 'pink' }, 1, [{ to: 2, up: ({ color, ...rest }) => ({ ...rest, colour: color }) }])
 * // { colour: 'pink' }
 */
export function upgrade(
  value: Record<string, unknown>,
  from: number,
  migrations: readonly Migration[],
  what = 'value',
): Record<string, unknown> {
  if (from > latestVersion(migrations)) throw new NewerThanKnown(what, from)
  return [...migrations]
    .sort((a, b) => a.to - b.to)
    .filter((step) => step.to > from)
    .reduce((current, step) => step.up(current), value)
}

/**
 * A stored entry (its attributes without the table's keys) in today's shape, checked by
 * `schema`. `versions` are the ones it was written with (absent: 1, as before they were stored).
 *
 * @example
 * const entry = upgradeEntry(attributes, { entry: item.v, op: item.opV })
 */
export function upgradeEntry<S extends z.ZodType = typeof Entry>(
  stored: Record<string, unknown>,
  versions: { entry?: unknown; op?: unknown },
  migrations: EntryMigrations = entryMigrations,
  schema: S = Entry as unknown as S,
): z.infer<S> {
  const entryFrom = typeof versions.entry === 'number' ? versions.entry : 1
  const opFrom = typeof versions.op === 'number' ? versions.op : 1
  const entry = upgrade(stored, entryFrom, migrations.entry, 'board entry')
  const op = entry.op
  const upgraded =
    op && typeof op === 'object'
      ? {
          ...entry,
          op: upgrade(op as Record<string, unknown>, opFrom, migrations.op, 'board operation'),
        }
      : entry
  return schema.parse(upgraded)
}
