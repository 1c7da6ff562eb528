import { describe, expect, it } from 'vitest'
import { placeFinder } from '../../../../functions/src/domain/visits/place-finder'
import { defaultInvitationWindow } from '../../../../functions/src/domain/visits/visit'
import type { VisitField } from '../../../../functions/src/domain/visits/visit-columns'
import {
  readVisitRow,
  type VisitRowContext,
} from '../../../../functions/src/domain/visits/visit-row'

const provider = { id: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B', name: 'Dr. Ana Pérez' }
const location = { id: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3C', name: 'Clínica Norte' }

const context = (over: Partial<VisitRowContext> = {}): VisitRowContext => ({
  timeZone: 'America/Chicago',
  languages: ['en', 'es'],
  findProvider: placeFinder([provider]),
  findLocation: placeFinder([location]),
  now: new Date('2026-12-01T15:00:00.000Z'),
  window: defaultInvitationWindow,
  columnOf: (field: VisitField) => field,
  ...over,
})

const good = {
  date: '11/30/2026',
  time: '9:30 AM',
  provider: 'ana perez',
  location: 'CLINICA NORTE',
  first_name: 'María',
  email: ' Maria@Example.com ',
  mobile: '(212) 555-0100',
  language: 'Español',
  email_consent: 'yes',
  sms_consent: 'no',
}

describe('readVisitRow', () => {
  it('reads a good row: instant in the practice zone, ids, E.164, language, consents', () => {
    expect(readVisitRow(good, context())).toEqual({
      ok: true,
      value: {
        visitAt: '2026-11-30T15:30:00.000Z',
        providerId: provider.id,
        locationId: location.id,
        firstName: 'María',
        email: 'maria@example.com',
        mobile: '+12125550100',
        language: 'es',
        consent: { email: true, sms: false },
      },
    })
  })

  it('takes the practice first language for a blank cell, and for one it does not offer', () => {
    const english = context({ languages: ['en'] })
    expect(
      readVisitRow({ ...good, language: '' }, context({ languages: ['es', 'en'] })),
    ).toMatchObject({ ok: true, value: { language: 'es' } })
    expect(readVisitRow(good, english)).toMatchObject({ ok: true, value: { language: 'en' } })
  })

  it('reads blank consent as none, and needs only one way to reach the patient', () => {
    const row = { date: '2026-11-30', time: '14:05', mobile: '212 555 0100' }
    expect(readVisitRow(row, context())).toEqual({
      ok: true,
      value: {
        visitAt: '2026-11-30T20:05:00.000Z',
        mobile: '+12125550100',
        language: 'en',
        consent: { email: false, sms: false },
      },
    })
  })

  it('reads a date cell that holds the time when there is no time cell', () => {
    expect(readVisitRow({ date: '11/30/2026 9:30 AM', email: 'a@b.co' }, context())).toMatchObject({
      ok: true,
      value: { visitAt: '2026-11-30T15:30:00.000Z' },
    })
  })

  it('names every bad cell of a row, not only the first', () => {
    const read = readVisitRow(
      {
        date: '30/11/2026',
        time: '25:00',
        provider: 'Dr. Who',
        location: 'Downtown',
        email: 'maria@',
        mobile: '555-0100',
        language: 'fr',
        email_consent: 'maybe',
        sms_consent: 'ok',
        first_name: 'x'.repeat(61),
      },
      context(),
    )
    expect(read).toEqual({
      ok: false,
      reasons: [
        'date: expected a date such as 2026-11-30 or 11/30/2026',
        'time: expected a time such as 9:30 AM, 09:30 or 14:05',
        'provider: no provider of the practice is named "Dr. Who"',
        'location: no location of the practice is named "Downtown"',
        'first_name: longer than 60 characters',
        'email: not a valid e-mail address',
        'mobile: too short',
        'language: expected en or es (English or Spanish)',
        'email_consent: expected yes or no (also y/n, true/false, 1/0, sí/no; blank is no)',
        'sms_consent: expected yes or no (also y/n, true/false, 1/0, sí/no; blank is no)',
      ],
    })
  })

  it('refuses a visit in the future, even later today', () => {
    // now is 9:00 a.m. in Chicago; a 9:30 visit has not happened yet.
    expect(readVisitRow({ ...good, date: '12/01/2026', time: '9:30 AM' }, context())).toEqual({
      ok: false,
      reasons: ['date: the visit is in the future: invitations go after the visit'],
    })
    expect(readVisitRow({ ...good, date: '12/01/2026', time: '8:59 AM' }, context()).ok).toBe(true)
  })

  it('refuses a visit older than the invitation window, saying so', () => {
    // The window is 7 days: a visit 7 days and a minute ago could no longer be answered.
    expect(readVisitRow({ ...good, date: '11/24/2026', time: '8:59 AM' }, context())).toEqual({
      ok: false,
      reasons: [
        'date: the visit is older than the invitation window (7 days): its link could no longer be answered',
      ],
    })
    expect(readVisitRow({ ...good, date: '11/24/2026', time: '9:01 AM' }, context()).ok).toBe(true)
    const longer = context({ window: { sendDelayMinutes: 0, linkLifetimeHours: 14 * 24 } })
    expect(readVisitRow({ ...good, date: '11/24/2026', time: '8:59 AM' }, longer).ok).toBe(true)
  })

  it('refuses a row with no e-mail address or mobile number', () => {
    expect(
      readVisitRow({ date: '11/30/2026', time: '9:30', first_name: 'Ana' }, context()),
    ).toEqual({
      ok: false,
      reasons: ['no e-mail address or mobile number: nothing to send an invitation to'],
    })
  })

  it('refuses a missing date or time', () => {
    expect(readVisitRow({ time: '9:30', email: 'a@b.co' }, context())).toEqual({
      ok: false,
      reasons: ['date: required (a date such as 2026-11-30 or 11/30/2026)'],
    })
    expect(readVisitRow({ date: '11/30/2026', email: 'a@b.co' }, context())).toEqual({
      ok: false,
      reasons: [
        'time: required (a time such as 9:30 AM, 09:30 or 14:05), in its own column or after the date',
      ],
    })
  })

  it('names the file column when it is called otherwise, never the patient details', () => {
    const named = context({
      columnOf: (field) => ({ email: 'Patient Email', mobile: 'Cell' })[field as string] ?? field,
    })
    const read = readVisitRow(
      {
        date: '11/30/2026',
        time: '9:30',
        email: 'maria.lopez@',
        mobile: '+44 7911 123456',
        first_name: 'María',
      },
      named,
    )
    expect(read).toEqual({
      ok: false,
      reasons: [
        'email (column Patient Email): not a valid e-mail address',
        'mobile (column Cell): not a US or Canadian phone number',
      ],
    })
    const text = JSON.stringify(read)
    for (const detail of ['maria', 'María', '7911', '123456']) expect(text).not.toContain(detail)
  })

  it('works each day and time out once per file, keeping it for the next row', () => {
    const instants = new Map<string, string>()
    const first = readVisitRow(good, context({ instants }))
    expect([...instants]).toEqual([['2026-11-30 9:30:0', '2026-11-30T15:30:00.000Z']])
    // A row at the same slot takes the kept instant (seeded here with a marker to show it).
    instants.set('2026-11-30 9:30:0', '2026-11-30T15:30:00.001Z')
    const second = readVisitRow({ ...good, time: '09:30' }, context({ instants }))
    expect(first).toMatchObject({ value: { visitAt: '2026-11-30T15:30:00.000Z' } })
    expect(second).toMatchObject({ value: { visitAt: '2026-11-30T15:30:00.001Z' } })
  })

  it('says which name is ambiguous between two providers', () => {
    const two = context({
      findProvider: placeFinder([
        provider,
        { id: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3D', name: 'Ana Perez' },
      ]),
    })
    expect(readVisitRow(good, two)).toEqual({
      ok: false,
      reasons: ['provider: "ana perez" names more than one provider: write its id'],
    })
  })
})
