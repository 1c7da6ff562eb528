import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  helpReply,
  invitationEmail,
  invitationSms,
  optOutConfirmation,
  reminderEmail,
  reminderSms,
} from '../../../../functions/src/domain/invitations/message-texts'
import { findPhi } from '../../../../functions/src/domain/invitations/phi-scan'

// What a practice holds about its visits: none of it may reach a message.
const providerNames = ['Ana Rivera', 'Dr. James O’Connor', 'Mei Lin Chen']
const patientWords = [
  'The nurse was rude about my diabetes and I waited an hour',
  'Me trataron muy bien, gracias a la doctora',
  'Billing charged me twice for the same visit',
]

describe('findPhi', () => {
  it.each([
    ['a diagnosis word', 'Your diagnosis is ready', 'clinical-word'],
    ['test results', 'Your lab results are in', 'clinical-word'],
    [
      'a specialty that names a condition',
      'Thank you for visiting Oncology today',
      'clinical-word',
    ],
    ['a sensitive condition in Spanish', 'Sobre su embarazo', 'clinical-word'],
    ['a clinician by title', 'How was your visit with Dr. Rivera?', 'clinical-word'],
    ['a score out of ten', 'You gave us 3/10', 'score'],
    ['a star rating', 'Thanks for your 2 stars', 'score'],
    ['an NPS', 'Your NPS answer', 'score'],
  ])('finds %s', (_name, text, kind) => {
    expect(findPhi(text).map((finding) => finding.kind)).toContain(kind)
  })

  it('finds a provider by full name or surname, and three words a patient wrote', () => {
    expect(findPhi('Ana Rivera would like your opinion', { providerNames })).toEqual([
      { kind: 'provider-name', match: 'Ana Rivera' },
    ])
    expect(findPhi('A note from Chen', { providerNames })).toEqual([
      { kind: 'provider-name', match: 'Mei Lin Chen' },
    ])
    expect(findPhi('You said “charged me twice”', { patientWords })).toEqual([
      { kind: 'patient-words', match: 'charged me twice' },
    ])
  })

  it('lets the practice sign with its own name and ignores the link', () => {
    const text = 'Lakeside Dermatology: How was your visit? https://x.example/i#NPS-3-10'
    expect(findPhi(text, { allowed: ['Lakeside Dermatology'] })).toEqual([])
    expect(findPhi(text)).toEqual([{ kind: 'clinical-word', match: 'Dermatology' }])
  })

  it('matches whole words only, so ordinary words that look close pass', () => {
    expect(
      findPhi('Msg&data rates may apply. Share your experience, testing the latest labels'),
    ).toEqual([])
  })
})

describe('every message Touchpoint sends to invite a patient', () => {
  const safeWord = fc.constantFrom(
    'Lakeside',
    'Family',
    'Clinic',
    'Health',
    'Care',
    'North',
    'Clínica',
    'Salud',
    'St. Mary’s',
    'Pediatrics',
  )
  const facts = fc.record({
    practiceName: fc
      .array(safeWord, { minLength: 1, maxLength: 4 })
      .map((words) => words.join(' ')),
    link: fc
      .stringMatching(/^[A-Za-z0-9_-]{8,32}$/)
      .map((token) => `https://survey.example.org/i#${token}`),
    language: fc.constantFrom('en' as const, 'es' as const),
    postalAddress: fc.constantFrom(
      '100 Main St, Springfield, IL 62701',
      'Av. Central 5, Miami, FL 33101',
    ),
    unsubscribeUrl: fc
      .stringMatching(/^[A-Za-z0-9]{8,16}$/)
      .map((id) => `https://survey.example.org/api/public/unsubscribe/${id}`),
    contact: fc.constantFrom('(312) 555-0100', 'front-desk@lakeside.example'),
  })

  it('carries no diagnosis, score, provider name or patient words, for any practice', () => {
    fc.assert(
      fc.property(facts, ({ contact, ...message }) => {
        const { practiceName, language } = message
        const texts = [
          invitationSms(message).text,
          reminderSms(message).text,
          ...[invitationEmail(message), reminderEmail(message)].flatMap((mail) => [
            mail.subject,
            mail.text,
            mail.html,
          ]),
          helpReply({ practiceName, contact, language }).text,
          optOutConfirmation({ practiceName, language }).text,
        ]
        const allowed = [
          practiceName,
          practiceName.replace('’', "'"),
          message.postalAddress,
          contact,
        ]
        for (const text of texts) {
          expect(findPhi(text, { allowed, providerNames, patientWords })).toEqual([])
        }
      }),
      { numRuns: 200 },
    )
  })
})
