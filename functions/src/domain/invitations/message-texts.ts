import { z } from 'zod'
import { Language } from '../practice'
import { smsSegments, type SmsSegments } from './sms-segments'

/**
 * The words of every invitation Touchpoint sends, in English and Spanish. They are built from the
 * practice's name, the link and (for e-mail) the postal address and unsubscribe URL, and nothing
 * else: a text or e-mail is read on a lock screen or a shared inbox, so it never names a provider,
 * specialty, diagnosis, visit reason or answer (HIPAA's minimum necessary, 45 CFR 164.502(b)).
 * Everyone gets the same words and the same link to the same survey, whatever they might answer:
 * no review gating, which Google's review policy forbids.
 */

/** The only facts a message may carry. Extra keys are refused at compile time and at run time. */
export const MessageFacts = z.strictObject({
  practiceName: z.string().trim().min(1).max(100),
  link: z.url(),
  language: Language,
  /** CAN-SPAM (15 U.S.C. 7704(a)(5)): a valid physical postal address in every e-mail. */
  postalAddress: z.string().trim().min(1).max(300),
  /** RFC 8058 one-click target; also the visible unsubscribe link (CAN-SPAM opt-out). */
  unsubscribeUrl: z.url(),
})
export type MessageFacts = z.infer<typeof MessageFacts>

/** `T` with any key beyond `Shape`'s typed `never`, so `{ ...facts, provider }` does not compile. */
type Exactly<T, Shape> = T & Record<Exclude<keyof T, keyof Shape>, never>

export interface SmsText {
  text: string
  segments: SmsSegments
}

