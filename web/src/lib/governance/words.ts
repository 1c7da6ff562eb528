/**
 * The governance pages' words, in one place so Spanish can follow (as `$lib/board/strings/` did
 * for the board): the workflow's statuses, RCA²'s action hierarchy, the fishbone's labels and the
 * outcome's verdicts and signals. English only for now.
 *
 * @example
 * import { statusLabels, verdictLabels } from '$lib/governance/words'
 * statusLabels['fix-planned'] // 'Fix planned'
 * verdictLabels['no-change'] // 'No change yet'
 */
import type { ActionType, CaseStatus, Severity, Strength, Verdict } from '$lib/governance-types'

export const statusLabels: Record<CaseStatus, string> = {
  open: 'Open',
  investigating: 'Investigating',
  'fix-planned': 'Fix planned',
  'fix-in-place': 'Fix in place',
  measuring: 'Measuring',
  closed: 'Closed',
  dismissed: 'Dismissed',
}

export const severityLabels: Record<Severity, string> = {
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
}

/** RCA²'s action hierarchy (NPSF 2015): stronger actions change the system, weaker ones rely on memory. */
export const strengthLabels: Record<Strength, string> = {
  stronger: 'Stronger',
  intermediate: 'Intermediate',
  weaker: 'Weaker',
}

export const actionTypeLabels: Record<ActionType, string> = {
  'architectural-change': 'Architectural or physical change',
  'forcing-function': 'Forcing function',
  standardisation: 'Standardised equipment or process',
  'simplified-process': 'Simplified process',
  'leadership-action': 'Tangible involvement by leadership',
  checklist: 'Checklist or cognitive aid',
  'software-change': 'Software change',
  staffing: 'Staffing or workload change',
  'standardised-communication': 'Standardised communication',
  'simulation-training': 'Simulation-based training',
  training: 'Training',
  'new-policy': 'New policy or memo',
  warning: 'Warning or label',
  'double-check': 'Double check',
}

export const fishboneWords = {
  /** The SVG's title. */
  title: (problem: string) => `Fishbone diagram: ${problem}`,
  /** The SVG's description, for screen readers (the list beside it has the detail). */
  description: (categories: number, causes: number, roots: number) =>
    `${count(categories, 'category', 'categories')} as bones of the fish, ${count(causes, 'cause')} on them, ${count(roots, 'root cause')} marked. The same content follows as a list.`,
  rootCause: 'Root cause',
  scroller: 'Fishbone diagram (scrolls sideways on a narrow screen)',
  /** The short line under a cause in the drawing. */
  meta: ({ whys, root }: { whys: number; root: boolean }) =>
    `${root ? 'Root cause · ' : ''}${whys === 0 ? 'no whys yet' : count(whys, 'why')}`,
  listHeading: 'Causes by category',
  noCauses: 'No causes yet',
  whysHeading: 'Why?',
  problem: 'Problem',
  notPlaced: (n: number) => `${count(n, 'cause')} in a category that is no longer there`,
  legendRoot: 'Root cause: if it were corrected, the failure would not recur',
  legendCause: 'Contributing cause',
}

export const verdictLabels: Record<Verdict, string> = {
  improved: 'Improved',
  'no-change': 'No change yet',
  worse: 'Worse',
  'not-enough-data': 'Not enough data yet',
}

export const outcomeWords = {
  chartLabel: (touchpoint: string) =>
    `Run chart of the weekly top-box share of ${touchpoint}, with the baseline median, the fix's date and, where there are enough answers, the p-chart's limits. The numbers are in the table below.`,
  topBox: 'Top-box share',
  median: 'Baseline median',
  shift: 'Shift (6+ weeks on one side of the median)',
  upper: 'Upper control limit',
  lower: 'Lower control limit',
  fixDate: 'Fix in effect',
  before: 'Before the fix',
  after: 'After the fix',
  answers: 'answers',
  tableSummary: 'The weekly numbers as a table',
  weekOf: 'Week of',
  period: 'Period',
  inShift: 'In a shift',
  yes: 'Yes',
  interval: '95% interval',
  test: 'Two-proportion test',
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}
