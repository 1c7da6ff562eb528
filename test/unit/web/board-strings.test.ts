import { describe, expect, it } from 'vitest'
import { stepLine } from '../../../web/src/lib/board/describe'
import { boardStrings, en, es } from '../../../web/src/lib/board/strings'
import { boardOf, now } from '../../support/board-fixtures'

/** Every path to a leaf: nested records (the emotion levels, the pill) count key by key. */
function leafKeys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, inner]) =>
    inner && typeof inner === 'object'
      ? leafKeys(inner as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  )
}

describe('the board strings', () => {
  it('has a Spanish string for every English one, and no extra', () => {
    expect(leafKeys(es).sort()).toEqual(leafKeys(en).sort())
  })

  it('says every Spanish string in words that differ from the English', () => {
    for (const key of leafKeys(en)) {
      const path = key.split('.')
      const pick = (root: object) =>
        path.reduce<unknown>((at, part) => (at as Record<string, unknown>)[part], root)
      const [english, spanish] = [pick(en), pick(es)]
      expect(typeof spanish, key).toBe(typeof english)
      // Counts take numbers, sentences take words: try the one, then the other.
      const render = (v: unknown) => {
        if (typeof v !== 'function') return String(v)
        try {
          return String(v(3, true))
        } catch {
          return String(v('Pains', 'Check-in'))
        }
      }
      expect(render(spanish).trim(), key).not.toBe('')
      expect(render(spanish), key).not.toBe(render(english))
    }
  })

  it('ends a sentence once after a Spanish time, which ends in a period already', () => {
    expect(es.share.created('Vence hoy a las 9:00 a.m.')).toBe(
      'Enlace de invitado creado. Vence hoy a las 9:00 a.m.',
    )
    expect(es.share.scanHint('Vence hoy a las 18:30')).toMatch(
      /al código\. Vence hoy a las 18:30\.$/,
    )
  })

  it('writes the replay count of changes with digit grouping', () => {
    expect(en.replay.changesLoaded(1234)).toBe('1,234 changes loaded…')
    expect(es.replay.changesLoaded(1234)).toBe('1,234 cambios cargados…')
    expect(es.replay.changesLoaded(1)).toBe('1 cambio cargado…')
  })

  it('picks Spanish for a Spanish board and English otherwise', () => {
    expect(boardStrings('es').addNote).toBe('Añadir una nota')
    expect(boardStrings('en').addNote).toBe('Add a note')
    expect(boardStrings(undefined).addNote).toBe('Add a note')
  })

  it('writes the header step line in the board language', () => {
    const board = boardOf({
      step: { index: 1, startedAt: now.toISOString(), endsAt: '2026-03-02T15:06:42.000Z' },
    })
    expect(stepLine(board, now.getTime(), es)).toBe('Paso 2 de 4 · Vote · quedan 6:42')
    expect(stepLine(board, Date.parse('2026-03-02T15:07:00.000Z'), es)).toBe(
      'Paso 2 de 4 · Vote · Se acabó el tiempo',
    )
  })
})
