import { addDays } from '../domain/analytics/periods'
import { dayOf } from '../domain/calendar'
import type { Db } from '../store/db'
import { checkInFixOn } from './check-in-lift'
import { atOn, CaseWriter } from './case-writer'
import { checkInDip, type Demo } from './generate'
import {
  billingCommentWords,
  billingReviewWords,
  checkInWords,
  type PickedWords,
} from './governance-picks'

/**
 * The demo's governance committee at work: three cases, each at its own step, written through
 * the store as the API writes them (demo/case-writer.ts), days and people relative to the demo.
 * - "Check-in lines at the front desk": opened from a detractor while check-in sagged, five
 *   patients' words, a fishbone with two root causes, a stronger fix (text-ahead
 *   pre-registration, from the day demo/check-in-lift.ts lifts check-in) and an intermediate
 *   one, three actions; measuring, and its outcome says improved.
 * - "Billing statements patients cannot read": from a review, a weaker fix only (the page nudges
 *   for a stronger one), Tasha's two actions: one overdue, one due tomorrow.
 * - A case opened four days ago and not yet looked at: past its 72-hour review clock.
 */

export interface DemoCases {
  checkIn: string
  billing: string
  untouched: string
}

/**
 * @example
 * const { checkIn } = await writeGovernanceCases(db, demo, now)
 */
export async function writeGovernanceCases(db: Db, demo: Demo, now: Date): Promise<DemoCases> {
  const [checkIn, billing, untouched] = await Promise.all([
    checkInCase(db, demo, now),
    billingCase(db, demo, now),
    untouchedCase(db, demo, now),
  ])
  return { checkIn, billing, untouched }
}

const dayMs = 86400_000

function people(demo: Demo) {
  const member = (name: string) => demo.team.find((user) => user.name === name)!
  return {
    owner: demo.owner,
    nadia: member('Nadia Brooks'),
    ben: member('Ben Carter'),
    rosa: member('Rosa Delgado'),
    tasha: member('Tasha Green'),
  }
}

async function checkInCase(db: Db, demo: Demo, now: Date): Promise<string> {
  const { practice } = demo
  const zone = practice.timeZone
  const { owner, nadia, ben, rosa } = people(demo)
  const { origin, more } = checkInWords(demo, now, checkInDip.full.from, checkInDip.full.to)
  const at = (day: string, hours: number, minutes = 0) => atOn(day, hours, minutes, zone)
  const opened = addDays(dayOf(new Date(origin.at), zone), 1)
  const fixOn = checkInFixOn(dayOf(now, zone))
  const kase = new CaseWriter(db, practice)
  await kase.open(
    nadia,
    at(opened, 8, 40),
    {
      title: 'Check-in lines at the front desk',
      description:
        'Since mid-month the morning line at the front desk reaches the door; patients wait ' +
        '20–40 minutes to check in and some are late for their own appointment. Check-in ' +
        'ratings fell from about three in four top-box answers to about one in seven.',
      touchpointId: 'check-in',
      ...(origin.locationId && { locationId: origin.locationId }),
      severity: 'high',
      themeId: 'wait-time',
    },
    origin,
  )
  await kase.link(nadia, at(opened, 9, 5), more)
  await kase.move(nadia, at(opened, 9, 30), 'investigating')
  const [first, second, review] = [more[0], more[1], more.find((w) => w.kind === 'review')]
  const cite = (...words: (PickedWords | undefined)[]) =>
    words.flatMap((w) => (w ? [{ kind: w.kind, id: w.id }] : []))
  await kase.analyse(ben, at(addDays(opened, 2), 16, 10), [
    {
      category: 'Process',
      text: 'Patients fill in the intake forms again at the desk, even after doing them online',
      whys: [
        'The online forms do not reach the front-desk system',
        'The portal was set up for booking only; intake was added later without the desk',
        'Nobody owns the patient’s path from the portal to the desk',
      ],
      evidence: cite(origin, first),
      root: true,
    },
    {
      category: 'People',
      text: 'One person checks everyone in during the 8–10 am rush',
      whys: [
        'Two front-desk colleagues were out and were not covered',
        'There is no cover plan for the desk',
        'Staffing follows headcount, not the hours when patients arrive',
      ],
      evidence: cite(second, review),
      root: true,
    },
    {
      category: 'Communication',
      text: 'Patients in the line are not told how long it will take',
      whys: [
        'The desk cannot see how far behind each clinician is running',
        'Delays are passed on by word of mouth',
      ],
      evidence: cite(review),
      root: false,
    },
    {
      category: 'Place',
      text: 'The line forms in the doorway and blocks the entrance',
      whys: [
        'The check-in counter faces the door',
        'The waiting room was laid out before the second clinician joined',
      ],
      evidence: cite(first),
      root: false,
    },
  ])
  const planned = at(addDays(opened, 7), 13, 0)
  const textAhead = await kase.fix(nadia, planned, {
    title: 'Text-ahead pre-registration',
    description:
      'The day before the visit each patient gets a text with a link to confirm their details, ' +
      'insurance and forms; the desk only greets them and checks the photo ID.',
    touchpointId: 'check-in',
    effectiveOn: fixOn,
    strength: 'stronger',
    actionType: 'simplified-process',
  })
  await kase.fix(nadia, planned + 60_000, {
    title: 'A second person at the desk 8–10 am, Monday to Wednesday',
    touchpointId: 'check-in',
    effectiveOn: fixOn,
    strength: 'intermediate',
    actionType: 'staffing',
  })
  await kase.move(nadia, planned + 120_000, 'fix-planned')
  const connect = await kase.action(nadia, planned + 180_000, {
    title: 'Connect the portal’s intake forms to the front-desk system',
    owner: nadia,
    dueInDays: daysBetween(addDays(opened, 7), addDays(fixOn, -3)),
    fixId: textAhead.id,
  })
  const wording = await kase.action(nadia, planned + 240_000, {
    title: 'Write the pre-registration text in English and Spanish',
    owner: rosa,
    dueInDays: daysBetween(addDays(opened, 7), addDays(fixOn, -5)),
    fixId: textAhead.id,
  })
  const review6 = await kase.action(nadia, planned + 300_000, {
    title: 'Review six weeks of check-in ratings with the committee',
    owner: ben,
    dueInDays: daysBetween(addDays(opened, 7), addDays(fixOn, 45)),
  })
  await kase.update(
    rosa,
    at(addDays(fixOn, -6), 15, 20),
    wording,
    'done',
    'Sent to the printer and the texting service; both languages checked by Luis.',
  )
  await kase.update(
    nadia,
    at(addDays(fixOn, -4), 11, 45),
    connect,
    'done',
    'Forms now arrive in the desk’s queue before the patient does.',
  )
  await kase.move(owner, at(fixOn, 17, 30), 'fix-in-place')
  const measuring = Math.min(at(addDays(fixOn, 14), 9, 0), now.getTime() - dayMs)
  await kase.move(ben, measuring, 'measuring')
  await kase.update(
    ben,
    measuring + 60_000,
    review6,
    'doing',
    'Run chart looks good so far; taking it to the next meeting.',
  )
  return kase.id
}

