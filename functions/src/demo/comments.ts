import type { Language } from '../domain/practice'

/**
 * What demo patients write to "What is one thing we could do better?". Invented for the demo: no
 * names, numbers, dates or places that could belong to a real person. Each comment says how it
 * feels and what it is about, so the generator can match it to the ratings of the same response.
 */
export type Tone = 'praise' | 'complaint' | 'mixed' | 'suggestion'
export type Topic =
  | 'wait'
  | 'check-in'
  | 'front-desk'
  | 'parking'
  | 'phone'
  | 'booking'
  | 'billing'
  | 'results'
  | 'follow-up'
  | 'communication'
  | 'clinician'
  | 'facility'
  | 'general'

export interface Comment {
  language: Language
  tone: Tone
  topic: Topic
  text: string
}

/** Which comment topics a low rating of each touch point brings to mind. */
export const topicsOfTouchpoint: Record<string, readonly Topic[]> = {
  booking: ['booking', 'phone'],
  'check-in': ['wait', 'check-in', 'front-desk', 'parking'],
  visit: ['communication', 'clinician'],
  records: ['results'],
  billing: ['billing'],
  'follow-up': ['follow-up', 'phone'],
}

const en = (tone: Tone, topic: Topic, text: string): Comment => ({
  language: 'en',
  tone,
  topic,
  text,
})
const es = (tone: Tone, topic: Topic, text: string): Comment => ({
  language: 'es',
  tone,
  topic,
  text,
})

