import { describe, expect, it } from 'vitest'
import {
  readSmsReply,
  type SmsReplyMeaning,
} from '../../../../functions/src/domain/invitations/sms-keywords'

describe('readSmsReply', () => {
  it.each<[string, SmsReplyMeaning]>([
    // The FCC's seven words (47 CFR 64.1200(a)(10)) and the carriers' STOPALL
    ['STOP', 'opt-out'],
    ['quit', 'opt-out'],
    ['End', 'opt-out'],
    ['REVOKE', 'opt-out'],
    ['opt out', 'opt-out'],
    ['Opt-Out', 'opt-out'],
    ['OPTOUT', 'opt-out'],
    ['cancel', 'opt-out'],
    ['Unsubscribe', 'opt-out'],
    ['STOPALL', 'opt-out'],
    // Spanish
    ['ALTO', 'opt-out'],
    ['parar', 'opt-out'],
    ['Cancelar', 'opt-out'],
    ['NO MÁS', 'opt-out'],
    ['no mas', 'opt-out'],
    ['Baja', 'opt-out'],
    ['¡Alto!', 'opt-out'],
    ['No más, gracias', 'opt-out'],
    ['Quiero darme de baja', 'opt-out'],
    ['alto por favor', 'opt-out'],
    // case, spaces and punctuation
    ['Stop.', 'opt-out'],
    [' stop!! ', 'opt-out'],
    ['STOP STOP STOP', 'opt-out'],
    ['"stop"', 'opt-out'],
    // reasonable means: a keyword with courtesy, or the same request in other words
    ['stop please', 'opt-out'],
    ['please stop texting me', 'opt-out'],
    ['Stop sending me surveys, thanks', 'opt-out'],
    ['no more texts', 'opt-out'],
    ["Don't text me", 'opt-out'],
    ['I want to unsubscribe', 'opt-out'],
    ['I would like to stop receiving these messages', 'opt-out'],
    ['Wrong number', 'opt-out'],
    // a longer reply with one sentence that is an opt-out
    ['I already did it yesterday. Stop.', 'opt-out'],
    ['Wrong number. STOP', 'opt-out'],
    // an opt-out wins over the other keywords in the same reply
    ['HELP STOP', 'opt-out'],
    ['yes, stop', 'opt-out'],
    // help
    ['HELP', 'help'],
    ['help?', 'help'],
    ['Ayuda', 'help'],
    ['ayuda por favor', 'help'],
    ['INFO', 'help'],
    // opt-in
    ['START', 'opt-in'],
    ['unstop', 'opt-in'],
    ['Yes', 'opt-in'],
    ['Sí', 'opt-in'],
    ['si', 'opt-in'],
    // a keyword inside a message about something else is for a person to read
    ['The bus stop was closed so I was late', 'other'],
    ['Can I stop by tomorrow to pick up my form?', 'other'],
    ['I had to cancel my appointment last week', 'other'],
    ['The end of the visit was rushed', 'other'],
    ['Thank you!', 'other'],
    ['No', 'other'],
    ['', 'other'],
    ['    ', 'other'],
    ['S T O P', 'other'],
    ['Please call me about my bill', 'other'],
    ['Es el alto de la calle', 'other'],
  ])('%j → %s', (body, meaning) => {
    expect(readSmsReply(body)).toBe(meaning)
  })

  it('reads a reply of up to 12 words of keywords and courtesy as an opt-out', () => {
    expect(readSmsReply('please please please I would like you to stop texting me thanks')).toBe(
      'opt-out',
    )
  })
})
