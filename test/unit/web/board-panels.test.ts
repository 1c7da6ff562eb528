import { describe, expect, it } from 'vitest'
import type { Action, BoardArea, Note } from '../../../functions/src/domain/boards/board'
import type { PresenceEntry } from '../../../functions/src/realtime/protocol'
import {
  formatDue,
  notesByVotes,
  shorten,
  sortActions,
  totalVotes,
} from '../../../web/src/routes/(workshop)/w/[id]/actions-format'
import {
  areaLabel,
  defaultArea,
  evidenceQuery,
} from '../../../web/src/routes/(workshop)/w/[id]/evidence-areas'
import { exportFileName } from '../../../web/src/routes/(workshop)/w/[id]/export-file'
import {
  formatCountdown,
  plusOneMinute,
  remainingSeconds,
  spokenCountdown,
  stepSeconds,
  voteProgress,
} from '../../../web/src/routes/(workshop)/w/[id]/facilitator-timer'
import { es } from '../../../web/src/lib/board/strings'
import { durationLabel, expiryText } from '../../../web/src/routes/(workshop)/w/[id]/share-expiry'

const ana = 'u_01HZZZZZZZZZZZZZZZZZZZZZZA'
const ben = 'g_01HZZZZZZZZZZZZZZZZZZZZZZB'
const cai = 'u_01HZZZZZZZZZZZZZZZZZZZZZZC'

function note(
  id: string,
  votes: Record<string, number>,
  createdAt = '2026-11-10T09:00:00.000Z',
): Note {
  return {
    id,
    area: 'pains',
    text: `Note ${id}`,
    colour: 'yellow',
    order: 1,
    group: null,
    author: null,
    anonymous: true,
    source: null,
    votes,
    createdAt,
    updatedAt: createdAt,
    version: 1,
  }
}

function person(id: string, name: string): PresenceEntry {
  return { id: id as PresenceEntry['id'], name, kind: 'staff', typing: null, facilitator: false }
}

function action(id: string, status: 'open' | 'done', createdAt: string): Action {
  return {
    id,
    text: `Action ${id}`,
    noteId: null,
    owner: null,
    due: null,
    status,
    createdBy: { id: ana, name: 'Ana', kind: 'staff' },
    createdAt,
    version: 1,
  }
}

describe('step timer', () => {
  const now = Date.parse('2026-11-10T10:00:00.000Z')

  it('counts whole seconds left, never below zero, and nothing without a timer', () => {
    expect(remainingSeconds(null, now)).toBeNull()
    expect(remainingSeconds('2026-11-10T10:04:05.000Z', now)).toBe(245)
    expect(remainingSeconds('2026-11-10T10:00:00.400Z', now)).toBe(1)
    expect(remainingSeconds('2026-11-10T09:59:00.000Z', now)).toBe(0)
  })

  it('reads like a clock and in words', () => {
    expect(formatCountdown(245)).toBe('4:05')
    expect(formatCountdown(9)).toBe('0:09')
    expect(formatCountdown(3723)).toBe('1:02:03')
    expect(spokenCountdown(245)).toBe('4 minutes 5 seconds left')
    expect(spokenCountdown(60)).toBe('1 minute left')
    expect(spokenCountdown(0)).toBe('Time is up')
  })

  it('adds a minute to what is left, within the two hours the server allows', () => {
    expect(plusOneMinute(null)).toBe(60)
    expect(plusOneMinute(0)).toBe(60)
    expect(plusOneMinute(245)).toBe(305)
    expect(plusOneMinute(7190)).toBe(7200)
    expect(stepSeconds(5)).toBe(300)
    expect(stepSeconds(500)).toBe(7200)
  })
})

describe('voteProgress', () => {
  it('sums each person’s dots across notes and lists who has dots left first', () => {
    const notes = {
      a: note('a', { [ana]: 2, [ben]: 1 }),
      b: note('b', { [ana]: 1 }),
    }
    const rows = voteProgress(
      [person(ana, 'Ana'), person(ben, 'Ben'), person(cai, 'Cai')],
      notes,
      3,
    )
    expect(rows.map((r) => [r.name, r.used, r.done])).toEqual([
      ['Cai', 0, false],
      ['Ben', 1, false],
      ['Ana', 3, true],
    ])
  })

  it('lists a person connected twice once', () => {
    expect(voteProgress([person(ana, 'Ana'), person(ana, 'Ana')], {}, 5)).toHaveLength(1)
  })
})