async function billingCase(db: Db, demo: Demo, now: Date): Promise<string> {
  const { practice } = demo
  const zone = practice.timeZone
  const { owner, nadia, tasha } = people(demo)
  const today = dayOf(now, zone)
  const origin = billingReviewWords(demo, now)
  const opened = origin ? addDays(dayOf(new Date(origin.at), zone), 1) : addDays(today, -20)
  const at = (day: string, hours: number, minutes = 0) => atOn(day, hours, minutes, zone)
  const kase = new CaseWriter(db, practice)
  await kase.open(
    owner,
    at(opened, 10, 15),
    {
      title: 'Billing statements patients cannot read',
      description:
        'Patients call after every statement to ask what they owe and why: the statement lists ' +
        'insurance codes instead of the visit, and the amount changes after the insurer pays.',
      touchpointId: 'billing',
      severity: 'moderate',
      themeId: 'billing-cost',
    },
    origin,
  )
  const comments = billingCommentWords(demo, at(opened, 10, 15))
  await kase.link(owner, at(opened, 10, 30), comments)
  const started = at(addDays(opened, 1), 9, 0)
  await kase.move(nadia, started, 'investigating')
  await kase.analyse(nadia, started + 3600_000, [
    {
      category: 'Communication',
      text: 'The statement shows insurance codes, not what the visit was',
      whys: [
        'The statement is the billing system’s default layout',
        'Nobody has read it as a patient would',
      ],
      evidence: [...(origin ? [origin] : []), ...comments].map(({ kind, id }) => ({ kind, id })),
      root: true,
    },
    {
      category: 'Process',
      text: 'Statements go out before the insurer’s adjustment, so the amount changes',
      whys: [
        'Statements are sent on a fixed day each week',
        'The send date was never tied to the insurer’s answer',
      ],
      evidence: [],
      root: false,
    },
  ])
  const fix = await kase.fix(nadia, started + 7200_000, {
    title: 'Memo: explain the statement at checkout',
    description: 'A one-page memo asking the desk to walk each patient through a sample statement.',
    touchpointId: 'billing',
    effectiveOn: addDays(today, 7),
    strength: 'weaker',
    actionType: 'new-policy',
  })
  await kase.move(nadia, started + 7260_000, 'fix-planned')
  const planned = started + 7320_000
  const planDay = dayOf(new Date(planned), zone)
  await kase.action(nadia, planned, {
    title: 'Draft a plain-language guide to the statement',
    owner: tasha,
    dueInDays: daysBetween(planDay, addDays(today, -3)),
    fixId: fix.id,
  })
  await kase.action(nadia, planned + 60_000, {
    title: 'Send the statement memo to the front desk',
    owner: tasha,
    dueInDays: daysBetween(planDay, addDays(today, 1)),
    fixId: fix.id,
  })
  return kase.id
}

async function untouchedCase(db: Db, demo: Demo, now: Date): Promise<string> {
  const { nadia } = people(demo)
  const kase = new CaseWriter(db, demo.practice)
  await kase.open(nadia, now.getTime() - 4 * dayMs - 2 * 3600_000, {
    title: 'Biopsy results took more than two weeks to reach a patient',
    description:
      'A patient called twice before anyone gave her the result of her biopsy; the result had ' +
      'been in the portal for nine days.',
    touchpointId: 'records',
    severity: 'moderate',
    themeId: 'results-records',
  })
  return kase.id
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / dayMs)
