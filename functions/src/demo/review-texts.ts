import type { Language } from '../domain/practice'

/**
 * What demo reviewers write on review sites. Invented for the demo: no names of patients, no
 * numbers, dates or places that could belong to a real person. Each text says how it feels, so the
 * generator gives it stars that fit.
 */
export type ReviewTone = 'praise' | 'mixed' | 'complaint'

export interface ReviewText {
  language: Language
  tone: ReviewTone
  /** About the wait or check-in: more of these while check-in sagged. */
  wait?: true
  text: string
}

const en = (tone: ReviewTone, text: string, wait?: true): ReviewText => ({
  language: 'en',
  tone,
  text,
  ...(wait && { wait }),
})
const es = (tone: ReviewTone, text: string, wait?: true): ReviewText => ({
  language: 'es',
  tone,
  text,
  ...(wait && { wait }),
})

export const reviewTexts: readonly ReviewText[] = [
  en('praise', 'Friendly front desk and a doctor who actually listened. Highly recommend.'),
  en('praise', 'The staff were kind and everything was explained clearly. In and out on time.'),
  en('praise', 'Best dermatology office I have been to. Clean, calm and very professional.'),
  en('praise', 'Easy to book online and the nurse was wonderful. Would come back.'),
  en('praise', 'Thorough, patient and caring. They answered every question I had.'),
  en('praise', 'Great experience from check-in to checkout. The team is lovely.'),
  en('praise', 'Quick appointment, no waiting, and the PA was very knowledgeable.'),
  en('praise', 'Everyone was polite and the office is spotless. Five stars.'),
  en('praise', 'They got me in the same week and the follow-up call was a nice touch.'),
  en('praise', 'Clear answers, no rush, and the billing was straightforward.'),
  en('praise', ''),
  en('mixed', 'Good care once I was in the room, but the wait was long.', true),
  en('mixed', 'The doctor was great; getting through on the phone was not.'),
  en('mixed', 'Nice staff, but parking is hard to find and check-in took a while.', true),
  en('mixed', 'Helpful visit, though the results took longer than I was told.'),
  en('mixed', 'Knowledgeable clinician. The billing statement was confusing.'),
  en('complaint', 'Waited over an hour past my appointment time and nobody explained why.', true),
  en('complaint', 'The front desk was rude and the check-in line barely moved.', true),
  en('complaint', 'Billing charged me twice and it took weeks to sort out.'),
  en('complaint', 'Could not get anyone on the phone for days. Very frustrating.'),
  en('complaint', 'Felt rushed and my questions were brushed off.'),
  en('complaint', 'Still waiting on results and no one calls back.'),
  es('praise', 'El personal fue muy amable y el doctor explicó todo con paciencia.'),
  es('praise', 'Excelente atención, limpio y puntual. Lo recomiendo.'),
  es('praise', 'Me atendieron rápido y resolvieron todas mis dudas.'),
  es('praise', 'Muy profesionales y atentos desde la recepción.'),
  es('mixed', 'Buena atención médica, pero la espera fue muy larga.', true),
  es('mixed', 'La doctora es excelente; la factura no se entiende.'),
  es('complaint', 'Esperé más de una hora y nadie me dio una explicación.', true),
  es('complaint', 'La recepción fue grosera y no contestan el teléfono.'),
]

/** Safe public replies: they thank or invite a call, never confirm the writer is a patient. */
export const replyTexts: Record<ReviewTone, Record<Language, readonly string[]>> = {
  praise: {
    en: [
      'Thank you for the kind words! We pass them on to the whole team.',
      'We appreciate you taking the time to share this.',
    ],
    es: ['¡Gracias por sus amables palabras! Se las haremos llegar a todo el equipo.'],
  },
  mixed: {
    en: [
      'Thank you for the feedback. We are always working on wait times; please call our office manager if you would like to tell us more.',
    ],
    es: [
      'Gracias por sus comentarios. Si desea contarnos más, llame a nuestra gerente de oficina.',
    ],
  },
  complaint: {
    en: [
      "We're sorry to read this. We'd like to hear more; please call our office manager at the front desk number.",
      'This is not the experience we want anyone to have. Please call our office manager so we can look into it.',
    ],
    es: [
      'Lamentamos leer esto. Nos gustaría saber más; por favor llame a nuestra gerente de oficina.',
    ],
  },
}

/** Display names as review sites show them: a first name and an initial, invented. */
export const reviewerNames = [
  'Jordan P.',
  'Sam K.',
  'Taylor R.',
  'Chris M.',
  'Morgan L.',
  'Avery S.',
  'Riley T.',
  'Casey B.',
  'Jamie W.',
  'Drew H.',
  'Lucía G.',
  'Mateo R.',
  'Sofía M.',
  'Diego A.',
] as const
