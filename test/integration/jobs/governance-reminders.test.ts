import pino from 'pino'
import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CaseAction } from '../../../functions/src/domain/governance/actions'
import type { Case } from '../../../functions/src/domain/governance/case'
import { governanceRemindersJob } from '../../../functions/src/jobs/governance-reminders'
import type { JobContext } from '../../../functions/src/jobs/job'
import { outboxMessenger } from '../../../functions/src/messaging'
import type { Db } from '../../../functions/src/store/db'
import * as actions from '../../../functions/src/store/governance-actions'
import * as cases from '../../../functions/src/store/governance-cases'
import * as outbox from '../../../functions/src/store/outbox'
import * as users from '../../../functions/src/store/users'
import type { App } from '../../../functions/src/api/app'
import { addMember, freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb() // its own table: the global due-date index holds only this file's actions
  app = testApp(db)
})

const origin = 'https://touchpoint.alder.example'
const patientWords = 'Mrs Lopez waited 90 minutes and nobody told her why'

/** A practice (in `timeZone`) with an owner and a committee member, and one case. */
async function practiceWithCase(timeZone = 'America/Chicago', name = 'Alder Clinic') {
  const practice = await freshPractice(app, name)
  expect((await practice.owner.patch('/api/practice', { timeZone })).status).toBe(200)
  const member = await addMember(app, practice.owner, 'committee')
  const at = new Date().toISOString()
  const kase: Case = {
    id: ulid(),
    version: 1,
    title: 'Waits at check-in are not explained',
    // The case's description quotes a patient: it must never reach an e-mail.
    description: patientWords,
    touchpointId: 'check-in',
    severity: 'moderate',
    status: 'investigating',
    openedAt: at,
    openedBy: practice.ownerId,
    updatedAt: at,
  }
  await cases.create(db, practice.practiceId, kase, {
    at,
    by: practice.ownerId,
    what: 'case',
    change: 'Case opened',
  })
  return { ...practice, member, caseId: kase.id }
}

async function addAction(
  practice: Awaited<ReturnType<typeof practiceWithCase>>,
  dueOn: string,
  title = 'Put a sign at the desk saying how long the wait is',
): Promise<CaseAction> {
  const at = new Date().toISOString()
  const action: CaseAction = {
    id: ulid(),
    caseId: practice.caseId,
    version: 1,
    title,
    ownerId: practice.member.userId,
    dueOn,
    status: 'open',
    notes: [],
    createdBy: practice.ownerId,
    createdAt: at,
    updatedAt: at,
  }
  await actions.create(db, practice.practiceId, action, {
    at,
    by: practice.ownerId,
    what: 'action',
    change: 'Action added',
  })
  return action
}

const remindersTo = async (practiceId: string, email: string) =>
  (await outbox.list(db, practiceId)).filter(
    (message) => message.to === email && /governance committee/.test(message.subject),
  )

function run(at: string) {
  const lines: string[] = []
  const context: JobContext = {
    db,
    logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }),
    mailer: outboxMessenger(db),
    publicOrigin: origin,
    now: () => new Date(at),
  }
  return { figures: governanceRemindersJob.run(context), lines }
}

// 20:00 UTC on 1 December is 14:00 in Chicago (still the 1st) and 10:00 on the 2nd at UTC+14.
const evening = '2026-12-01T20:00:00.000Z'

