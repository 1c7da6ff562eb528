import { rebuild, type RebuildReport } from '../store/counter-rebuild'
import type { Db } from '../store/db'
import * as practices from '../store/practices'
import type { Job } from './job'

export interface PracticeRebuild {
  practice: { id: string; name: string }
  report: RebuildReport
}

export interface CountersRebuild {
  practices: PracticeRebuild[]
  /** Practice ids asked for that the table does not hold. */
  missing: string[]
}

/**
 * Re-derive every practice's counters from its stored responses (or only `practiceIds`'), and with
 * `write` rewrite those that differ. The job behind `npm run counters:rebuild` and the scheduled
 * counter check.
 *
 * @example
 * const { practices } = await rebuildCounters(db, { write: false })
 * const differing = practices.filter(({ report }) => report.differences.length > 0)
 */
export async function rebuildCounters(
  db: Db,
  { write, practiceIds }: { write: boolean; practiceIds?: readonly string[] | undefined },
): Promise<CountersRebuild> {
  const all = await practices.listAll(db)
  const wanted = practiceIds ? all.filter((practice) => practiceIds.includes(practice.id)) : all
  const missing = (practiceIds ?? []).filter((id) => !all.some((practice) => practice.id === id))
  const rebuilt: PracticeRebuild[] = []
  // One practice at a time: each recount reads every response of the practice.
  for (const practice of wanted) {
    const report = await rebuild(db, practice.id, { write })
    rebuilt.push({ practice: { id: practice.id, name: practice.name }, report })
  }
  return { practices: rebuilt, missing }
}

/**
 * The scheduled counter check: counters that drifted from the responses (a write lost to a bug, a
 * hand edit) are rewritten. A response accepted during the short rewrite of its practice's counters
 * may be miscounted until the next run, which recounts it; a practice without differences is only
 * read.
 */
export const rebuildCountersJob: Job = {
  name: 'counters.rebuild',
  async run({ db }) {
    const { practices: rebuilt } = await rebuildCounters(db, { write: true })
    return {
      practices: rebuilt.length,
      differences: rebuilt.reduce((sum, { report }) => sum + report.differences.length, 0),
      rewritten: rebuilt.filter(({ report }) => report.rewritten).length,
    }
  },
}
