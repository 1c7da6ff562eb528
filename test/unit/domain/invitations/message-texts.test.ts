import { describe, expect, it } from 'vitest'
import {
  helpReply,
  invitationEmail,
  invitationSms,
  optOutConfirmation,
  reminderEmail,
  reminderSms,
  type MessageFacts,
} from '../../../../functions/src/domain/invitations/message-texts'

const facts: MessageFacts = {
  practiceName: 'Lakeside Family Clinic',
  link: 'https://survey.lakeside.example/i#tok_abc',
  language: 'en',
  postalAddress: '100 Main St, Springfield, IL 62701',
  unsubscribeUrl: 'https://survey.lakeside.example/api/public/unsubscribe/u_123',
}
// The worst case: a 40-character name and a 45-character link.
const longName = 'Northwest Suburban Pediatric Associates!'
const longLink = 'https://care.northwestsuburbanpeds.org/i/a1B2'
const worst: MessageFacts = { ...facts, practiceName: longName, link: longLink }

describe('invitation and reminder texts', () => {
  it('keeps the worst-case name and link for English in one GSM-7 segment', () => {
    expect(longName).toHaveLength(40)
    expect(longLink).toHaveLength(45)
    for (const message of [invitationSms(worst), reminderSms(worst)]) {
      expect(message.segments).toMatchObject({ encoding: 'GSM-7', segments: 1 })
      expect(message.text.length).toBeLessThanOrEqual(160)
      expect(message.text).toContain(longName) // the wording is shortened, never the name
      expect(message.text).toContain(longLink)
      expect(message.text.endsWith('Reply STOP to opt out')).toBe(true)
    }
  })

  it('writes the Spanish text in proper Spanish and says how many segments it takes', () => {
    const spanish = invitationSms({ ...worst, language: 'es' })
    expect(spanish.text.endsWith('Responda ALTO para no recibir más')).toBe(true)
    expect(spanish.text).toContain('¿Cómo fue su visita?')
    expect(spanish.segments).toMatchObject({ encoding: 'UCS-2', segments: 3, perSegment: 67 })
    expect(spanish.segments.unicodeCharacters).toEqual(['ó', 'í', 'á'])
    expect(reminderSms({ ...facts, language: 'es' }).segments.segments).toBe(3)
  })

  it('turns curly quotes and dashes in the name into plain ones, keeping the text GSM-7', () => {
    const text = invitationSms({ ...facts, practiceName: 'St. Mary’s – Family Care' })
    expect(text.text.startsWith("St. Mary's - Family Care: ")).toBe(true)
    expect(text.segments.encoding).toBe('GSM-7')
  })

  it('sends every patient the same words: only the link differs', () => {
    const first = invitationSms({ ...facts, link: 'https://survey.lakeside.example/i#tok_one' })
    const second = invitationSms({ ...facts, link: 'https://survey.lakeside.example/i#tok_two' })
    expect(first.text.replace('tok_one', '')).toBe(second.text.replace('tok_two', ''))
  })

  it('refuses any fact beyond the practice, link, language, address and unsubscribe URL', () => {
    const withProvider = { ...facts, providerName: 'Dr. Ana Rivera' }
    // @ts-expect-error: the input type has no room for a provider (or a diagnosis, reason or answer)
    expect(() => invitationSms(withProvider)).toThrow(/providerName/)
    // @ts-expect-error: nor for a score
    expect(() => invitationEmail({ ...facts, score: 3 })).toThrow(/score/)
  })
})

describe('invitation and reminder e-mails', () => {
  it('carries the postal address, an unsubscribe line and the RFC 8058 headers', () => {
    for (const mail of [invitationEmail(facts), reminderEmail(facts)]) {
      expect(mail.text).toContain(facts.postalAddress)
      expect(mail.text).toContain(`Unsubscribe with one click: ${facts.unsubscribeUrl}`)
      expect(mail.text).toContain(facts.link)
      expect(mail.html).toContain(`href="${facts.unsubscribeUrl}"`)
      expect(mail.headers).toEqual({
        'List-Unsubscribe': `<${facts.unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      })
    }
    expect(invitationEmail(facts).subject).toBe('How was your visit to Lakeside Family Clinic?')
    expect(reminderEmail(facts).text).toContain('This is our only reminder.')
  })

  it('writes Spanish e-mails with a Spanish unsubscribe line', () => {
    const mail = invitationEmail({ ...facts, language: 'es' })
    expect(mail.subject).toBe('¿Cómo fue su visita a Lakeside Family Clinic?')
    expect(mail.text).toContain(`Darse de baja con un clic: ${facts.unsubscribeUrl}`)
    expect(mail.html).toContain('<html lang="es">')
    expect(reminderEmail({ ...facts, language: 'es' }).text).toContain(
      'Este es nuestro único recordatorio.',
    )
  })

  it('escapes the practice’s name and address in the HTML body', () => {
    const mail = invitationEmail({ ...facts, practiceName: 'Smith & Jones <Care>' })
    expect(mail.html).toContain('Smith &amp; Jones &lt;Care&gt;')
    expect(mail.html).not.toContain('<Care>')
  })
})

describe('HELP and opt-out replies', () => {
  it('answers HELP with the practice’s name, its contact and how to stop, in both languages', () => {
    const english = helpReply({ practiceName: longName, contact: '(312) 555-0100', language: 'en' })
    expect(english.text).toBe(
      `${longName}: visit survey texts. Help: (312) 555-0100. Msg&data rates may apply. Reply STOP to opt out`,
    )
    expect(english.segments.segments).toBe(1)
    const spanish = helpReply({ practiceName: longName, contact: '(312) 555-0100', language: 'es' })
    expect(spanish.text).toContain('Ayuda: (312) 555-0100')
    expect(spanish.text.endsWith('Responda ALTO para no recibir más')).toBe(true)
  })

  it('confirms an opt-out once, in both languages, with no other message in it', () => {
    const english = optOutConfirmation({ practiceName: longName, language: 'en' })
    expect(english.text).toBe(
      `${longName}: You are unsubscribed and will get no more texts from us. Reply START to resubscribe`,
    )
    expect(english.segments.segments).toBe(1)
    expect(optOutConfirmation({ practiceName: longName, language: 'es' }).text).toContain(
      'Se ha dado de baja y no recibirá más mensajes nuestros',
    )
  })
})
