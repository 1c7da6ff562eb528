import { describe, expect, it } from 'vitest'
import type { ConsentEntry } from '../../../../functions/src/domain/invitations/consent'
import {
  planReminder,
  type SentInvitation,
} from '../../../../functions/src/domain/invitations/plan'
import {
  InvitationRules,
  defaultInvitationRules as rules,
} from '../../../../functions/src/domain/invitations/rules'

const hours = (n: number) => n * 60 * 60 * 1000
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms)
const sentAt = new Date('2026-11-24T16:00:00Z') // Tuesday 10:00 in Chicago
const consent: ConsentEntry = {
  channel: 'sms',
  granted: true,
  source: 'visits-import',
  at: plus(sentAt, -hours(2)),
  textVersion: 'intake-2026-03',
}
const invitation: SentInvitation = {
  channel: 'sms',
  zones: ['America/Chicago'],
  sentAt,
  consent: [consent],
  sent: [{ at: sentAt, kind: 'invitation' }],
}

describe('planReminder', () => {
  it('sends the reminder 48 hours after the invitation', () => {
    expect(planReminder(invitation, plus(sentAt, hours(47)), rules)).toEqual({
      action: 'wait',
      until: plus(sentAt, hours(48)),
      why: 'not-yet',
    })
    expect(planReminder(invitation, plus(sentAt, hours(48)), rules)).toEqual({ action: 'send' })
  })

  it('never sends it once the patient answered', () => {
    const answered = { ...invitation, answeredAt: plus(sentAt, hours(5)) }
    expect(planReminder(answered, plus(sentAt, hours(48)), rules)).toEqual({
      action: 'never',
      why: 'answered',
    })
  })

  it('never sends it after a STOP recorded only in the consent ledger', () => {
    const stop: ConsentEntry = {
      ...consent,
      granted: false,
      source: 'sms-reply',
      at: plus(sentAt, hours(30)),
    }
    expect(
      planReminder({ ...invitation, consent: [consent, stop] }, plus(sentAt, hours(48)), rules),
    ).toEqual({
      action: 'never',
      why: 'opted-out',
    })
  })

  it('waits out the daily cap when another message went out in the last 24 hours', () => {
    const busy = {
      ...invitation,
      sent: [...invitation.sent, { at: plus(sentAt, hours(40)), kind: 'other' as const }],
    }
    expect(planReminder(busy, plus(sentAt, hours(48)), rules)).toEqual({
      action: 'wait',
      until: plus(sentAt, hours(70)), // 40 h + 24 h is Friday 02:00 in Chicago: on to 08:00
      why: 'daily-cap',
    })
  })

  it('never sends a reminder whose cap opens only after the link has died', () => {
    const short = InvitationRules.parse({ linkLifetimeDays: 3 })
    const busy = {
      ...invitation,
      sent: [...invitation.sent, { at: plus(sentAt, hours(48.5)), kind: 'other' as const }],
    }
    expect(planReminder(busy, plus(sentAt, hours(49)), short)).toEqual({
      action: 'never',
      why: 'expired',
    })
  })
})
