import type { Language } from '../practice'
import type { Outcome } from './outcome'
import type { Shortfall, Verdict } from './outcome-verdict'

/**
 * A fix's outcome in one line of words, for records that cannot draw the chart (the meeting's
 * Markdown minutes): the verdict first, then the numbers behind it. It says no more than the
 * verdict does: a change is only called one when the outcome found it.
 */

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`)
const pText = (p: number | null) =>
  p === null ? undefined : p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(p < 0.01 ? 3 : 2)}`
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

const words = {
  en: {
    verdicts: {
      improved: 'Improved',
      'no-change': 'No change yet',
      worse: 'Worse',
      'not-enough-data': 'Not enough data yet',
    } satisfies Record<Verdict, string>,
    topBox: (before: string, after: string) => `top box ${before} before, ${after} after`,
    shift: (side: 'above' | 'below') => `a shift ${side} the baseline median`,
    longRun: (side: 'above' | 'below') => `a run ${side} the median longer than chance allows`,
    fewCrossings: 'fewer crossings of the median than chance allows',
    noSignal: 'no signal on the run chart yet',
    needs: (shortfall: Shortfall) => {
      const parts: string[] = []
      if (shortfall.weeksAfter > 0)
        parts.push(`${plural(shortfall.weeksAfter, 'more week', 'more weeks')} after the fix`)
      if (shortfall.answersAfter > 0)
        parts.push(
          `about ${plural(shortfall.answersAfter, 'more answer', 'more answers')} after it`,
        )
      if (shortfall.weeksBefore > 0)
        parts.push(
          `answers in ${plural(shortfall.weeksBefore, 'more week', 'more weeks')} before the fix`,
        )
      if (shortfall.answersBefore > 0)
        parts.push(
          `about ${plural(shortfall.answersBefore, 'more answer', 'more answers')} before it`,
        )
      return `it needs ${parts.join(' and ')}`
    },
    answers: (before: number, after: number) =>
      `${plural(before, 'answer', 'answers')} before, ${plural(after, 'answer', 'answers')} after`,
    nps: 'NPS',
  },
  es: {
    verdicts: {
      improved: 'Mejoró',
      'no-change': 'Sin cambio todavía',
      worse: 'Empeoró',
      'not-enough-data': 'Aún no hay datos suficientes',
    } satisfies Record<Verdict, string>,
    topBox: (before: string, after: string) =>
      `máxima puntuación ${before} antes, ${after} después`,
    shift: (side: 'above' | 'below') =>
      `un desplazamiento ${side === 'above' ? 'por encima' : 'por debajo'} de la mediana de referencia`,
    longRun: (side: 'above' | 'below') =>
      `una racha ${side === 'above' ? 'por encima' : 'por debajo'} de la mediana más larga de lo que permite el azar`,
    fewCrossings: 'menos cruces de la mediana de los que permite el azar',
    noSignal: 'aún sin señal en el gráfico de ejecución',
    needs: (shortfall: Shortfall) => {
      const parts: string[] = []
      if (shortfall.weeksAfter > 0)
        parts.push(
          `${plural(shortfall.weeksAfter, 'semana más', 'semanas más')} después de la solución`,
        )
      if (shortfall.answersAfter > 0)
        parts.push(
          `unas ${plural(shortfall.answersAfter, 'respuesta más', 'respuestas más')} después`,
        )
      if (shortfall.weeksBefore > 0)
        parts.push(
          `respuestas en ${plural(shortfall.weeksBefore, 'semana más', 'semanas más')} antes de la solución`,
        )
      if (shortfall.answersBefore > 0)
        parts.push(
          `unas ${plural(shortfall.answersBefore, 'respuesta más', 'respuestas más')} antes`,
        )
      return `necesita ${parts.join(' y ')}`
    },
    answers: (before: number, after: number) =>
      `${plural(before, 'respuesta', 'respuestas')} antes, ${plural(after, 'respuesta', 'respuestas')} después`,
    nps: 'NPS',
  },
} as const

/** The verdict's label in the language ("Improved", "No change yet", …). */
export const verdictLabel = (verdict: Verdict, language: Language) =>
  words[language].verdicts[verdict]

/**
 * The outcome as a line: verdict, top-box shares, the test, the run-chart signal, and for "not
 * enough data yet" what it still needs; the NPS verdict after it when the survey asks NPS.
 *
 * @example
 * outcomeLine(outcome, 'en')
 * // 'Improved: top box 41% before, 79% after (p < 0.001), a shift above the baseline median'
 */
export function outcomeLine(outcome: Outcome, language: Language): string {
  const t = words[language]
  const label = t.verdicts[outcome.verdict]
  const npsPart = outcome.nps
    ? `; ${t.nps}: ${t.verdicts[outcome.nps.verdict]}${
        outcome.nps.before.score !== null && outcome.nps.after.score !== null
          ? ` (${signed(outcome.nps.before.score)} → ${signed(outcome.nps.after.score)})`
          : ''
      }`
    : ''
  if (outcome.verdict === 'not-enough-data') {
    const needs = outcome.shortfall ? `: ${t.needs(outcome.shortfall)}` : ''
    return `${label}${needs} (${t.answers(outcome.before.n, outcome.after.n)})${npsPart}`
  }
  const p = pText(outcome.test.p)
  const shares = `${t.topBox(percent(outcome.before.topBox), percent(outcome.after.topBox))}${p ? ` (${p})` : ''}`
  return `${label}: ${shares}, ${signalWords(outcome, t)}${npsPart}`
}

const signed = (score: number) => `${score > 0 ? '+' : ''}${Math.round(score)}`

function signalWords(outcome: Outcome, t: (typeof words)[Language]): string {
  const { signals } = outcome
  if (signals.shift && signals.shiftSide) return t.shift(signals.shiftSide)
  if (signals.longRun && signals.longestRunSide) return t.longRun(signals.longestRunSide)
  return signals.fewCrossings ? t.fewCrossings : t.noSignal
}
