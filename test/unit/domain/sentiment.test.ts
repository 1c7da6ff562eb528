import { beforeAll, describe, expect, it } from 'vitest'
import { matchThemes, tokenize } from '../../../functions/src/domain/themes'
import { commentReader } from '../../../functions/src/ingest/comment-reader'
import { themes } from '../../../workshops'
import { labelledComments, measureSentiment, type SentimentFigures } from '../../bench/sentiment'

const analyzeComment = (text: string, language: 'en' | 'es') =>
  commentReader.analyze(text, language)
const label = async (text: string, language: 'en' | 'es') =>
  (await analyzeComment(text, language)).sentiment.label
const score = async (text: string, language: 'en' | 'es') =>
  (await analyzeComment(text, language)).sentiment.score

describe('analyzeComment in English', () => {
  it.each(['It was fine.', 'Okay visit.', 'Fine.', 'ok', 'It was alright.', 'Decent visit.'])(
    'reads "%s" as neutral, though wink alone calls it praise',
    async (text) => {
      expect(await label(text, 'en')).toBe('neutral')
    },
  )

  it('does not read "not rude at all" as a complaint', async () => {
    expect(await label('not rude at all', 'en')).not.toBe('negative')
    expect(await label('The staff were not rude at all.', 'en')).not.toBe('negative')
  })

  it('flips negated praise, with the negation ending at "and"', async () => {
    expect(await label('The doctor did not listen.', 'en')).toBe('negative')
    expect(await label("I didn't like how the doctor spoke to me.", 'en')).toBe('negative')
    expect(await label("They didn't rush and actually listened.", 'en')).toBe('positive')
  })

  it('knows clinic complaints wink does not: rushed, on hold, never called back', async () => {
    expect(await label('The doctor rushed me.', 'en')).toBe('negative')
    expect(await label('On hold for forty minutes.', 'en')).toBe('negative')
    expect(await label('Never heard back about my results.', 'en')).toBe('negative')
  })

  it('weighs the clause after "but" over the one before', async () => {
    const praiseLast = await score('Long wait but the nurse was very kind.', 'en')
    expect(praiseLast).toBeGreaterThan(0)
    expect(praiseLast).toBeGreaterThan(
      await score('The nurse was very kind but the wait was long.', 'en'),
    )
  })
})

describe('analyzeComment in Spanish', () => {
  it('reads "no me gustó" and "nunca me llamaron" as negative', async () => {
    expect(await label('No me gustó.', 'es')).toBe('negative')
    expect(await label('Nunca me llamaron.', 'es')).toBe('negative')
    expect(await label('Nadie contestó el teléfono.', 'es')).toBe('negative')
  })

  it('does not read "nada que mejorar" as negative', async () => {
    expect(await label('Nada que mejorar.', 'es')).not.toBe('negative')
  })

  it('ends a negation at punctuation', async () => {
    expect(await label('No, todo excelente.', 'es')).toBe('positive')
    expect(await label('No todo excelente.', 'es')).toBe('negative')
  })

  it('counts a negated complaint as milder praise: "no fue malo"', async () => {
    const notBad = await score('No fue malo.', 'es')
    expect(notBad).toBeGreaterThan(0)
    expect(notBad).toBeLessThan(await score('Fue bueno.', 'es'))
  })

  it('strengthens a term after an intensifier and softens one after "un poco"', async () => {
    expect(await score('La doctora fue muy amable.', 'es')).toBeGreaterThan(
      await score('La doctora fue amable.', 'es'),
    )
    expect(await score('Fue un poco lento.', 'es')).toBeGreaterThan(await score('Fue lento.', 'es'))
  })

  it('reads plain remarks as neutral', async () => {
    for (const text of ['Todo normal.', 'Regular.', 'Sin comentarios.', 'Todo estuvo bien.']) {
      expect(await label(text, 'es'), text).toBe('neutral')
    }
  })
})

