import { TZDate } from '@date-fns/tz'
import { ulid } from 'ulid'
import { caseEvidenceOf } from '../api/governance/evidence-source'
import { line } from '../api/governance/checks'
import { addDays } from '../domain/analytics/periods'
import { dayOf } from '../domain/calendar'
import type { CaseAction } from '../domain/governance/actions'
import { analysisChange } from '../domain/governance/analysis-diff'
import { emptyAnalysis, type Analysis, type Cause } from '../domain/governance/analysis'
import {
  checkTransition,
  type Case,
  type CaseStatus,
  type NewCase,
} from '../domain/governance/case'
import { caseChange } from '../domain/governance/case-change'
import type { Fix, NewFix } from '../domain/governance/fixes'
import type { Practice, User } from '../domain/practice'
import * as caseParts from '../store/case-parts'
import type { Db } from '../store/db'
import * as actions from '../store/governance-actions'
import * as cases from '../store/governance-cases'
import * as fixes from '../store/governance-fixes'
import type { PickedWords } from './governance-picks'

/**
 * Writes one demo case the way the committee would have through the API, back-dated: each step
 * goes through the same store function and the same domain rules as its route (the workflow's
 * `checkTransition`, `caseChange`, `analysisChange`), with the history line the route writes,
 * signed by the demo person who did it at the time they did it. So the case's trail, the origin's
 * claim and the reminder job's `ACTIONDUE#` entries are exactly what the API leaves.
 */

const kindWords = { response: 'patient comment', review: 'review' } as const
const quoted = (title: string) => `“${title.length > 80 ? `${title.slice(0, 79)}…` : title}”`

/** A demo person's moment: a wall-clock time on a day in the practice's zone. */
export function atOn(day: string, hours: number, minutes: number, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new TZDate(y, m - 1, d, hours, minutes, timeZone).getTime()
}

export class CaseWriter {
  private kase!: Case
  private readonly fixDays: string[] = []

  constructor(
    private readonly db: Db,
    private readonly practice: Practice,
  ) {}

  get id(): string {
    return this.kase.id
  }

  private iso = (at: number) => new Date(at).toISOString()
  private today = (at: number) => dayOf(new Date(at), this.practice.timeZone)

  /** Open the case, from `origin` (its words become the first evidence) or by hand. */
  async open(by: User, at: number, body: Omit<NewCase, 'origin'>, origin?: PickedWords) {
    const iso = this.iso(at)
    this.kase = {
      ...body,
      ...(origin && { origin: { kind: origin.kind, id: origin.id } }),
      id: ulid(at),
      version: 1,
      status: 'open',
      openedAt: iso,
      openedBy: by.id,
      updatedAt: iso,
    }
    const first = origin && (await this.evidenceOf(origin, by, iso))
    const opened = origin ? `Case opened from a ${origin.kind}` : 'Case opened'
    await cases.create(this.db, this.practice.id, this.kase, line(by, iso, 'case', opened), first)
  }

  private evidenceOf(words: PickedWords, by: User, iso: string) {
    return caseEvidenceOf(this.db, this.practice, { kind: words.kind, id: words.id }, by.id, iso)
  }

  /** Link more patients' words, one history line each, as `POST /cases/{id}/evidence` does. */
  async link(by: User, at: number, words: readonly PickedWords[]) {
    for (const [i, item] of words.entries()) {
      const iso = this.iso(at + i * 60_000)
      const evidence = await this.evidenceOf(item, by, iso)
      const said = `Evidence linked: ${kindWords[item.kind]}`
      await caseParts.link(
        this.db,
        this.practice.id,
        this.id,
        evidence,
        line(by, iso, 'evidence', said),
      )
    }
  }

  /** One step along the workflow, refused exactly as the route refuses it. */
  async move(by: User, at: number, status: CaseStatus) {
    const iso = this.iso(at)
    const first = [...this.fixDays].sort()[0]
    checkTransition(this.kase.status, status, {
      fixes: this.fixDays.length,
      ...(first && { firstFixEffectiveOn: first }),
      today: this.today(at),
    })
    const { next, what, change } = caseChange(this.kase, { status }, iso)
    this.kase = await cases.replace(
      this.db,
      this.practice.id,
      this.kase,
      next,
      line(by, iso, what, change),
    )
  }

  /** The fishbone, as `PUT /cases/{id}/analysis` saves it. */
  async analyse(by: User, at: number, causes: Omit<Cause, 'id'>[]): Promise<Analysis> {
    const iso = this.iso(at)
    const analysis: Analysis = {
      ...emptyAnalysis(),
      causes: causes.map((cause, i) => ({ ...cause, id: ulid(at + i) })),
      updatedAt: iso,
      updatedBy: by.id,
    }
    const change = analysisChange(emptyAnalysis(), analysis)
    return caseParts.putAnalysis(
      this.db,
      this.practice.id,
      this.id,
      analysis,
      line(by, iso, 'analysis', change),
    )
  }

  async fix(by: User, at: number, body: NewFix): Promise<Fix> {
    const iso = this.iso(at)
    const fix: Fix = {
      ...body,
      id: ulid(at),
      caseId: this.id,
      version: 1,
      createdBy: by.id,
      createdAt: iso,
      updatedAt: iso,
    }
    const change = `Fix added: ${quoted(fix.title)} (${fix.strength}, ${fix.actionType}), effective ${fix.effectiveOn}`
    await fixes.create(this.db, this.practice.id, fix, line(by, iso, 'fix', change))
    this.fixDays.push(fix.effectiveOn)
    return fix
  }

  /** An action item, open, as `POST /cases/{id}/actions` makes it. */
  async action(
    by: User,
    at: number,
    body: { title: string; owner: User; dueInDays: number; fixId?: string },
  ): Promise<CaseAction> {
    const iso = this.iso(at)
    const action: CaseAction = {
      id: ulid(at),
      caseId: this.id,
      version: 1,
      title: body.title,
      ownerId: body.owner.id,
      dueOn: addDays(this.today(at), body.dueInDays),
      ...(body.fixId && { fixId: body.fixId }),
      status: 'open',
      notes: [],
      createdBy: by.id,
      createdAt: iso,
      updatedAt: iso,
    }
    const change = `Action added: ${quoted(action.title)}, owner ${body.owner.name}, due ${action.dueOn}`
    await actions.create(this.db, this.practice.id, action, line(by, iso, 'action', change))
    return action
  }

  /** Its owner moves an action on, with a note, as `PATCH /actions/{id}` does. */
  async update(by: User, at: number, action: CaseAction, status: 'doing' | 'done', note: string) {
    const iso = this.iso(at)
    const next: CaseAction = {
      ...action,
      status,
      ...(status === 'done' && { doneAt: iso }),
      notes: [...action.notes, { at: iso, by: by.id, text: note }],
      updatedAt: iso,
    }
    const change = `Action ${quoted(action.title)}: status ${action.status} → ${status}, note added`
    return actions.replace(this.db, this.practice.id, action, next, line(by, iso, 'action', change))
  }
}
