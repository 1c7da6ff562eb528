import { addDays } from '../domain/analytics/periods'
import { dayOf } from '../domain/calendar'
import type { Meeting } from '../domain/governance/committee'
import { ulid } from 'ulid'
import type { Db } from '../store/db'
import * as committee from '../store/governance-committee'
import { atOn } from './case-writer'
import type { Demo } from './generate'
import type { DemoCases } from './governance'

/**
 * The demo's governance committee: its own charter (saved, so the page shows no default), a
 * meeting two weeks ago with minutes and two decisions about the cases (each a line in that
 * case's history, as `POST /api/governance/meetings` writes it), and the next one, a week from
 * now, on the governance-committee agenda. The patient representative is invented for the demo.
 */

export const patientRepresentative = { name: 'Marisol Vega', role: 'Patient representative' }

const criteria = [
  'How Sunrise Dermatology uses what patients tell us and the ideas from our workshops:',
  '',
  '1. Any failed experience a patient tells us about, in a survey, a review or a workshop, can become a case. We open one when a patient was harmed, kept waiting or left confused, or when the same complaint comes up three times in a month.',
  '2. The review of a case starts within 72 hours of opening it; a high-severity case goes to the next huddle the same day.',
  '3. We look for causes in how we work (process, policy, place, equipment, how we communicate), not for someone to blame. Patients’ words are our evidence, quoted without names, contact details or dates.',
  '4. We choose stronger fixes (simpler processes, standard work, changes to the place) before training and memos. A case with only weaker fixes says in the minutes why.',
  '5. Every fix has an owner and a date it takes effect. We close a case when the numbers say what happened: improved, no change yet, or worse.',
  '6. Workshop ideas are tried when they answer a cause we found, are small enough to undo and have an owner.',
  '7. We tell the whole team what we decided, and why, at the next staff meeting.',
].join('\n')

/**
 * @example
 * await writeCommittee(db, demo, now, await writeGovernanceCases(db, demo, now))
 */
export async function writeCommittee(db: Db, demo: Demo, now: Date, cases: DemoCases) {
  const { practice, owner } = demo
  const zone = practice.timeZone
  const today = dayOf(now, zone)
  const nadia = demo.team.find((user) => user.name === 'Nadia Brooks')!
  const members = [owner, ...demo.team.filter((user) => user.role !== 'staff')]
  const chartered = new Date(atOn(addDays(today, -150), 12, 30, zone)).toISOString()
  await committee.putCharter(
    db,
    practice.id,
    {
      criteria,
      guests: [patientRepresentative],
      cadence: 'Every three weeks, 45 minutes over lunch',
      version: 1,
      updatedAt: chartered,
      updatedBy: owner.id,
    },
    undefined,
    {
      at: chartered,
      by: owner.id,
      byName: owner.name,
      what: 'charter',
      change: 'Charter: criteria, guests, cadence changed',
    },
  )

  const pastDay = addDays(today, -14)
  const recorded = atOn(pastDay, 13, 20, zone)
  const decisions = [
    {
      text: 'Keep text-ahead pre-registration and the second person at the desk; read the check-in outcome again at the next meeting before closing the case.',
      caseIds: [cases.checkIn],
    },
    {
      text: 'Accept the statement memo as a first step, and ask billing to price a redesigned statement (a stronger fix) for the next meeting.',
      caseIds: [cases.billing],
    },
  ]
  const past: Meeting = {
    id: ulid(recorded),
    version: 1,
    date: pastDay,
    agendaId: 'governance-committee',
    attendees: members.map((user) => user.id),
    guests: [patientRepresentative.name],
    minutes: [
      'Check-in: the run chart shows every week since text-ahead pre-registration above the baseline median; the front desk says the morning line no longer reaches the door. Marisol said patients she spoke to noticed the text and liked it.',
      '',
      'Billing: the review that opened the case is one of several; Tasha reads statements aloud to patients on the phone most days. The memo is a start, not the answer.',
      '',
      'Nothing past its 72-hour clock at the time of the meeting.',
    ].join('\n'),
    decisions,
    createdBy: nadia.id,
    createdAt: new Date(recorded).toISOString(),
    updatedAt: new Date(recorded).toISOString(),
  }
  const by = { at: past.createdAt, by: nadia.id, byName: nadia.name }
  await committee.createMeeting(
    db,
    practice.id,
    past,
    { ...by, what: 'meeting', meetingId: past.id, change: `Meeting of ${past.date} recorded` },
    decisions.flatMap((decision) =>
      decision.caseIds.map((caseId) => ({
        caseId,
        entry: {
          ...by,
          what: 'decision' as const,
          change: `Decision at the committee meeting of ${past.date}: ${decision.text}`,
        },
      })),
    ),
  )

  const planned = now.getTime() - 2 * 3600_000
  const next: Meeting = {
    id: ulid(planned),
    version: 1,
    date: addDays(today, 7),
    agendaId: 'governance-committee',
    attendees: [],
    guests: [],
    decisions: [],
    createdBy: nadia.id,
    createdAt: new Date(planned).toISOString(),
    updatedAt: new Date(planned).toISOString(),
  }
  await committee.createMeeting(db, practice.id, next, {
    at: next.createdAt,
    by: nadia.id,
    byName: nadia.name,
    what: 'meeting',
    meetingId: next.id,
    change: `Meeting of ${next.date} recorded`,
  })
}