export interface EmailText {
  subject: string
  text: string
  html: string
  /** RFC 8058 one-click unsubscribe: both headers, to be covered by the DKIM signature (SES does). */
  headers: { 'List-Unsubscribe': string; 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
}

/**
 * Typographic punctuation a practice name often carries ("St. Mary’s") looks the same in its ASCII
 * form but would make the whole text UCS-2, tripling its segments; the name itself stays whole.
 */
function gsmFriendly(name: string): string {
  return name
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
}

function sms(text: string): SmsText {
  return { text, segments: smsSegments(text) }
}

const optOutLine = { en: 'Reply STOP to opt out', es: 'Responda ALTO para no recibir más' }

/**
 * The invitation text. The English one fits one GSM-7 segment (160) with a 40-character name and a
 * 45-character link (the FCC's healthcare exemption also asks for 160); the Spanish one needs
 * "¿", "ó" and "á", so it is UCS-2 and `segments` says how many parts it takes.
 *
 * @example
 * invitationSms(facts).text // 'Lakeside Family Clinic: How was your visit? Tell us here: https://… Reply STOP to opt out'
 */
export function invitationSms<T extends MessageFacts>(input: Exactly<T, MessageFacts>): SmsText {
  const { practiceName, link, language } = MessageFacts.parse(input)
  const name = gsmFriendly(practiceName)
  return language === 'es'
    ? sms(`${name}: ¿Cómo fue su visita? Cuéntenos aquí: ${link} ${optOutLine.es}`)
    : sms(`${name}: How was your visit? Tell us here: ${link} ${optOutLine.en}`)
}

/**
 * The one reminder text, sent only while the invitation is unanswered (see `reminderDue`).
 *
 * @example
 * reminderSms(facts).text // 'Lakeside Family Clinic: A reminder: how was your visit? Tell us here: https://… Reply STOP to opt out'
 */
export function reminderSms<T extends MessageFacts>(input: Exactly<T, MessageFacts>): SmsText {
  const { practiceName, link, language } = MessageFacts.parse(input)
  const name = gsmFriendly(practiceName)
  return language === 'es'
    ? sms(`${name}: Un recordatorio: ¿cómo fue su visita? Cuéntenos aquí: ${link} ${optOutLine.es}`)
    : sms(`${name}: A reminder: how was your visit? Tell us here: ${link} ${optOutLine.en}`)
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )

interface EmailWords {
  subject: string
  paragraphs: string[]
  action: string
  personal: string
  why: string
  unsubscribe: string
}

const emailWords = {
  invitation: {
    en: (name: string): EmailWords => ({
      subject: `How was your visit to ${name}?`,
      paragraphs: [
        `Thank you for choosing ${name}. Would you tell us how your visit went? It takes a few minutes, and every answer helps us do better.`,
      ],
      action: 'Share your experience',
      personal: 'This link is yours alone: please do not forward it.',
      why: `You are receiving this because you agreed to hear from ${name} by e-mail.`,
      unsubscribe: 'Unsubscribe with one click',
    }),
    es: (name: string): EmailWords => ({
      subject: `¿Cómo fue su visita a ${name}?`,
      paragraphs: [
        `Gracias por elegir ${name}. ¿Nos cuenta cómo fue su visita? Le tomará unos minutos, y cada respuesta nos ayuda a mejorar.`,
      ],
      action: 'Cuéntenos su experiencia',
      personal: 'Este enlace es solo para usted: por favor, no lo reenvíe.',
      why: `Recibe este mensaje porque aceptó recibir correos de ${name}.`,
      unsubscribe: 'Darse de baja con un clic',
    }),
  },
  reminder: {
    en: (name: string): EmailWords => ({
      subject: `A reminder: how was your visit to ${name}?`,
      paragraphs: [
        `A few days ago we asked how your visit to ${name} went. If you have a moment, we would still love to hear from you.`,
        'This is our only reminder.',
      ],
      action: 'Share your experience',
      personal: 'This link is yours alone: please do not forward it.',
      why: `You are receiving this because you agreed to hear from ${name} by e-mail.`,
      unsubscribe: 'Unsubscribe with one click',
    }),
    es: (name: string): EmailWords => ({
      subject: `Un recordatorio: ¿cómo fue su visita a ${name}?`,
      paragraphs: [
        `Hace unos días le preguntamos cómo fue su visita a ${name}. Si tiene un momento, nos encantaría conocer su opinión.`,
        'Este es nuestro único recordatorio.',
      ],
      action: 'Cuéntenos su experiencia',
      personal: 'Este enlace es solo para usted: por favor, no lo reenvíe.',
      why: `Recibe este mensaje porque aceptó recibir correos de ${name}.`,
      unsubscribe: 'Darse de baja con un clic',
    }),
  },
} as const

function email(kind: keyof typeof emailWords, facts: MessageFacts): EmailText {
  const { practiceName: name, link, postalAddress, unsubscribeUrl } = facts
  const words = emailWords[kind][facts.language](name)
  const text = [
    ...words.paragraphs,
    `${words.action}: ${link}`,
    words.personal,
    ['--', name, postalAddress, words.why, `${words.unsubscribe}: ${unsubscribeUrl}`].join('\n'),
  ].join('\n\n')
  const h = escapeHtml
  const html = [
    `<!doctype html><html lang="${facts.language}"><body>`,
    ...words.paragraphs.map((p) => `<p>${h(p)}</p>`),
    `<p><a href="${h(link)}">${h(words.action)}</a></p>`,
    `<p>${h(words.personal)}</p>`,
    `<hr><p>${h(name)}<br>${h(postalAddress)}</p>`,
    `<p>${h(words.why)} <a href="${h(unsubscribeUrl)}">${h(words.unsubscribe)}</a></p>`,
    '</body></html>',
  ].join('\n')
  return {
    subject: words.subject,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  }
}

/**
 * The invitation e-mail: subject, plain and HTML bodies with the practice's postal address and an
 * unsubscribe line (CAN-SPAM), and the RFC 8058 one-click unsubscribe headers.
 *
 * @example
 * const mail = invitationEmail(facts)
 * mail.headers['List-Unsubscribe'] // '<https://clinic.example/api/public/unsubscribe/…>'
 */
export function invitationEmail<T extends MessageFacts>(
  input: Exactly<T, MessageFacts>,
): EmailText {
  return email('invitation', MessageFacts.parse(input))
}

/**
 * The one reminder e-mail, with the same link, address and unsubscribe as its invitation.
 *
 * @example
 * reminderEmail(facts).subject // 'A reminder: how was your visit to Lakeside Family Clinic?'
 */
export function reminderEmail<T extends MessageFacts>(input: Exactly<T, MessageFacts>): EmailText {
  return email('reminder', MessageFacts.parse(input))
}

/** What a HELP answer carries: who is texting, and how to reach a person there. */
export const HelpFacts = z.strictObject({
  practiceName: z.string().trim().min(1).max(100),
  /** The practice's public phone number or e-mail address (never the patient's). */
  contact: z.string().trim().min(1).max(100),
  language: Language,
})
export type HelpFacts = z.infer<typeof HelpFacts>

/**
 * The answer to HELP (the carriers' rules, CTIA Messaging Principles): the program's sender, a
 * contact, the cost note and how to stop.
 *
 * @example
 * helpReply({ practiceName: 'Lakeside Family Clinic', contact: '(312) 555-0100', language: 'en' }).text
 * // 'Lakeside Family Clinic: visit survey texts. Help: (312) 555-0100. Msg&data rates may apply. Reply STOP to opt out'
 */
export function helpReply<T extends HelpFacts>(input: Exactly<T, HelpFacts>): SmsText {
  const { practiceName, contact, language } = HelpFacts.parse(input)
  const name = gsmFriendly(practiceName)
  return language === 'es'
    ? sms(
        `${name}: mensajes sobre su visita. Ayuda: ${contact}. Pueden aplicarse tarifas de mensajes y datos. ${optOutLine.es}`,
      )
    : sms(
        `${name}: visit survey texts. Help: ${contact}. Msg&data rates may apply. ${optOutLine.en}`,
      )
}

/** What the opt-out confirmation carries: only who confirms it. */
export const OptOutFacts = z.strictObject({
  practiceName: z.string().trim().min(1).max(100),
  language: Language,
})
export type OptOutFacts = z.infer<typeof OptOutFacts>

/**
 * The one text confirming an opt-out, sent within minutes and never followed by another
 * (47 CFR 64.1200(a)(12): a single confirmation, with no marketing in it).
 *
 * @example
 * optOutConfirmation({ practiceName: 'Lakeside Family Clinic', language: 'en' }).text
 * // 'Lakeside Family Clinic: You are unsubscribed and will get no more texts from us. Reply START to resubscribe'
 */
export function optOutConfirmation<T extends OptOutFacts>(input: Exactly<T, OptOutFacts>): SmsText {
  const { practiceName, language } = OptOutFacts.parse(input)
  const name = gsmFriendly(practiceName)
  return language === 'es'
    ? sms(
        `${name}: Se ha dado de baja y no recibirá más mensajes nuestros. Responda START para volver a recibirlos`,
      )
    : sms(
        `${name}: You are unsubscribed and will get no more texts from us. Reply START to resubscribe`,
      )
}
