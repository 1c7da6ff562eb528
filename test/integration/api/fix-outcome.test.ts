import { PutCommand } from '@aws-sdk/lib-dynamodb'
import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import { addDays } from '../../../functions/src/domain/analytics/periods'
import { weekOf } from '../../../functions/src/domain/calendar'
import type { Fix } from '../../../functions/src/domain/governance/fixes'
import type { Db } from '../../../functions/src/store/db'
import { toItem } from '../../../functions/src/store/items'
import * as keys from '../../../functions/src/store/keys'
import { addMember, type Caller, freshPractice, testApp } from '../../support/api'
import { csvOf, postCsv } from '../../support/csv-upload'
import { testDb } from '../../support/db'
import { publishedSurvey } from '../../support/surveys'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db)
})

// The practices of freshPractice are in Chicago; weeks are theirs.
const thisWeek = weekOf(new Date(), 'America/Chicago')
const weeksAgo = (count: number) => addDays(thisWeek, -7 * count)

/**
 * Past results of the visit pulse, 10 a week on the Wednesday of each week, `topBox[i]` of them
 * rating check-in 4 or 5 (the others 2 or 3), for the weeks ending `endsAgo` weeks before this.
 */
function pastResults(topBox: readonly number[], endsAgo: number): (string | number)[][] {
  const rows: (string | number)[][] = []
  topBox.forEach((k, i) => {
    const day = addDays(weeksAgo(endsAgo + topBox.length - 1 - i), 2)
    for (let answer = 0; answer < 10; answer++) {
      const happy = answer < k
      rows.push([
        day,
        happy ? 9 + (answer % 2) : 4 + (answer % 4),
        happy ? 4 + (answer % 2) : 2 + (answer % 2),
      ])
    }
  })
  return rows
}

const repeat = (pattern: readonly number[], length: number) =>
  Array.from({ length }, (_, i) => pattern[i % pattern.length] as number)

/** A practice with the visit pulse and these past results imported through the API. */
async function practiceWithResults(rows: (string | number)[][]) {
  const practice = await freshPractice(app)
  const survey = await publishedSurvey(practice.owner)
  const res = await postCsv(
    practice.owner,
    `/api/responses/import?surveyId=${survey.id}`,
    csvOf([['date', 'recommend', 'check-in'], ...rows]),
  )
  expect(res.status).toBe(200)
  expect(res.body).toMatchObject({ imported: rows.length, rejected: [] })
  return practice
}

/** A systemic fix on check-in, written straight into the table as the fixes store keeps it. */
async function fixOn(practice: { practiceId: string; ownerId: string }, effectiveOn: string) {
  const now = new Date().toISOString()
  const fix: Fix = {
    id: ulid(),
    caseId: ulid(),
    version: 1,
    title: 'Check-in kiosk replaces the clipboard',
    touchpointId: 'check-in',
    effectiveOn,
    strength: 'stronger',
    actionType: 'forcing-function',
    createdBy: practice.ownerId,
    createdAt: now,
    updatedAt: now,
  }
  await db.client.send(
    new PutCommand({
      TableName: db.table,
      Item: toItem(keys.fix(practice.practiceId, fix.id), 'fix', fix),
    }),
  )
  return fix.id
}

/** A committee meeting held today, exported as the practice's Markdown record. */
async function minutesOfToday(practice: { owner: Caller }) {
  const meeting = await practice.owner.post('/api/governance/meetings', {
    date: new Date().toISOString().slice(0, 10),
  })
  expect(meeting.status).toBe(201)
  const res = await practice.owner.get(`/api/governance/meetings/${meeting.body.id}/export.md`)
  expect(res.status).toBe(200)
  return res.body as string
}

/** Importing a few hundred rows takes seconds, more on a busy machine. */
const importing = 120_000

