import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Invalid } from '../../../../functions/src/domain/errors'
import { contactHash } from '../../../../functions/src/domain/visits/contact-hash'
import { Visit } from '../../../../functions/src/domain/visits/visit'
import {
  readVisitsCsv,
  type ReadVisitsOptions,
} from '../../../../functions/src/domain/visits/visits-csv'
import { VisitsFileTooLarge } from '../../../../functions/src/domain/visits/visits-limits'

const secret = 'a-test-secret-of-some-length'
const ana = { id: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B', name: 'Dr. Ana Pérez' }
const robert = { id: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3C', name: 'Dr. Robert Núñez' }
const north = { id: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3D', name: 'Clínica Norte' }
const downtown = { id: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3E', name: 'Downtown' }
const options: ReadVisitsOptions = {
  practice: {
    id: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3F',
    timeZone: 'America/Chicago',
    languages: ['en', 'es'],
  },
  providers: [ana, robert],
  locations: [north, downtown],
  now: new Date('2026-12-01T15:00:00.000Z'),
  contactSecret: secret,
  consentTextVersion: 'front-desk-2026-10',
}
const exportFile = readFileSync(
  new URL('../../../fixtures/visits/clinic-export.csv', import.meta.url),
  'utf8',
)
const exportMapping = {
  'Appt Date': 'date',
  'Appt Time': 'time',
  Clinic: 'location',
  'Patient First Name': 'first_name',
  'Patient Email': 'email',
  'Cell Phone': 'mobile',
  'Preferred Language': 'language',
  'Email OK': 'email_consent',
  'Text OK': 'sms_consent',
}

describe('readVisitsCsv', () => {
  const file = readVisitsCsv(exportFile, { ...options, mapping: exportMapping })

  it('reads a practice-management export through a mapping, listing the columns it ignores', () => {
    expect(file.ignoredColumns).toEqual(['MRN', 'Appt Type'])
    expect(file.visits.map((visit) => Visit.parse(visit))).toEqual(file.visits)
    expect(
      file.visits.map((v) => [v.visitAt, v.providerId, v.locationId, v.language, v.channels]),
    ).toEqual([
      ['2026-11-30T15:30:00.000Z', ana.id, north.id, 'es', ['email', 'sms']],
      ['2026-11-30T16:15:00.000Z', robert.id, north.id, 'en', ['email']],
      ['2026-11-30T20:05:00.000Z', ana.id, downtown.id, 'en', ['sms']],
      ['2026-11-30T22:00:00.000Z', ana.id, downtown.id, 'en', []],
    ])
  })

  it('keeps contact details only for consented channels, until the window ends, hashed for good', () => {
    const [maria, james, lee] = file.visits
    expect(maria!.contact).toEqual({
      firstName: 'María',
      email: 'maria@example.com',
      mobile: '+12125550100',
      expiresAt: '2026-12-07T15:30:00.000Z',
    })
    expect(maria!.contactHashes).toEqual({
      email: contactHash('email', 'maria@example.com', secret),
      sms: contactHash('sms', '+12125550100', secret),
    })
    // James gave no consent to texts and has no mobile; Lee has no e-mail and no e-mail consent.
    expect(james!.contact).toEqual({
      firstName: 'James',
      email: 'james@example.com',
      expiresAt: '2026-12-07T16:15:00.000Z',
    })
    expect(lee!.contact).toEqual({
      firstName: 'Lee',
      mobile: '+13125550142',
      expiresAt: '2026-12-07T20:05:00.000Z',
    })
    expect(lee!.consent).toEqual({
      email: {
        given: false,
        source: 'visits-import',
        at: '2026-12-01T15:00:00.000Z',
        textVersion: 'front-desk-2026-10',
      },
      sms: {
        given: true,
        source: 'visits-import',
        at: '2026-12-01T15:00:00.000Z',
        textVersion: 'front-desk-2026-10',
      },
    })
  })

  it('drops the e-mail address of a patient who agreed to texts only, keeping its hash', () => {
    const [visit] = readVisitsCsv(
      'date,time,email,mobile,email_consent,sms_consent\n11/30/2026,9:30,jo@example.com,212 555 0100,no,yes\n',
      options,
    ).visits
    expect(visit!.channels).toEqual(['sms'])
    expect(visit!.contact).toEqual({
      mobile: '+12125550100',
      expiresAt: '2026-12-07T15:30:00.000Z',
    })
    expect(visit!.contactHashes.email).toBe(contactHash('email', 'jo@example.com', secret))
  })

  it('imports a visit without any consent as not invitable, keeping nothing of the patient but hashes', () => {
    const pat = file.visits[3]!
    expect(pat.invitable).toBe(false)
    expect(pat.channels).toEqual([])
    expect(pat.contact).toBeUndefined()
    expect(pat.contactHashes).toEqual({ email: contactHash('email', 'pat@example.com', secret) })
    expect(JSON.stringify(pat)).not.toMatch(/pat@|Pat/)
  })

  it('refuses bad rows with every reason, numbered as a spreadsheet shows them', () => {
    // Row 1 is the header; row 7 is blank (skipped, still counted); row 8 is after it.
    expect(file.rejected).toEqual([
      {
        row: 5,
        reason:
          'email (column Patient Email): not a valid e-mail address; mobile (column Cell Phone): too short',
      },
      {
        row: 8,
        reason:
          'date (column Appt Date): the visit is in the future: invitations go after the visit; ' +
          'provider: no provider of the practice is named "Dr. Who"; ' +
          'location (column Clinic): no location of the practice is named "Uptown"; ' +
          'language (column Preferred Language): expected en or es (English or Spanish)',
      },
    ])
    const reasons = JSON.stringify(file.rejected)
    for (const detail of ['sam@', 'Sam', '555 01', 'Kim', 'kim@'])
      expect(reasons).not.toContain(detail)
  })

  it('gives the same visit the same id on every import, and imports a repeat in one file once', () => {
    const again = readVisitsCsv(exportFile, {
      ...options,
      mapping: exportMapping,
      now: new Date('2026-12-01T18:00:00.000Z'),
    })
    expect(again.visits.map((visit) => visit.id)).toEqual(file.visits.map((visit) => visit.id))
    const twice = readVisitsCsv(
      'date,time,email,email_consent\n11/30/2026,9:30,Ana@Example.com,yes\n11/30/2026,9:30 AM,ana@example.com,Y\n',
      options,
    )
    expect(twice.visits).toHaveLength(1)
    expect(twice.rejected).toEqual([{ row: 3, reason: 'the same visit as row 2: imported once' }])
  })

  it('counts a quoted cell with a line break as one row', () => {
    const read = readVisitsCsv(
      'date,time,first_name,email\n11/30/2026,9:30,"Ana\nMaría",ana@example.com\n11/30/2026,99:30,Bo,bo@example.com\n',
      options,
    )
    expect(read.visits).toHaveLength(1)
    expect(read.rejected).toEqual([
      { row: 3, reason: 'time: expected a time such as 9:30 AM, 09:30 or 14:05' },
    ])
  })

  it('refuses a file it cannot read as a whole, saying why', () => {
    expect(() => readVisitsCsv('', options)).toThrow(Invalid)
    expect(() => readVisitsCsv('\n\n', options)).toThrow(/empty/)
    expect(() => readVisitsCsv('date,email\n"11/30/2026,a@b.co\n', options)).toThrow(
      /not valid CSV \(near line \d\)/,
    )
    expect(() => readVisitsCsv('when,email\n', options)).toThrow(/date column is required/)
  })

  it('takes 10,000 visits and refuses 10,001, and refuses a file over 5 MB', () => {
    const line = '11/30/2026,9:30,a@example.com\n'
    const header = 'date,time,email\n'
    expect(readVisitsCsv(header + line.repeat(10_000), options).rejected).toHaveLength(9_999)
    expect(() => readVisitsCsv(header + line.repeat(10_001), options)).toThrow(VisitsFileTooLarge)
    // 9,000 rows (under the row limit) of 600-character notes: over 5 MB.
    const big =
      'date,time,email,notes\n' + `11/30/2026,9:30,a@example.com,${'x'.repeat(600)}\n`.repeat(9_000)
    expect(big.length).toBeGreaterThan(5 * 1024 * 1024)
    expect(() => readVisitsCsv(big, options)).toThrow(/at most 5 MB/)
  })
})
