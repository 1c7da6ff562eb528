import { describe, expect, it } from 'vitest'
import { withJourneyTouchpoints } from '../../../functions/src/domain/survey-journey'
import type { Question } from '../../../functions/src/domain/surveys'

const rating = (id: string, touchpoint?: string): Question =>
  ({
    id,
    type: 'rating',
    min: 1,
    max: 5,
    required: false,
    prompt: { en: id },
    touchpoint,
  }) as Question
const questions = Object.freeze([
  { id: 'recommend', type: 'nps', required: true, prompt: { en: 'Recommend?' } } as Question,
  rating('booking', 'booking'),
  rating('visit', 'visit'),
  rating('billing', 'billing'),
  {
    id: 'improve',
    type: 'text',
    required: false,
    prompt: { en: 'Improve?' },
    maxLength: 500,
  } as Question,
])
const step = (id: string, en: string, es?: string) => ({ id, name: { en, ...(es && { es }) } })

describe('withJourneyTouchpoints', () => {
  it('adds each missing touch point after the one before it in the journey', () => {
    const journey = [
      step('booking', 'Booking'),
      step('check-in', 'Check-in', 'Registro'),
      step('visit', 'The visit'),
      step('procedure', 'Procedures', 'Procedimientos'),
      step('billing', 'Billing'),
    ]
    const result = withJourneyTouchpoints(questions, ['en', 'es'], journey)
    expect(result.map((q) => q.id)).toEqual([
      'recommend',
      'booking',
      'check-in',
      'visit',
      'procedure',
      'billing',
      'improve',
    ])
    expect(result[4]).toMatchObject({
      type: 'rating',
      touchpoint: 'procedure',
      prompt: {
        en: 'How would you rate this part of your visit: Procedures?',
        es: '¿Cómo calificaría esta parte de su visita: Procedimientos?',
      },
    })
    expect(questions).toHaveLength(5) // the template is not changed
  })

  it('puts a touch point before all others right after the NPS question, and keeps ids unique', () => {
    const journey = [step('improve', 'Improvements'), step('booking', 'Booking')]
    const result = withJourneyTouchpoints(questions, ['en'], journey)
    expect(result.map((q) => q.id)).toEqual([
      'recommend',
      'improve-2',
      ...questions.slice(1).map((q) => q.id),
    ])
    // English stands in for a translation the journey lacks.
    expect(withJourneyTouchpoints(questions, ['es'], journey)[1]!.prompt.es).toContain(
      'Improvements',
    )
  })

  it('changes nothing when every touch point is asked', () => {
    const journey = [step('booking', 'B'), step('visit', 'V'), step('billing', 'Bi')]
    expect(withJourneyTouchpoints(questions, ['en'], journey)).toEqual([...questions])
  })
})
