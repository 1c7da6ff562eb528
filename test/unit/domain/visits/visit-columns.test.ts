import { describe, expect, it } from 'vitest'
import { Invalid } from '../../../../functions/src/domain/errors'
import {
  parseVisitMapping,
  visitColumns,
} from '../../../../functions/src/domain/visits/visit-columns'

/** The problems a refused header names, as `field: message`. */
function problemsOf(run: () => unknown): string[] {
  try {
    run()
  } catch (err) {
    expect(err).toBeInstanceOf(Invalid)
    return (err as Invalid).errors!.map((e) => `${e.field}: ${e.message}`)
  }
  throw new Error('expected the header to be refused')
}

describe('visitColumns', () => {
  it('recognises every field of the contract by name', () => {
    const header = [
      'date',
      'time',
      'provider',
      'location',
      'first_name',
      'email',
      'mobile',
      'language',
      'email_consent',
      'sms_consent',
    ]
    const { fieldAt, ignored } = visitColumns(header)
    expect([...fieldAt.values()]).toEqual(header)
    expect(ignored).toEqual([])
  })

  it('matches names ignoring case, spaces, hyphens and a byte-order mark', () => {
    const { fieldAt } = visitColumns(
      ['\uFEFFDate', ' TIME ', 'First Name', 'SMS-Consent', 'E-mail'],
      {
        'E-mail': 'email',
      },
    )
    expect([...fieldAt.entries()]).toEqual([
      [0, 'date'],
      [1, 'time'],
      [2, 'first_name'],
      [3, 'sms_consent'],
      [4, 'email'],
    ])
  })

  it('reads mapped columns, ignores what it is told to, and lists the rest as ignored', () => {
    const { fieldAt, ignored } = visitColumns(
      ['Appt Date', 'Appt Time', 'Patient Email', 'MRN', 'Date of Birth', 'Notes'],
      { 'Appt Date': 'date', 'appt time': 'time', 'Patient Email': 'email', MRN: 'ignore' },
    )
    expect([...fieldAt.values()]).toEqual(['date', 'time', 'email'])
    expect(ignored).toEqual(['Date of Birth', 'Notes'])
  })

  it('refuses the file naming every problem: unknown targets, missing columns, doubles', () => {
    const problems = problemsOf(() =>
      visitColumns(['Visit', 'email', 'Mail', 'Phone'], {
        Visit: 'visit_date',
        Mail: 'email',
        Cell: 'mobile',
      }),
    )
    expect(problems).toEqual([
      expect.stringMatching(
        /^mapping\.Visit: Unknown target "visit_date": expected one of date, time, .* or ignore$/,
      ),
      'mapping.Cell: The file has no such column',
      'columns.Mail: Read as email, like the column email: map one of them to ignore',
      'columns.date: A date column is required (map one to date)',
    ])
  })

  it('refuses a file with no way to reach the patient', () => {
    expect(problemsOf(() => visitColumns(['date', 'time', 'first_name']))).toEqual([
      'columns.email: An email or a mobile column is required: invitations need one (map one to email or mobile)',
    ])
  })
})

describe('parseVisitMapping', () => {
  it('reads a JSON object of column names', () => {
    expect(parseVisitMapping('{"Patient Email":"email"}')).toEqual({ 'Patient Email': 'email' })
  })

  it.each(['not json', '[1]', '{"a": 1}', 'null'])('refuses %j naming mapping', (text) => {
    expect(() => parseVisitMapping(text)).toThrow(Invalid)
    try {
      parseVisitMapping(text)
    } catch (err) {
      expect((err as Invalid).field).toBe('mapping')
    }
  })
})