describe('GET /api/fixes/{id}/outcome', () => {
  // The fix took effect on the Wednesday 8 weeks ago; 13 weeks before it, 8 full weeks after.
  const effectiveOn = addDays(weeksAgo(8), 2)

  it(
    'calls a move of check-in from about 40% to about 80% improved, with a shift',
    async () => {
      const practice = await practiceWithResults([
        ...pastResults(repeat([3, 4, 5], 13), 9),
        ...pastResults(repeat([7, 8, 9], 8), 1),
      ])
      const fixId = await fixOn(practice, effectiveOn)
      const res = await practice.owner.get(`/api/fixes/${fixId}/outcome`)
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({
        fixId,
        touchpointId: 'check-in',
        effectiveOn,
        fixWeek: weeksAgo(8),
        baselineWeeks: 13,
        verdict: 'improved',
        before: { n: 130, k: 51 },
        after: { n: 80, k: 63 },
        median: 0.4,
        signals: { shift: true, shiftSide: 'above', crossings: 0, fewCrossings: true },
      })
      expect(res.body.needs).toBeUndefined()
      expect(res.body.test.p).toBeLessThan(0.001)
      expect(res.body.weeks).toHaveLength(13 + 9)
      expect(res.body.weeks[0]).toEqual({
        week: weeksAgo(21),
        phase: 'baseline',
        n: 10,
        k: 3,
        topBox: 0.3,
      })
      // Ten answers a week: the p-chart's limits would be too wide to read.
      expect(res.body.pChart).toBeUndefined()
      // The pulse asks likelihood to recommend, so NPS is read the same way.
      expect(res.body.nps).toMatchObject({ verdict: 'improved', before: { n: 130 } })

      // The meeting's minutes say the same in words (no chart on paper).
      const md = await minutesOfToday(practice)
      expect(md).toContain(
        `- Check-in kiosk replaces the clipboard: stronger, in effect from ${effectiveOn} (case: ?). ` +
          'Improved: top box 39% before, 79% after (p \\< 0.001), a shift above the baseline median; ' +
          'NPS: Improved (-8 → +61)',
      )
    },
    importing,
  )

  it(
    'says no change for a touch point that does not move, and not enough data three weeks in',
    async () => {
      const practice = await practiceWithResults(pastResults(repeat([5, 6, 7], 21), 1))
      const steady = await fixOn(practice, effectiveOn)
      const res = await practice.owner.get(`/api/fixes/${steady}/outcome`)
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ verdict: 'no-change', signals: { shift: false } })
      expect(res.body.test.p).toBeGreaterThan(0.05)

      const recent = await fixOn(practice, weeksAgo(3))
      const early = await practice.owner.get(`/api/fixes/${recent}/outcome`)
      expect(early.body).toMatchObject({
        verdict: 'not-enough-data',
        needs: '3 more weeks of answers after the fix',
        after: { n: 30 },
      })
      // A shorter baseline is allowed; it then lacks weeks of its own.
      const short = await practice.owner.get(`/api/fixes/${steady}/outcome?baselineWeeks=4`)
      expect(short.body).toMatchObject({ baselineWeeks: 4, before: { n: 40 } })
      expect(short.body.needs).toContain('2 more weeks before the fix')

      // In the minutes: no change before not enough data, each with what backs it.
      const md = await minutesOfToday(practice)
      const fixLines = md.split('\n').filter((line) => line.startsWith('- Check-in kiosk'))
      expect(fixLines).toHaveLength(2)
      expect(fixLines[0]).toMatch(
        /\. No change yet: top box \d+% before, \d+% after \(p = 0\.\d+\), no signal on the run chart yet/,
      )
      expect(fixLines[1]).toContain(
        '. Not enough data yet: it needs 3 more weeks after the fix (130 answers before, 30 answers after)',
      )
    },
    importing,
  )

  it('lets every signed-in role read it, and no other practice', async () => {
    const practice = await freshPractice(app)
    const fixId = await fixOn(practice, effectiveOn)
    const staff = await addMember(app, practice.owner, 'staff')
    const seen = await staff.member.get(`/api/fixes/${fixId}/outcome`)
    expect(seen.status).toBe(200)
    expect(seen.body).toMatchObject({ verdict: 'not-enough-data', before: { n: 0 } })

    const other = await freshPractice(app, 'Other Practice')
    const refused = await other.owner.get(`/api/fixes/${fixId}/outcome`)
    expect(refused.status).toBe(404)
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    expect(JSON.stringify(refused.body)).not.toContain(fixId)
    expect((await practice.owner.get(`/api/fixes/${ulid()}/outcome`)).status).toBe(404)
  })

  it.each(['0', '53', 'thirteen', '2.5'])(
    'refuses baselineWeeks=%s with a problem naming the field',
    async (value) => {
      const practice = await freshPractice(app)
      const fixId = await fixOn(practice, effectiveOn)
      const res = await practice.owner.get(`/api/fixes/${fixId}/outcome?baselineWeeks=${value}`)
      expect(res.status).toBe(400)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['baselineWeeks'])
    },
  )
})