describe('actions', () => {
  it('puts open actions first, each group oldest first', () => {
    const sorted = sortActions({
      a: action('a', 'done', '2026-11-10T09:00:00.000Z'),
      b: action('b', 'open', '2026-11-10T09:05:00.000Z'),
      c: action('c', 'open', '2026-11-10T09:01:00.000Z'),
    })
    expect(sorted.map((a) => a.id)).toEqual(['c', 'b', 'a'])
  })

  it('offers the most voted notes first', () => {
    const notes = {
      a: note('a', { [ana]: 1 }, '2026-11-10T09:00:00.000Z'),
      b: note('b', { [ana]: 2, [ben]: 2 }, '2026-11-10T09:02:00.000Z'),
      c: note('c', { [ben]: 1 }, '2026-11-10T08:00:00.000Z'),
      d: note('d', {}),
    }
    expect(totalVotes(notes.b)).toBe(4)
    expect(notesByVotes(notes).map((n) => n.id)).toEqual(['b', 'c', 'a', 'd'])
  })

  it('cuts long notes at a word', () => {
    expect(shorten('Short one')).toBe('Short one')
    expect(
      shorten('The receptionist   could not\nfind my referral letter anywhere at all', 30),
    ).toBe('The receptionist could not…')
  })

  it('shows due days briefly and marks the passed ones', () => {
    expect(formatDue('2026-11-14', '2026-11-10')).toEqual({ text: 'Nov 14, 2026', overdue: false })
    expect(formatDue('2027-01-04', '2026-11-10')).toEqual({ text: 'Jan 4, 2027', overdue: false })
    expect(formatDue('2026-11-09', '2026-11-10').overdue).toBe(true)
  })

  it('writes a due day in Spanish on a Spanish board, the same day in every zone', () => {
    expect(formatDue('2026-11-14', '2026-11-10', 'es')).toEqual({
      text: '14 nov 2026',
      overdue: false,
    })
    expect(formatDue('2027-01-04', '2026-11-10', 'es').text).toBe('4 ene 2027')
  })
})

describe('expiryText', () => {
  const now = Date.parse('2026-11-10T09:00:00.000Z')

  // ICU writes a narrow no-break space before AM/PM; read it as a space.
  const said = (iso: string, zone: string) => expiryText(iso, now, zone).replace(/\u202f/g, ' ')

  it('says today, tomorrow or the day, with the same clock as the rest of the page', () => {
    expect(said('2026-11-10T18:30:00.000Z', 'UTC')).toBe('Expires today at 6:30 PM')
    expect(said('2026-11-11T09:00:00.000Z', 'UTC')).toBe('Expires tomorrow at 9:00 AM')
    expect(said('2026-11-17T09:00:00.000Z', 'UTC')).toBe('Expires on Nov 17, 2026 at 9:00 AM')
    expect(said('2026-11-10T08:00:00.000Z', 'UTC')).toBe('Expired')
  })

  it('says it in Spanish, with the clock of es-US', () => {
    const dicho = (iso: string) => expiryText(iso, now, 'UTC', es).replace(/[\u202f\u00a0]/g, ' ')
    expect(dicho('2026-11-10T18:30:00.000Z')).toBe('Vence hoy a las 6:30 p.m.')
    expect(dicho('2026-11-11T09:00:00.000Z')).toBe('Vence mañana a las 9:00 a.m.')
    expect(dicho('2026-11-17T09:00:00.000Z')).toBe('Vence el 17 nov 2026 a las 9:00 a.m.')
    expect(dicho('2026-11-10T08:00:00.000Z')).toBe('Vencido')
    expect([12, 168].map((hours) => durationLabel(hours, es))).toEqual(['12 horas', '7 días'])
  })

  it('counts days in the given time zone', () => {
    // 23:30 UTC is already tomorrow in Madrid.
    expect(said('2026-11-10T23:30:00.000Z', 'Europe/Madrid')).toBe('Expires tomorrow at 12:30 AM')
  })
})

describe('evidence areas', () => {
  const area = (id: string, tone: BoardArea['tone'], touchpointId: string | null = null) =>
    ({
      id,
      title: id,
      prompt: '',
      row: 1,
      col: 1,
      rowSpan: 1,
      colSpan: 1,
      tone,
      touchpointId,
    }) as BoardArea

  it('adds quotes where the person works, else to the first pain (or goal) area', () => {
    const board = { areas: [area('says', 'neutral'), area('goal', 'goal'), area('pains', 'pain')] }
    expect(defaultArea(board, 'says')).toBe('says')
    expect(defaultArea(board, 'gone')).toBe('pains')
    expect(defaultArea(board, null)).toBe('pains')
    expect(defaultArea({ areas: [area('says', 'neutral'), area('goal', 'goal')] }, null)).toBe(
      'goal',
    )
    expect(defaultArea({ areas: [area('says', 'neutral')] }, null)).toBe('says')
    expect(defaultArea({ areas: [] }, null)).toBeNull()
  })

  it('on a journey map, prefers the searched touch point’s column', () => {
    const board = {
      areas: [
        area('pains.booking', 'pain', 'booking'),
        area('does.check-in', 'neutral', 'check-in'),
        area('pains.check-in', 'pain', 'check-in'),
      ],
      journey: [
        { touchpointId: 'booking', title: 'Booking' },
        { touchpointId: 'check-in', title: 'Check-in' },
      ],
    }
    expect(defaultArea(board, null, 'check-in')).toBe('pains.check-in')
    expect(defaultArea(board, null, null)).toBe('pains.booking')
    expect(areaLabel(board, board.areas[2]!)).toBe('pains.check-in · Check-in')
  })

  it('asks only for the filters that are set', () => {
    expect(
      evidenceQuery({
        q: '  long wait ',
        theme: '',
        touchpoint: 'check-in',
        sentiment: '',
        limit: 20,
      }),
    ).toBe('q=long+wait&touchpoint=check-in&limit=20')
  })
})

describe('exportFileName', () => {
  it('keeps the title readable and safe for file systems', () => {
    expect(exportFileName('Skin check: new patients', 'png')).toBe('Skin check- new patients.png')
    expect(exportFileName('  a/b  ', 'md')).toBe('a-b.md')
    expect(exportFileName('...', 'md')).toBe('board.md')
    expect(exportFileName('Citas en línea', 'md')).toBe('Citas en línea.md')
  })
})
