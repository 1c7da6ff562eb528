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
 * The scheduled counter check: it recounts every practice and logs how many counters drifted from
 * the responses (a write lost to a bug, a hand edit), but never rewrites them. A rewrite racing a
 * submission could itself miscount (the recount reads the responses before the counters are
 * replaced, so a response accepted in between would be dropped from them), and counters are what
 * the dashboards show. Fixing is `npm run counters:rebuild` with the server stopped.
 */
export const rebuildCountersJob: Job = {
  name: 'counters.check',
  async run({ db }) {
    const { practices: checked } = await rebuildCounters(db, { write: false })
    return {
      practices: checked.length,
      differences: checked.reduce((sum, { report }) => sum + report.differences.length, 0),
      drifted: checked.filter(({ report }) => report.differences.length > 0).length,
    }
  },
}
