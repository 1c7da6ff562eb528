import { describe, expect, it } from 'vitest'
import {
  foldText,
  readClock,
  readConsent,
  readDay,
  readLanguage,
  splitDateTime,
  zonedInstant,
} from '../../../../functions/src/domain/visits/visit-cells'

describe('readDay', () => {
  it.each([
    ['2026-11-30', { year: 2026, month: 11, day: 30 }],
    ['11/30/2026', { year: 2026, month: 11, day: 30 }],
    ['1/5/2026', { year: 2026, month: 1, day: 5 }],
    ['01-05-2026', { year: 2026, month: 1, day: 5 }],
    ['11/30/26', { year: 2026, month: 11, day: 30 }],
    [' 2026-02-28 ', { year: 2026, month: 2, day: 28 }],
  ])('reads %j', (cell, day) => {
    expect(readDay(cell)).toEqual(day)
  })

  it.each([
    '2026-02-30',
    '30/11/2026',
    '13/01/2026',
    'Nov 30 2026',
    '2026/11/30',
    '',
    '1899-12-31',
  ])('refuses %j', (cell) => {
    expect(readDay(cell)).toBeUndefined()
  })
})

describe('readClock', () => {
  it.each([
    ['9:30 AM', { hour: 9, minute: 30, second: 0 }],
    ['9:30am', { hour: 9, minute: 30, second: 0 }],
    ['9:30 p.m.', { hour: 21, minute: 30, second: 0 }],
    ['12:15 AM', { hour: 0, minute: 15, second: 0 }],
    ['12:15 PM', { hour: 12, minute: 15, second: 0 }],
    ['9 AM', { hour: 9, minute: 0, second: 0 }],
    ['09:30', { hour: 9, minute: 30, second: 0 }],
    ['14:05', { hour: 14, minute: 5, second: 0 }],
    ['14:05:59', { hour: 14, minute: 5, second: 59 }],
    ['0:00', { hour: 0, minute: 0, second: 0 }],
  ])('reads %j', (cell, time) => {
    expect(readClock(cell)).toEqual(time)
  })

  it.each(['13:00 PM', '0:30 AM', '24:00', '9:60', '9', 'noon', '', '9.30'])(
    'refuses %j',
    (cell) => {
      expect(readClock(cell)).toBeUndefined()
    },
  )
})

describe('zonedInstant', () => {
  const at = (day: string, time: string, zone: string) =>
    zonedInstant(readDay(day)!, readClock(time)!, zone)

  it('reads the wall clock in the practice time zone', () => {
    expect(at('11/30/2026', '9:30 AM', 'America/Chicago')).toBe('2026-11-30T15:30:00.000Z')
    expect(at('2026-07-01', '09:00', 'America/Phoenix')).toBe('2026-07-01T16:00:00.000Z')
    expect(at('2026-07-01', '09:00', 'Pacific/Honolulu')).toBe('2026-07-01T19:00:00.000Z')
  })

  it('moves the offset across a daylight-saving change (New York, 8 March 2026)', () => {
    expect(at('2026-03-07', '09:00', 'America/New_York')).toBe('2026-03-07T14:00:00.000Z')
    expect(at('2026-03-09', '09:00', 'America/New_York')).toBe('2026-03-09T13:00:00.000Z')
    // Arizona keeps its clock: the same hour is the same UTC hour on both sides.
    expect(at('2026-03-07', '09:00', 'America/Phoenix')).toBe('2026-03-07T16:00:00.000Z')
    expect(at('2026-03-09', '09:00', 'America/Phoenix')).toBe('2026-03-09T16:00:00.000Z')
  })

  it('reads a time in the skipped hour an hour later, as the clocks on the wall showed it', () => {
    // 2:30 a.m. did not happen on 8 March 2026 in New York; 3:30 EDT is 07:30Z.
    expect(at('2026-03-08', '2:30 AM', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z')
  })
})

describe('splitDateTime', () => {
  it.each([
    ['2026-11-30 09:30', { date: '2026-11-30', time: '09:30' }],
    ['2026-11-30T14:05', { date: '2026-11-30', time: '14:05' }],
    ['11/30/2026 9:30 AM', { date: '11/30/2026', time: '9:30 AM' }],
    ['11/30/2026, 9:30 AM', { date: '11/30/2026', time: '9:30 AM' }],
  ])('splits %j', (cell, parts) => {
    expect(splitDateTime(cell)).toEqual(parts)
  })

  it('leaves a date alone', () => {
    expect(splitDateTime('11/30/2026')).toBeUndefined()
  })
})

describe('readConsent', () => {
  it.each(['yes', 'YES', 'y', 'true', 'TRUE', '1', 'sí', 'Sí', 'si'])('%j is consent', (cell) => {
    expect(readConsent(cell)).toBe(true)
  })
  it.each(['no', 'No', 'n', 'false', '0', '', '  '])('%j is no consent', (cell) => {
    expect(readConsent(cell)).toBe(false)
  })
  it.each(['maybe', 'x', 'ok', '2', 'yes please'])('%j cannot be read', (cell) => {
    expect(readConsent(cell)).toBeUndefined()
  })
})

describe('readLanguage', () => {
  it.each([
    ['en', 'en'],
    ['EN', 'en'],
    ['en-US', 'en'],
    ['English', 'en'],
    ['inglés', 'en'],
    ['es', 'es'],
    ['es-MX', 'es'],
    ['es_US', 'es'],
    ['Spanish', 'es'],
    ['Español', 'es'],
    ['spa', 'es'],
  ])('%j is %s', (cell, language) => {
    expect(readLanguage(cell)).toBe(language)
  })
  it.each(['fr', 'French', 'zh-CN', 'other'])('%j is not ours', (cell) => {
    expect(readLanguage(cell)).toBeUndefined()
  })
})

describe('foldText', () => {
  it('drops accents and case and collapses spaces', () => {
    expect(foldText('  Clínica   NORTE ')).toBe('clinica norte')
    expect(foldText('Peña Ñúñez')).toBe('pena nunez')
  })
})