describe('themes', () => {
  it('are found in English and in Spanish', async () => {
    expect(
      (await analyzeComment('I waited an hour and the receptionist was rude.', 'en')).themes,
    ).toEqual(['wait-time', 'staff-courtesy'])
    expect(
      (await analyzeComment('Esperé dos horas y la recepcionista fue grosera.', 'es')).themes,
    ).toEqual(['wait-time', 'staff-courtesy'])
  })

  it('match words by prefix and accents either way', () => {
    expect(matchThemes('Estuve ESPERANDO mucho', 'es', themes)).toEqual(['wait-time'])
    expect(matchThemes('la factura y el diagnostico', 'es', themes)).toEqual([
      'clinician-communication',
      'billing-cost',
    ])
  })

  it('try whole English words on a Spanish comment, but not English prefixes', () => {
    expect(matchThemes('El copay fue muy alto', 'es', themes)).toEqual(['billing-cost'])
    // `record*` would find "recordaron" (they reminded me).
    expect(matchThemes('Me recordaron la cita', 'es', themes)).toEqual(['scheduling-access'])
  })

  it('leave out phrases a theme excludes: the waiting room is a place, not a wait', () => {
    expect(matchThemes('The waiting room was spotless.', 'en', themes)).toEqual([
      'facility-cleanliness',
    ])
    expect(
      matchThemes('The waiting room was spotless, but I waited an hour.', 'en', themes),
    ).toContain('wait-time')
  })

  it('split words at hyphens and apostrophes, as the lexicon does', () => {
    expect(tokenize("Check-in wasn't quick.")).toEqual(['check', 'in', 'wasn', 't', 'quick', '.'])
    expect(matchThemes('The follow-up call never came.', 'en', themes)).toEqual(['phone-follow-up'])
  })
})

describe('every comment', () => {
  it('scores within -1..1, even when it piles up praise or complaints', async () => {
    const extremes = [
      'Excellent excellent excellent, amazing, wonderful, the best, perfect!'.repeat(5),
      'Terrible, rude, dirty, awful, the worst, a nightmare.'.repeat(5),
      'Pésimo, horrible, sucio, grosero, un desastre.'.repeat(5),
    ]
    for (const { text, language } of [
      ...labelledComments,
      ...extremes.map((text) => ({ text, language: text.startsWith('P') ? 'es' : 'en' }) as const),
    ]) {
      const value = await score(text, language)
      expect(value, text).toBeGreaterThanOrEqual(-1)
      expect(value, text).toBeLessThanOrEqual(1)
    }
  })

  it('is neutral with no themes when empty or blank', async () => {
    for (const text of ['', '   ', '\n\t']) {
      for (const language of ['en', 'es'] as const) {
        expect(await analyzeComment(text, language)).toEqual({
          sentiment: { label: 'neutral', score: 0 },
          themes: [],
        })
      }
    }
  })

  it('gets the same answer every time', async () => {
    const text = 'The doctor was great but billing overcharged me.'
    expect(await analyzeComment(text, 'en')).toEqual(await analyzeComment(text, 'en'))
  })
})

describe('on the labelled comments in test/fixtures', () => {
  let figures: SentimentFigures
  beforeAll(async () => {
    figures = await measureSentiment()
  })

  it('has at least 300 comments, both languages, every label', () => {
    expect(figures.n).toBeGreaterThanOrEqual(300)
    expect(figures.byLanguage.en.n).toBeGreaterThanOrEqual(200)
    expect(figures.byLanguage.es.n).toBeGreaterThanOrEqual(120)
    for (const figure of Object.values(figures.classes)) expect(figure.n).toBeGreaterThan(50)
  })

  it('agrees with the labels on at least 80% overall and 75% in each language', () => {
    expect(figures.accuracy).toBeGreaterThanOrEqual(0.8)
    expect(figures.byLanguage.en.accuracy).toBeGreaterThanOrEqual(0.75)
    expect(figures.byLanguage.es.accuracy).toBeGreaterThanOrEqual(0.75)
  })

  it('finds most labelled themes without inventing many', () => {
    expect(figures.themes.recall).toBeGreaterThanOrEqual(0.8)
    expect(figures.themes.precision).toBeGreaterThanOrEqual(0.7)
  })
})
