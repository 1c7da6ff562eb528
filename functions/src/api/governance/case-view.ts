import { themes } from '../../../../workshops'
import { lastPeriods } from '../../domain/analytics/periods'
import type { CaseAction } from '../../domain/governance/actions'
import { emptyAnalysis } from '../../domain/governance/analysis'
import { reviewClock, type Case } from '../../domain/governance/case'
import { onlyWeakerFixes } from '../../domain/governance/fixes'
import type { Practice } from '../../domain/practice'
import * as caseParts from '../../store/case-parts'
import * as counters from '../../store/counters'
import type { Db } from '../../store/db'
import * as actions from '../../store/governance-actions'
import * as fixes from '../../store/governance-fixes'
import * as users from '../../store/users'
import { todayOf } from './checks'

/** How far back "how often do unhappy patients mention it" looks: a quarter, as dashboards do. */
export const supportWeeks = 13

/** The case as every answer gives it: with its 72-hour clock. */
export const caseView = (kase: Case, now = new Date()) => ({
  ...kase,
  clock: reviewClock(kase, now),
})

/** The theme a case is about: its own, else the first theme of its touch point. */
export const themeOfCase = (kase: Pick<Case, 'themeId' | 'touchpointId'>) =>
  kase.themeId ?? themes.find((theme) => theme.touchpoint === kase.touchpointId)?.id ?? null

/**
 * How often the practice's unhappy patients mention the case's theme, week by week over the last
 * 13 weeks: one Query of the practice-wide (`*`, all scopes) weekly counters, whatever the number
 * of responses behind them.
 */
export async function themeSupport(
  db: Db,
  practice: Pick<Practice, 'id' | 'timeZone'>,
  themeId: string | null,
  today: string,
) {
  const range = lastPeriods(today, 'week', supportWeeks)
  const rows = await counters.readRange(db, practice.id, {
    surveyId: '*',
    period: 'W',
    scope: 'all',
    first: range.periods[0]!,
    last: range.periods.at(-1)!,
  })
  const byWeek = new Map(rows.map((row) => [row.start, row.values]))
  const weeks = range.periods.map((week) => {
    const values = byWeek.get(week) ?? {}
    return {
      week,
      negative: values['sent.negative'] ?? 0,
      mentions: themeId ? (values[`th.${themeId}.neg`] ?? 0) : 0,
    }
  })
  const negative = weeks.reduce((sum, week) => sum + week.negative, 0)
  const mentions = weeks.reduce((sum, week) => sum + week.mentions, 0)
  return { themeId, weeks, negative, mentions, share: negative > 0 ? mentions / negative : null }
}

/** Actions with their owner's name (as they are called now) and whether they are overdue. */
export async function actionViews(db: Db, practiceId: string, list: CaseAction[], today: string) {
  const names = new Map((await users.list(db, practiceId)).map((user) => [user.id, user.name]))
  return list.map((action) => ({
    ...action,
    ownerName: names.get(action.ownerId) ?? 'Former colleague',
    overdue: action.status !== 'done' && action.dueOn < today,
  }))
}

/**
 * Everything the case's page shows: the case and its clock, its analysis (or the empty one with
 * the default bones), evidence, fixes (with the weaker-only nudge), actions and its support.
 *
 * @example
 * const detail = await caseDetail(db, practice, kase)
 * detail.support.patients // 3
 */
export async function caseDetail(db: Db, practice: Practice, kase: Case, now = new Date()) {
  const today = todayOf(practice, now)
  const [parts, caseFixes, caseActions] = await Promise.all([
    caseParts.partsOf(db, practice.id, kase.id),
    fixes.listOfCase(db, practice.id, kase.id),
    actions.listOfCase(db, practice.id, kase.id),
  ])
  const [support, actionList] = await Promise.all([
    themeSupport(db, practice, themeOfCase(kase), today),
    actionViews(db, practice.id, caseActions, today),
  ])
  return {
    ...caseView(kase, now),
    analysis: parts.analysis ?? emptyAnalysis(),
    evidence: parts.evidence,
    fixes: caseFixes,
    onlyWeakerFixes: onlyWeakerFixes(caseFixes),
    actions: actionList,
    support: {
      patients: parts.evidence.filter((item) => item.patientWords).length,
      ...support,
    },
  }
}
