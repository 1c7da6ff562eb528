import { describe, expect, it } from 'vitest'
import {
  contactExpiresAt,
  defaultInvitationWindow,
  InvitationWindow,
  ttlSeconds,
  Visit,
} from '../../../../functions/src/domain/visits/visit'
import { visitId } from '../../../../functions/src/domain/visits/visit-id'
import { Id } from '../../../../functions/src/domain/practice'

const practiceId = '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B'
const parts = {
  practiceId,
  visitAt: '2026-11-30T14:30:00.000Z',
  providerId: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3C',
  contactHashes: { sms: 'hash-of-a-mobile' },
}

describe('visitId', () => {
  it('is a ULID whose time is the visit, the same for the same visit', () => {
    const id = visitId(parts)
    expect(Id.safeParse(id).success).toBe(true)
    expect(visitId({ ...parts })).toBe(id)
    // A ULID's first ten characters are its milliseconds in Crockford base32.
    const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
    const ms = [...id.slice(0, 10)].reduce((n, c) => n * 32 + crockford.indexOf(c), 0)
    expect(new Date(ms).toISOString()).toBe(parts.visitAt)
  })

  it('differs when the patient, provider, location or time differs', () => {
    const id = visitId(parts)
    const others = [
      visitId({ ...parts, contactHashes: { sms: 'another-mobile' } }),
      visitId({ ...parts, contactHashes: { sms: 'hash-of-a-mobile', email: 'e' } }),
      visitId({ ...parts, providerId: undefined }),
      visitId({ ...parts, locationId: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3D' }),
      visitId({ ...parts, visitAt: '2026-11-30T14:31:00.000Z' }),
      visitId({ ...parts, practiceId: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3E' }),
    ]
    expect(new Set([id, ...others]).size).toBe(others.length + 1)
    for (const other of others) expect(Id.safeParse(other).success).toBe(true)
  })
})

describe('the invitation window', () => {
  it('defaults to no delay and a link that lives a week', () => {
    expect(defaultInvitationWindow).toEqual({ sendDelayMinutes: 0, linkLifetimeHours: 168 })
  })

  it('ends contact details at visit + delay + link lifetime', () => {
    expect(contactExpiresAt(parts.visitAt, defaultInvitationWindow)).toBe(
      '2026-12-07T14:30:00.000Z',
    )
    expect(contactExpiresAt(parts.visitAt, { sendDelayMinutes: 90, linkLifetimeHours: 72 })).toBe(
      '2026-12-03T16:00:00.000Z',
    )
    expect(ttlSeconds('2026-12-07T14:30:00.000Z')).toBe(Date.UTC(2026, 11, 7, 14, 30) / 1000)
  })

  it('refuses a link that would die before the 48-hour reminder is answered', () => {
    expect(InvitationWindow.safeParse({ linkLifetimeHours: 48 }).success).toBe(false)
    expect(InvitationWindow.safeParse({ sendDelayMinutes: -1 }).success).toBe(false)
  })
})

describe('Visit', () => {
  const ledger = { given: false, source: 'visits-import', at: parts.visitAt, textVersion: 'v1' }
  const visit = {
    v: 1,
    id: visitId(parts),
    practiceId,
    visitAt: parts.visitAt,
    language: 'en',
    consent: { email: ledger, sms: { ...ledger, given: true } },
    contactHashes: { sms: 'hash-of-a-mobile' },
    contact: { mobile: '+12125550100', expiresAt: '2026-12-07T14:30:00.000Z' },
    channels: ['sms'],
    invitable: true,
  }

  it('accepts a visit with a consented channel', () => {
    expect(Visit.safeParse(visit).success).toBe(true)
  })

  it('refuses an invitable flag that disagrees with its channels, and a mobile not in E.164', () => {
    expect(Visit.safeParse({ ...visit, invitable: false }).success).toBe(false)
    expect(
      Visit.safeParse({ ...visit, contact: { ...visit.contact, mobile: '212-555-0100' } }).success,
    ).toBe(false)
  })
})
