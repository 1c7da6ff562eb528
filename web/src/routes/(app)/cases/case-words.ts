/**
 * The case pages' words (English; Spanish can follow, as the staff pages are English today): the
 * workflow's steps, severities, RCA²'s action hierarchy, and the 72-hour clock.
 */
import type { ActionStatus } from '$domain/governance/actions'
import type { CaseStatus, ReviewClock, Severity } from '$domain/governance/case'
import type { ActionType, Strength } from '$domain/governance/fixes'

export const statusNames: Record<CaseStatus, string> = {
  open: 'Open',
  investigating: 'Investigating',
  'fix-planned': 'Fix planned',
  'fix-in-place': 'Fix in place',
  measuring: 'Measuring',
  closed: 'Closed',
  dismissed: 'Dismissed',
}

/** The button that moves a case to a step: forward and back read differently. */
export const moveNames: Record<CaseStatus, { forward: string; back: string }> = {
  open: { forward: 'Reopen', back: 'Back to open' },
  investigating: { forward: 'Start the review', back: 'Back to investigating' },
  'fix-planned': { forward: 'Mark the fix planned', back: 'Back to fix planned' },
  'fix-in-place': { forward: 'Mark the fix in place', back: 'Back to fix in place' },
  measuring: { forward: 'Start measuring', back: 'Back to measuring' },
  closed: { forward: 'Close the case', back: 'Close the case' },
  dismissed: { forward: 'Dismiss', back: 'Dismiss' },
}

export const severityNames: Record<Severity, string> = {
  low: 'Low severity',
  moderate: 'Moderate severity',
  high: 'High severity',
}

export const severityOptions = [
  { value: 'low', label: 'Low: an annoyance, no harm' },
  { value: 'moderate', label: 'Moderate: a patient was let down or inconvenienced' },
  { value: 'high', label: 'High: a patient was harmed, put at risk or lost' },
] as const

export const strengthNames: Record<Strength, string> = {
  stronger: 'Stronger actions',
  intermediate: 'Intermediate actions',
  weaker: 'Weaker actions',
}

export const strengthBadges: Record<Strength, string> = {
  stronger: 'Stronger',
  intermediate: 'Intermediate',
  weaker: 'Weaker',
}

/** RCA²'s names for each action type (NPSF 2015, table 2). */
export const actionTypeNames: Record<ActionType, string> = {
  'architectural-change': 'Architectural or physical change',
  'forcing-function': 'Forcing function',
  standardisation: 'Standardised equipment or process',
  'simplified-process': 'Simplified process',
  'leadership-action': 'Tangible involvement by leadership',
  checklist: 'Checklist or cognitive aid',
  'software-change': 'Software enhancement or modification',
  staffing: 'Staffing or workload change',
  'standardised-communication': 'Standardised communication tools',
  'simulation-training': 'Simulation-based training',
  training: 'Training',
  'new-policy': 'New procedure, memo or policy',
  warning: 'Warnings and labels',
  'double-check': 'Double check',
}

export const actionStatusNames: Record<ActionStatus, string> = {
  open: 'Not started',
  doing: 'In progress',
  done: 'Done',
}

export const onlyWeakerNudge =
  'Only weaker fixes so far: RCA² recommends at least one stronger or intermediate action.'

export const rootQuestion = 'If this were corrected, would it recur?'

export const evidenceKindNames = {
  response: 'Survey comment',
  review: 'Review',
  'board-note': 'Board note',
} as const

/**
 * The 72-hour clock in words.
 *
 * @example
 * clockText({ started: false, overdue: false, hoursLeft: 31, dueAt }) // 'Review due in 31 h'
 * clockText({ started: false, overdue: true, hoursLeft: -6, dueAt }) // 'Review 6 h late'
 */
export function clockText(clock: ReviewClock): string {
  if (clock.started) return 'Review started'
  const hours = clock.hoursLeft ?? 0
  if (clock.overdue) return `Review ${Math.max(1, -hours)} h late`
  return hours < 1 ? 'Review due within the hour' : `Review due in ${hours} h`
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
