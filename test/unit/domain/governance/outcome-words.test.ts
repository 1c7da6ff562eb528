import { describe, expect, it } from 'vitest'
import { addDays } from '../../../../functions/src/domain/analytics/periods'
import { fixOutcome } from '../../../../functions/src/domain/governance/outcome'
import {
  outcomeLine,
  verdictLabel,
} from '../../../../functions/src/domain/governance/outcome-words'

// 13 baseline weeks and 8 after, 20 answers each: 8 of 20 top box before, then `after` of 20.
const fixWeek = '2026-10-05'
const weeksOf = (after: number, weeksAfter = 8) => [
  ...Array.from({ length: 13 }, (_, i) => ({ week: addDays(fixWeek, -7 * (13 - i)), n: 20, k: 8 })),
  ...Array.from({ length: weeksAfter }, (_, i) => ({
    week: addDays(fixWeek, 7 * i),
    n: 20,
    k: after,
  })),
]
const today = addDays(fixWeek, 7 * 8 - 1)

describe('a fix outcome in words', () => {
  it('says improved with the shares, the test and the shift, in English and Spanish', () => {
    const outcome = fixOutcome({ weeks: weeksOf(16), effectiveOn: fixWeek, today })
    expect(outcome.verdict).toBe('improved')
    expect(outcomeLine(outcome, 'en')).toBe(
      'Improved: top box 40% before, 80% after (p < 0.001), a shift above the baseline median',
    )
    expect(outcomeLine(outcome, 'es')).toBe(
      'Mejoró: máxima puntuación 40% antes, 80% después (p < 0.001), un desplazamiento por encima de la mediana de referencia',
    )
  })

  it('never calls a flat line a change', () => {
    const outcome = fixOutcome({ weeks: weeksOf(8), effectiveOn: fixWeek, today })
    expect(outcomeLine(outcome, 'en')).toMatch(
      /^No change yet: top box 40% before, 40% after \(p = 1\.00\), /,
    )
  })

  it('says what is still needed, in both languages', () => {
    const outcome = fixOutcome({
      weeks: weeksOf(16, 2),
      effectiveOn: fixWeek,
      today: addDays(fixWeek, 13),
    })
    expect(outcomeLine(outcome, 'en')).toBe(
      'Not enough data yet: it needs 4 more weeks after the fix (260 answers before, 40 answers after)',
    )
    expect(outcomeLine(outcome, 'es')).toBe(
      'Aún no hay datos suficientes: necesita 4 semanas más después de la solución (260 respuestas antes, 40 respuestas después)',
    )
    expect(verdictLabel('worse', 'es')).toBe('Empeoró')
  })
})