describe('the governance reminders job', () => {
  it('sends "due tomorrow" once and "overdue" once to the owner, however often it runs', async () => {
    const practice = await practiceWithCase()
    await addAction(practice, '2026-12-02', 'Tomorrow’s action')
    await addAction(practice, '2026-11-30', 'Yesterday’s action')
    await addAction(practice, '2026-12-10', 'Next week’s action')
    expect(await run(evening).figures).toMatchObject({ dueTomorrow: 1, overdue: 1 })
    expect(await run(evening).figures).toMatchObject({ dueTomorrow: 0, overdue: 0, alreadySent: 2 })
    const sent = await remindersTo(practice.practiceId, practice.member.email)
    expect(sent.map((message) => message.subject).sort()).toEqual([
      "Due tomorrow: your action for Alder Clinic's governance committee",
      "Overdue: your action for Alder Clinic's governance committee",
    ])
    expect(sent.find((m) => m.subject.startsWith('Due'))?.text).toContain('Tomorrow’s action')
    expect(sent.find((m) => m.subject.startsWith('Overdue'))?.text).toContain('Yesterday’s action')
  })

  it('sends nothing for an action that is done', async () => {
    const practice = await practiceWithCase()
    const action = await addAction(practice, '2026-12-02')
    const at = new Date().toISOString()
    await actions.replace(
      db,
      practice.practiceId,
      action,
      { ...action, status: 'done', doneAt: at, updatedAt: at },
      { at, by: practice.member.userId, what: 'action', change: 'Action done' },
    )
    await run(evening).figures
    expect(await remindersTo(practice.practiceId, practice.member.email)).toEqual([])
  })

  it('mails a link to the case page on the public origin, and no patient words', async () => {
    const practice = await practiceWithCase()
    await addAction(practice, '2026-12-02')
    const { figures, lines } = run(evening)
    await figures
    const [mail, ...more] = await remindersTo(practice.practiceId, practice.member.email)
    expect(more).toEqual([])
    expect(mail?.link).toBe(`${origin}/cases/${practice.caseId}`)
    expect(mail?.text).toContain(`${origin}/cases/${practice.caseId}`)
    expect(mail?.text).toContain('Put a sign at the desk saying how long the wait is')
    expect(mail?.text).toContain('Wednesday, December 2, 2026')
    expect(JSON.stringify(mail)).not.toContain('Mrs Lopez')
    expect(JSON.stringify(mail)).not.toContain('nobody told her')
    // The log has counts only: no names, addresses or titles.
    expect(lines.join('\n')).not.toContain(practice.member.email)
    expect(lines.join('\n')).not.toContain('Put a sign')
  })

  it("never mails another practice's people, and skips (and counts) an owner who left", async () => {
    const alder = await practiceWithCase('America/Chicago', 'Alder Clinic')
    const birch = await practiceWithCase('America/Chicago', 'Birch Clinic')
    await addAction(alder, '2026-12-02')
    const gone = await addAction(birch, '2026-12-02')
    await users.remove(db, birch.practiceId, gone.ownerId)
    const figures = await run(evening).figures
    expect(figures.ownerGone).toBeGreaterThanOrEqual(1)
    expect(await remindersTo(alder.practiceId, alder.member.email)).toHaveLength(1)
    expect(await remindersTo(birch.practiceId, birch.member.email)).toEqual([])
    for (const message of await outbox.list(db, birch.practiceId))
      expect(message.to).not.toBe(alder.member.email)
    for (const message of await outbox.list(db, alder.practiceId))
      expect([alder.member.email, alder.email]).toContain(message.to)
  })

  it("goes by the practice's own today where it differs from UTC's", async () => {
    // At 20:00 UTC on 1 December it is already 2 December at UTC+14 (Kiritimati).
    const kiritimati = await practiceWithCase('Pacific/Kiritimati', 'Line Islands Clinic')
    await addAction(kiritimati, '2026-12-03', 'Due on the 3rd')
    await addAction(kiritimati, '2026-12-02', 'Due on the 2nd')
    await addAction(kiritimati, '2026-12-01', 'Due on the 1st')
    await run(evening).figures
    const sent = await remindersTo(kiritimati.practiceId, kiritimati.member.email)
    expect(
      sent
        .map((message) => [
          message.subject.split(':')[0],
          message.text.includes('the 3rd') ? 3 : message.text.includes('the 1st') ? 1 : 2,
        ])
        .sort(),
    ).toEqual([
      ['Due tomorrow', 3],
      ['Overdue', 1],
    ])
  })
})
