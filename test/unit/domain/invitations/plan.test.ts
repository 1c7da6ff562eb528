import { describe, expect, it } from 'vitest'
import type { ConsentEntry } from '../../../../functions/src/domain/invitations/consent'
import {
  planInvitation,
  type QueuedInvitation,
} from '../../../../functions/src/domain/invitations/plan'
import {
  InvitationRules,
  defaultInvitationRules as rules,
} from '../../../../functions/src/domain/invitations/rules'

const at = (iso: string) => new Date(iso)
const smsConsent: ConsentEntry = {
  channel: 'sms',
  granted: true,
  source: 'visits-import',
  at: at('2026-11-24T15:00:00Z'),
  textVersion: 'intake-2026-03',
}
// A visit ending 10:00 in Chicago on Tuesday 24 November 2026.
const queued: QueuedInvitation = {
  channel: 'sms',
  visitEndedAt: at('2026-11-24T16:00:00Z'),
  consent: [smsConsent],
  sent: [],
  zones: ['America/Chicago'],
}

describe('planInvitation', () => {
  it('sends as soon as the visit is over inside the window', () => {
    expect(planInvitation(queued, at('2026-11-24T16:00:00Z'), rules)).toEqual({ action: 'send' })
  })

  it('suppresses a text to a patient who consented to e-mail only', () => {
    const emailOnly = { ...queued, consent: [{ ...smsConsent, channel: 'email' as const }] }
    expect(planInvitation(emailOnly, at('2026-11-24T16:00:00Z'), rules)).toEqual({
      action: 'suppress',
      reason: 'no-consent',
    })
    expect(
      planInvitation({ ...emailOnly, channel: 'email' }, at('2026-11-24T16:00:00Z'), rules),
    ).toEqual({
      action: 'send',
    })
  })

  it('suppresses an invitation whose patient opted out between queueing and sending', () => {
    const stop: ConsentEntry = {
      ...smsConsent,
      granted: false,
      source: 'sms-reply',
      at: at('2026-11-24T16:30:00Z'),
    }
    const evening = { ...queued, visitEndedAt: at('2026-11-25T02:30:00Z') } // 20:30: queued for morning
    expect(planInvitation(evening, at('2026-11-25T02:30:00Z'), rules)).toMatchObject({
      action: 'wait',
    })
    expect(
      planInvitation(
        { ...evening, consent: [smsConsent, stop] },
        at('2026-11-25T14:00:00Z'),
        rules,
      ),
    ).toEqual({
      action: 'suppress',
      reason: 'opted-out',
    })
  })

  it('waits for the practice’s delay, then for the window', () => {
    const delayed = InvitationRules.parse({ delayAfterVisitMinutes: 60 })
    expect(planInvitation(queued, at('2026-11-24T16:10:00Z'), delayed)).toEqual({
      action: 'wait',
      until: at('2026-11-24T17:00:00Z'),
      why: 'delay',
    })
    const late = { ...queued, visitEndedAt: at('2026-11-25T01:30:00Z') } // 19:30 + 60 min = 20:30
    expect(planInvitation(late, at('2026-11-25T02:30:00Z'), delayed)).toEqual({
      action: 'wait',
      until: at('2026-11-25T14:00:00Z'),
      why: 'send-window',
    })
  })

  it('holds a late-running job at night until the window opens', () => {
    expect(planInvitation(queued, at('2026-11-25T03:00:00Z'), rules)).toEqual({
      action: 'wait',
      until: at('2026-11-25T14:00:00Z'),
      why: 'send-window',
    })
  })

  it('refuses a second survey invitation within 60 days', () => {
    const recent = {
      ...queued,
      sent: [{ at: at('2026-10-10T16:00:00Z'), kind: 'invitation' as const }],
    }
    expect(planInvitation(recent, at('2026-11-24T16:00:00Z'), rules)).toEqual({
      action: 'suppress',
      reason: 'survey-interval',
    })
  })

  it('waits out the daily cap, then on for the window if the cap opens at night', () => {
    // A HELP answer went at 21:00 Chicago last night.
    const other = { ...queued, sent: [{ at: at('2026-11-24T03:00:00Z'), kind: 'other' as const }] }
    expect(planInvitation(other, at('2026-11-24T16:00:00Z'), rules)).toEqual({
      action: 'wait',
      // The cap opens at 21:00 Chicago tonight, after the window: 08:00 tomorrow.
      until: at('2026-11-25T14:00:00Z'),
      why: 'daily-cap',
    })
    // A reminder at 14:00 Chicago yesterday: the cap opens at 14:00 today, inside the window.
    const morning = {
      ...queued,
      sent: [{ at: at('2026-11-23T20:00:00Z'), kind: 'reminder' as const }],
    }
    expect(planInvitation(morning, at('2026-11-24T16:00:00Z'), rules)).toEqual({
      action: 'wait',
      until: at('2026-11-24T20:00:00Z'),
      why: 'daily-cap',
    })
    expect(planInvitation(morning, at('2026-11-24T20:00:00Z'), rules)).toEqual({ action: 'send' })
  })

  it('waits out the weekly cap', () => {
    const busy = {
      ...queued,
      sent: [
        { at: at('2026-11-18T17:00:00Z'), kind: 'other' as const },
        { at: at('2026-11-20T17:00:00Z'), kind: 'other' as const },
        { at: at('2026-11-22T17:00:00Z'), kind: 'other' as const },
      ],
    }
    expect(planInvitation(busy, at('2026-11-24T16:00:00Z'), rules)).toEqual({
      action: 'wait',
      until: at('2026-11-25T17:00:00Z'),
      why: 'weekly-cap',
    })
  })

  it('suppresses an invitation whose zones share no hour of the window', () => {
    const narrow = InvitationRules.parse({ sendWindowStart: '10:00', sendWindowEnd: '14:00' })
    const far = { ...queued, zones: ['America/New_York', 'Pacific/Honolulu'] }
    expect(planInvitation(far, at('2026-11-24T16:00:00Z'), narrow)).toEqual({
      action: 'suppress',
      reason: 'no-common-window',
    })
  })
})
