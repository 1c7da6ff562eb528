import { describe, expect, it } from 'vitest'
import {
  InvitationRules,
  defaultInvitationRules as rules,
} from '../../../../functions/src/domain/invitations/rules'
import {
  invitationSendTime,
  linkExpiresAt,
  reminderDue,
  type InvitationTimeline,
} from '../../../../functions/src/domain/invitations/schedule'

const chicago = ['America/Chicago']
const at = (iso: string) => new Date(iso)
const hours = (n: number) => n * 60 * 60 * 1000
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms)

describe('invitationSendTime', () => {
  it('sends as soon as the visit is over when the window is open and there is no delay', () => {
    const ended = at('2026-11-24T16:00:00Z') // 10:00 in Chicago
    expect(invitationSendTime(ended, chicago, rules)).toEqual(ended)
  })

  it('adds the practice’s delay after the visit', () => {
    const delayed = InvitationRules.parse({ delayAfterVisitMinutes: 120 })
    expect(invitationSendTime(at('2026-11-24T16:00:00Z'), chicago, delayed)).toEqual(
      at('2026-11-24T18:00:00Z'),
    )
  })

  it('moves a visit ending 19:59 with a 5-minute delay to 08:00 the next morning', () => {
    const delayed = InvitationRules.parse({ delayAfterVisitMinutes: 5 })
    expect(invitationSendTime(at('2026-11-25T01:59:00Z'), chicago, delayed)).toEqual(
      at('2026-11-25T14:00:00Z'),
    )
  })

  it('answers undefined when the contact’s zones share no hour of the window', () => {
    const narrow = InvitationRules.parse({ sendWindowStart: '10:00', sendWindowEnd: '14:00' })
    expect(
      invitationSendTime(
        at('2026-11-24T16:00:00Z'),
        ['America/New_York', 'Pacific/Honolulu'],
        narrow,
      ),
    ).toBe(undefined)
  })
})

describe('linkExpiresAt', () => {
  it('lasts the link’s lifetime from the invitation, reminder included', () => {
    expect(linkExpiresAt(at('2026-11-24T14:00:00Z'), rules)).toEqual(at('2026-12-01T14:00:00Z'))
  })
})

describe('reminderDue', () => {
  const sentAt = at('2026-11-24T16:00:00Z') // Tuesday 10:00 in Chicago
  const invitation: InvitationTimeline = { zones: chicago, sentAt }

  it('waits 48 hours after the invitation', () => {
    expect(reminderDue(invitation, plus(sentAt, hours(47)), rules)).toEqual({
      due: false,
      why: 'not-yet',
      at: plus(sentAt, hours(48)),
    })
    expect(reminderDue(invitation, plus(sentAt, hours(48)), rules)).toEqual({ due: true })
  })

  it('holds a reminder that falls due at night until the window opens', () => {
    const evening = { zones: chicago, sentAt: at('2026-11-25T01:30:00Z') } // 19:30 in Chicago
    const later = InvitationRules.parse({ reminderAfterHours: 49 })
    // 49 hours on is 20:30 in Chicago: wait for 08:00.
    expect(reminderDue(evening, plus(evening.sentAt, hours(49)), later)).toEqual({
      due: false,
      why: 'not-yet',
      at: at('2026-11-27T14:00:00Z'),
    })
  })

  it('holds a reminder the job reaches after 20:00 until the next morning', () => {
    const evening = { zones: chicago, sentAt: at('2026-11-25T01:30:00Z') } // 19:30 in Chicago
    const dueAt = plus(evening.sentAt, hours(48)) // 19:30 two days on: still open
    expect(reminderDue(evening, dueAt, rules)).toEqual({ due: true })
    expect(reminderDue(evening, plus(dueAt, 45 * 60 * 1000), rules)).toEqual({
      due: false,
      why: 'not-yet',
      at: at('2026-11-27T14:00:00Z'),
    })
  })

  it.each<[string, Partial<InvitationTimeline>, string]>([
    ['it was already sent', { reminderSentAt: plus(sentAt, hours(48)) }, 'already-reminded'],
    ['the patient answered', { answeredAt: plus(sentAt, hours(3)) }, 'answered'],
    [
      'the patient opted out between queueing and sending',
      { optedOutAt: plus(sentAt, hours(47)) },
      'opted-out',
    ],
    [
      'the opt-out was recorded before the invitation',
      { optedOutAt: plus(sentAt, -hours(1)) },
      'opted-out',
    ],
    ['the invitation never went out', { sentAt: undefined }, 'not-sent'],
  ])('sends no reminder when %s', (_name, change, why) => {
    expect(reminderDue({ ...invitation, ...change }, plus(sentAt, hours(50)), rules)).toMatchObject(
      {
        due: false,
        why,
      },
    )
  })

  it('sends no reminder when the practice turned reminders off', () => {
    const off = InvitationRules.parse({ sendReminder: false })
    expect(reminderDue(invitation, plus(sentAt, hours(50)), off)).toEqual({
      due: false,
      why: 'reminders-off',
    })
  })

  it('sends no reminder once the link has expired', () => {
    expect(reminderDue(invitation, linkExpiresAt(sentAt, rules), rules)).toEqual({
      due: false,
      why: 'expired',
    })
  })

  it('sends no reminder whose window would open only after the link died', () => {
    const short = InvitationRules.parse({ reminderAfterHours: 71, linkLifetimeDays: 3 })
    // Sent at 21:30 (a late manual send): 71 h later is 20:30, closed; the link dies at 21:30.
    const late = { zones: chicago, sentAt: at('2026-11-25T03:30:00Z') }
    expect(reminderDue(late, plus(late.sentAt, hours(71)), short)).toEqual({
      due: false,
      why: 'expired',
    })
  })

  it('answers no-common-window when the zones never share an hour', () => {
    const narrow = InvitationRules.parse({ sendWindowStart: '10:00', sendWindowEnd: '14:00' })
    const far = { zones: ['America/New_York', 'Pacific/Honolulu'], sentAt }
    expect(reminderDue(far, plus(sentAt, hours(48)), narrow)).toEqual({
      due: false,
      why: 'no-common-window',
    })
  })

  it('sends exactly one reminder, 48 hours on, when a job ticks every 15 minutes for 10 days', () => {
    let state: InvitationTimeline = { ...invitation }
    const reminders: Date[] = []
    for (let now = sentAt; now < plus(sentAt, hours(240)); now = plus(now, 15 * 60 * 1000)) {
      if (reminderDue(state, now, rules).due) {
        reminders.push(now)
        state = { ...state, reminderSentAt: now }
      }
    }
    expect(reminders).toEqual([plus(sentAt, hours(48))])
  })
})
