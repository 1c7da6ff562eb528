import { describe, expect, it } from 'vitest'
import { readVisitsCsv } from '../../../../functions/src/domain/visits/visits-csv'

const providers = [
  { id: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B', name: 'Dr. Ana Pérez' },
  { id: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3C', name: 'Dr. Robert Núñez' },
]
const locations = [{ id: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3D', name: 'Clínica Norte' }]
const now = new Date('2026-12-01T15:00:00.000Z')

/** Ten ways a row goes wrong, each with what its reason must say. */
const badKinds: { spoil: (row: string[]) => void; reason: RegExp }[] = [
  { spoil: (r) => (r[0] = '30/11/2026'), reason: /^date: expected a date/ },
  { spoil: (r) => (r[1] = '9:75'), reason: /^time: expected a time/ },
  { spoil: (r) => (r[0] = '12/05/2026'), reason: /^date: the visit is in the future/ },
  {
    spoil: (r) => (r[0] = '10/01/2026'),
    reason: /^date: the visit is older than the invitation window/,
  },
  {
    spoil: (r) => (r[2] = 'Dr. Nobody'),
    reason: /^provider: no provider of the practice is named "Dr\. Nobody"$/,
  },
  {
    spoil: (r) => (r[3] = 'Eastside'),
    reason: /^location: no location of the practice is named "Eastside"$/,
  },
  { spoil: (r) => (r[5] = 'patient@@example.com'), reason: /^email: not a valid e-mail address$/ },
  { spoil: (r) => (r[6] = '555-01'), reason: /^mobile: too short$/ },
  { spoil: (r) => ((r[5] = ''), (r[6] = '')), reason: /^no e-mail address or mobile number/ },
  { spoil: (r) => (r[7] = 'Klingon'), reason: /^language: expected en or es/ },
]

/** 1,000 visit rows, every tenth spoilt in the next of the ten ways. */
function generate(): { csv: string; bad: Map<number, RegExp> } {
  const lines = [
    'date,time,provider,location,first_name,email,mobile,language,email_consent,sms_consent',
  ]
  const bad = new Map<number, RegExp>()
  for (let i = 0; i < 1000; i++) {
    const minute = i % 600
    const row = [
      i % 2 ? '11/30/2026' : '2026-11-29',
      `${8 + Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}`,
      providers[i % 2]!.name,
      'clinica norte',
      `Patient${i}`,
      `patient${i}@example.com`,
      `(212) 555-${String(1000 + i).padStart(4, '0')}`,
      i % 3 ? 'en' : 'es',
      i % 4 ? 'yes' : 'no',
      i % 5 ? 'y' : 'n',
    ]
    if (i % 10 === 9) {
      const kind = badKinds[Math.floor(i / 10) % badKinds.length]!
      kind.spoil(row)
      bad.set(i + 2, kind.reason)
    }
    lines.push(row.join(','))
  }
  return { csv: `${lines.join('\n')}\n`, bad }
}

describe('readVisitsCsv over 1,000 rows, 10% of them bad', () => {
  it('rejects every bad row with its reason and reads every good one', () => {
    const { csv, bad } = generate()
    const read = () =>
      readVisitsCsv(csv, {
        practice: {
          id: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3F',
          timeZone: 'America/New_York',
          languages: ['en', 'es'],
        },
        providers,
        locations,
        now,
        contactSecret: 'a-test-secret-of-some-length',
        consentTextVersion: 'v1',
      })
    // Timed, not asserted: the first read pays for loading and compiling, the second shows the pace.
    for (const pass of ['first', 'second']) {
      const started = performance.now()
      read()
      const ms = performance.now() - started
      console.log(
        `${pass} read of 1,000 visit rows: ${ms.toFixed(0)} ms, ${ms.toFixed(0)} µs a row`,
      )
    }
    const file = read()

    expect(bad.size).toBe(100)
    expect(file.rejected.map((r) => r.row)).toEqual([...bad.keys()])
    for (const { row, reason } of file.rejected) expect(reason, `row ${row}`).toMatch(bad.get(row)!)
    expect(file.visits).toHaveLength(900)
    expect(new Set(file.visits.map((visit) => visit.id)).size).toBe(900)
    // Consent decides the channels: every fourth row said no to e-mail, every fifth no to texts,
    // so every twentieth (50 rows, all of them good ones) said no to both.
    const notInvitable = file.visits.filter((visit) => !visit.invitable)
    expect(notInvitable).toHaveLength(50)
    expect(
      file.visits.filter((visit) => !visit.invitable).every((v) => v.contact === undefined),
    ).toBe(true)
    // No reason carries a patient's name, address or number.
    expect(JSON.stringify(file.rejected)).not.toMatch(/Patient\d|patient\d|555-/)
  })
})
