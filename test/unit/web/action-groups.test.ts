import { describe, expect, it } from 'vitest'
import { endOfWeek, groupActions } from '../../../web/src/routes/(app)/actions/action-groups'

// Tuesday 1 December 2026; that week ends on Sunday 6 December.
const today = '2026-12-01'

describe('"My actions" groups', () => {
  it('ends the week on the Sunday after today, or today when it is Sunday', () => {
    expect(endOfWeek('2026-12-01')).toBe('2026-12-06')
    expect(endOfWeek('2026-12-06')).toBe('2026-12-06')
    expect(endOfWeek('2026-12-07')).toBe('2026-12-13')
  })

  it('puts late, this week, later and done recently apart, soonest due first', () => {
    const actions = [
      { name: 'later', status: 'open' as const, dueOn: '2026-12-07' },
      { name: 'no date', status: 'open' as const, dueOn: null },
      { name: 'late', status: 'doing' as const, dueOn: '2026-11-30' },
      { name: 'today', status: 'open' as const, dueOn: '2026-12-01' },
      { name: 'sunday', status: 'doing' as const, dueOn: '2026-12-06' },
      { name: 'very late', status: 'open' as const, dueOn: '2026-11-02' },
      {
        name: 'done lately',
        status: 'done' as const,
        dueOn: '2026-11-20',
        doneAt: '2026-11-25T10:00:00Z',
      },
      {
        name: 'done long ago',
        status: 'done' as const,
        dueOn: '2026-10-01',
        doneAt: '2026-10-02T10:00:00Z',
      },
      { name: 'done undated', status: 'done' as const, dueOn: '2026-10-01' },
    ]
    const groups = groupActions(actions, today).map((g) => [g.id, g.items.map((a) => a.name)])
    expect(groups).toEqual([
      ['overdue', ['very late', 'late']],
      ['this-week', ['today', 'sunday']],
      ['later', ['later', 'no date']],
      ['done', ['done lately', 'done undated']],
    ])
  })

  it('leaves out empty groups and never changes its input', () => {
    const actions = Object.freeze([Object.freeze({ status: 'open' as const, dueOn: '2026-12-02' })])
    expect(groupActions(actions, today).map((g) => g.id)).toEqual(['this-week'])
    expect(groupActions([], today)).toEqual([])
  })
})