export const comments: readonly Comment[] = [
  // English: praise
  en(
    'praise',
    'clinician',
    'Honestly nothing. The doctor took time to look at every spot I was worried about and explained what to watch for.',
  ),
  en(
    'praise',
    'front-desk',
    "Keep doing what you're doing. Everyone from the front desk to the nurse was kind.",
  ),
  en(
    'praise',
    'general',
    'Nothing to improve. I was in and out in under an hour and all my questions were answered.',
  ),
  en('praise', 'clinician', "The PA was thorough and didn't rush me. Best skin check I've had."),
  en(
    'praise',
    'results',
    'Great visit. The biopsy was quick and they told me exactly when to expect results.',
  ),
  en(
    'praise',
    'facility',
    'Very clean office, and the staff made me feel comfortable during the full-body exam.',
  ),
  en(
    'praise',
    'communication',
    'I appreciated that the doctor explained my treatment options and roughly what each would cost.',
  ),
  en('praise', 'check-in', "Can't think of anything. Checking in on the tablet was fast."),
  en('praise', 'front-desk', 'The nurse remembered me from last time, which was a nice touch.'),
  en(
    'praise',
    'booking',
    'Everything was smooth, from booking online to getting my prescription sent.',
  ),
  en(
    'praise',
    'booking',
    'Thank you for fitting me in the same week when I was worried about a mole.',
  ),
  en(
    'praise',
    'follow-up',
    'Clear instructions for wound care after the procedure. No complaints.',
  ),
  en('praise', 'wait', 'The reminder texts were helpful and the visit started on time.'),
  en(
    'praise',
    'general',
    "Friendly, professional and on time. I'll be recommending you to my family.",
  ),
  en(
    'praise',
    'communication',
    'I liked that the visit summary listed every product the doctor recommended.',
  ),
  en('praise', 'results', 'Fast results in the portal, and the message explained what they meant.'),
  en(
    'praise',
    'clinician',
    'The nurse practitioner listened to the whole story of my eczema instead of just writing a prescription.',
  ),
  en('praise', 'general', 'Nothing really. This was the easiest doctor visit I have had in years.'),

  // English: check-in, waiting, front desk
  en(
    'complaint',
    'wait',
    'I waited almost an hour past my appointment time and nobody told us why.',
  ),
  en(
    'complaint',
    'wait',
    'The waiting room was packed and the wait was long. A text when the doctor is running late would help.',
  ),
  en(
    'complaint',
    'check-in',
    'Check-in took forever because I had to fill out the same forms I had already completed online.',
  ),
  en(
    'complaint',
    'wait',
    'Forty-five minutes in the exam room in a paper gown with no update. Please check on patients.',
  ),
  en(
    'complaint',
    'front-desk',
    'The front desk seemed overwhelmed. There was only one person checking everyone in.',
  ),
  en('complaint', 'check-in', 'I had to give my insurance information twice at check-in.'),
  en(
    'complaint',
    'front-desk',
    'The receptionist was short with me when I asked how much longer the wait would be.',
  ),
  en(
    'complaint',
    'check-in',
    "The online check-in didn't work, so I ended up doing everything at the desk anyway.",
  ),
  en('complaint', 'wait', 'I was told the wait would be ten minutes. It was closer to fifty.'),
  en(
    'complaint',
    'front-desk',
    'Nobody at the desk looked up when I came in. I stood there for several minutes.',
  ),

  // English: parking
  en(
    'complaint',
    'parking',
    'Parking is a nightmare. I circled for fifteen minutes and was late for my appointment.',
  ),
  en(
    'suggestion',
    'parking',
    'Please add signs for the parking garage entrance. It is very easy to miss.',
  ),
  en('complaint', 'parking', 'There are not enough accessible parking spots near the entrance.'),

  // English: phone and booking
  en(
    'complaint',
    'phone',
    'It took three calls and a long hold to reach someone about rescheduling.',
  ),
  en(
    'complaint',
    'phone',
    'Nobody returned my voicemail about a prescription refill for two days.',
  ),
  en('complaint', 'phone', 'The phone menu is confusing and keeps sending me back to the start.'),
  en(
    'suggestion',
    'phone',
    'Please offer a call-back option instead of keeping people on hold for twenty minutes.',
  ),
  en(
    'complaint',
    'booking',
    "The next available appointment was two months out. That's hard when you're worried about a spot.",
  ),
  en(
    'complaint',
    'booking',
    'Online scheduling showed openings that the office then said were not real.',
  ),
  en(
    'suggestion',
    'booking',
    'It would be great to have evening or Saturday appointments more often.',
  ),
  en('complaint', 'booking', 'My appointment was moved twice by the office without much notice.'),

  // English: billing
  en(
    'complaint',
    'billing',
    'I got a bill for a procedure I was told would be covered, and no one explained the charge.',
  ),
  en(
    'suggestion',
    'billing',
    'Please tell patients before a biopsy that it is billed separately from the visit.',
  ),
  en(
    'complaint',
    'billing',
    'The statement was confusing and billing took a week to call me back.',
  ),
  en(
    'complaint',
    'billing',
    'I was charged a copay twice for the same visit and it took several calls to fix.',
  ),
  en(
    'suggestion',
    'billing',
    'A cost estimate for cosmetic treatments up front would be appreciated.',
  ),
  en('complaint', 'billing', 'The online payment page kept timing out.'),

  // English: results and follow-up
  en(
    'complaint',
    'results',
    'I waited over two weeks for biopsy results and had to call to get them.',
  ),
  en(
    'complaint',
    'results',
    'My results showed up in the portal with no explanation, which was scary.',
  ),
  en('suggestion', 'results', 'Please let people know how long pathology results usually take.'),
  en(
    'complaint',
    'follow-up',
    'I was told someone would call to set up a follow-up appointment, but nobody did.',
  ),
  en(
    'complaint',
    'follow-up',
    'The prescription was never sent to my pharmacy and I had to call twice.',
  ),
  en(
    'suggestion',
    'follow-up',
    'A written care plan would help. I forgot half of what the doctor said by the time I got home.',
  ),
  en(
    'complaint',
    'follow-up',
    'The prior authorization for my medication took weeks and I had to keep chasing it.',
  ),

  // English: the clinician
  en(
    'complaint',
    'communication',
    'The doctor seemed rushed and was out the door before I could ask my questions.',
  ),
  en('complaint', 'communication', 'I felt like my concerns about the rash were brushed off.'),
  en(
    'complaint',
    'communication',
    'Medical terms were used without explanation. Please speak in plain language.',
  ),
  en('complaint', 'communication', 'The provider looked at the computer more than at me.'),
  en(
    'complaint',
    'clinician',
    'I wish the doctor had checked the other spots I pointed out, not just the one on my back.',
  ),
  en('suggestion', 'clinician', 'Please knock and wait a moment before coming into the exam room.'),
  en(
    'complaint',
    'clinician',
    'The medical assistant was dismissive when I asked for a chaperone.',
  ),

  // English: the building
  en('complaint', 'facility', 'The exam room was freezing, especially in a paper gown.'),
  en('complaint', 'facility', 'The restroom was out of soap and paper towels.'),
  en(
    'suggestion',
    'facility',
    'The waiting room could use more chairs. Several people were standing.',
  ),
  en(
    'complaint',
    'facility',
    "Staff were talking loudly in the hallway and I could hear about other patients' visits.",
  ),

  // English: mixed
  en('mixed', 'wait', 'The doctor was excellent, but the wait to be seen was over an hour.'),
  en(
    'mixed',
    'booking',
    'Great care once I got in the room. Getting an appointment was the hard part.',
  ),
  en('mixed', 'billing', 'Loved the PA, but billing has been a headache ever since.'),
  en('mixed', 'wait', 'Friendly staff, long wait. The visit itself was worth it.'),
  en(
    'mixed',
    'follow-up',
    'The procedure went well, but I never got the follow-up call I was promised.',
  ),
  en('mixed', 'parking', 'Good visit overall. Parking cost more than my copay.'),
  en('mixed', 'communication', 'Very knowledgeable doctor, though I felt a bit rushed at the end.'),
  en('mixed', 'phone', 'The front desk was lovely. The phone line is another story.'),
  en('mixed', 'results', 'The results were thorough, just slow to arrive.'),
  en(
    'mixed',
    'check-in',
    'Everyone was kind, but the online forms asked for the same thing three times.',
  ),

  // English: suggestions
  en('suggestion', 'wait', 'Text me when the doctor is running behind so I can wait in my car.'),
  en(
    'suggestion',
    'results',
    'The patient portal is hard to use on a phone. An easier way to see results would help.',
  ),
  en('suggestion', 'facility', 'A water dispenser in the waiting room would be nice.'),
  en(
    'suggestion',
    'check-in',
    'Send the intake forms a few days before the visit, not the morning of.',
  ),
  en('suggestion', 'general', 'Written skin-care tips to take home would be helpful.'),

  // Spanish: praise
  es(
    'praise',
    'clinician',
    'Nada que mejorar. La doctora revisó cada lunar con calma y me explicó todo.',
  ),
  es('praise', 'general', 'El personal fue muy amable y me atendieron a tiempo.'),
  es('praise', 'front-desk', 'Me gustó que hubiera alguien en la recepción que hablara español.'),
  es('praise', 'clinician', 'Todo muy bien. El procedimiento fue rápido y casi no dolió.'),
  es(
    'praise',
    'booking',
    'Gracias por darme cita la misma semana; estaba muy preocupada por una mancha.',
  ),
  es('praise', 'follow-up', 'Las instrucciones para cuidar la herida fueron muy claras.'),
  es('praise', 'results', 'Excelente atención. Los resultados llegaron rápido al portal.'),
  es('praise', 'facility', 'La clínica estaba limpia y me sentí cómoda durante la revisión.'),
  es('praise', 'general', 'Nada, todo perfecto. Los recomendaría a mi familia.'),
  es('praise', 'communication', 'El asistente me explicó con paciencia cómo usar la crema.'),

  // Spanish: complaints
  es('complaint', 'wait', 'Esperé casi una hora después de la hora de mi cita y nadie nos avisó.'),
  es('complaint', 'check-in', 'Tuve que llenar los mismos formularios dos veces en la recepción.'),
  es('complaint', 'parking', 'Es muy difícil encontrar estacionamiento cerca de la clínica.'),
  es('complaint', 'phone', 'Llamé tres veces para cambiar mi cita y nadie contestó.'),
  es(
    'complaint',
    'booking',
    'La próxima cita disponible era en dos meses; es mucho tiempo de espera.',
  ),
  es('complaint', 'billing', 'Me llegó una factura que no entiendo y nadie me explicó el cobro.'),
  es('complaint', 'results', 'Tardaron más de dos semanas en darme los resultados de la biopsia.'),
  es('complaint', 'follow-up', 'Nadie me llamó para la cita de seguimiento como me dijeron.'),
  es(
    'complaint',
    'communication',
    'El doctor parecía tener prisa y no pude hacer todas mis preguntas.',
  ),
  es(
    'complaint',
    'communication',
    'No había nadie que hablara español y fue difícil entender las indicaciones.',
  ),
  es('complaint', 'front-desk', 'La recepcionista fue poco amable cuando pregunté cuánto faltaba.'),
  es('complaint', 'follow-up', 'La receta nunca llegó a mi farmacia y tuve que llamar dos veces.'),
  es('complaint', 'results', 'Los resultados aparecieron en el portal sin ninguna explicación.'),
  es('complaint', 'facility', 'El consultorio estaba muy frío.'),

  // Spanish: suggestions
  es('suggestion', 'check-in', 'Sería bueno tener todos los formularios en español.'),
  es('suggestion', 'booking', 'Ofrezcan citas los sábados con más frecuencia, por favor.'),
  es('suggestion', 'wait', 'Avisen por mensaje cuando el doctor va retrasado.'),
  es('suggestion', 'billing', 'Expliquen los costos antes del procedimiento.'),
  es('suggestion', 'parking', 'Pongan letreros más claros para llegar al estacionamiento.'),
  es('suggestion', 'results', 'Que el portal de pacientes también esté en español.'),

  // Spanish: mixed
  es('mixed', 'wait', 'La doctora es excelente, pero la espera fue demasiado larga.'),
  es(
    'mixed',
    'phone',
    'Buena atención en la consulta, pero conseguir cita por teléfono es muy difícil.',
  ),
  es(
    'mixed',
    'billing',
    'El procedimiento salió bien, aunque el cobro fue más alto de lo que esperaba.',
  ),
  es('mixed', 'results', 'Todos fueron amables, pero los resultados tardaron mucho.'),
  es('mixed', 'parking', 'Me gustó la visita, solo que el estacionamiento es caro.'),
  es('mixed', 'communication', 'Buen trato, pero me sentí un poco apresurado al final.'),
]
