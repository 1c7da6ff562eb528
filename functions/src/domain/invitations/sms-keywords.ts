/**
 * Reading a patient's reply to a text. The FCC's 2024 revocation order (CG Docket 02-278, the
 * Report and Order the brief calls FCC 24-18; codified as 47 CFR 64.1200(a)(10)) makes STOP, QUIT,
 * END, REVOKE, OPT OUT, CANCEL and UNSUBSCRIBE revoke consent per se, and any other reply revoke it
 * too when a reasonable person would read it so ("any reasonable means", including other languages:
 * "no más"). The opt-out must be honoured within 10 business days; we honour it at once.
 *
 * Ambiguity leans to opt-out, on purpose: one text after a revocation is a TCPA violation
 * ($500 to $1,500 per message, 47 U.S.C. 227(b)(3)) and a patient who feels unheard, while a
 * wrongly honoured opt-out costs one survey answer. So a short reply made only of a keyword and
 * polite filler is an opt-out, and so is any sentence of a longer reply that is ("Wrong number.
 * Stop."); only a keyword buried in a sentence about something else ("the bus stop was closed")
 * is not, because nobody reading it would think the patient asked us to stop.
 */

export type SmsReplyMeaning = 'opt-out' | 'help' | 'opt-in' | 'other'

/** Keyword phrases, as normalised word sequences (upper case, accents stripped: MÁS → MAS). */
const optOutPhrases: readonly (readonly string[])[] = [
  // FCC 47 CFR 64.1200(a)(10), and the carriers' STOPALL
  ['STOP'],
  ['STOPALL'],
  ['QUIT'],
  ['END'],
  ['REVOKE'],
  ['OPT', 'OUT'],
  ['OPTOUT'],
  ['CANCEL'],
  ['UNSUBSCRIBE'],
  // Spanish equivalents (the carriers' list, and the FCC's own example "no más")
  ['ALTO'],
  ['PARAR'],
  ['CANCELAR'],
  ['NO', 'MAS'],
  ['BAJA'],
  // What a reasonable person reads as the same request (47 CFR 64.1200(a)(10)(i)): "no more
  // texts", "don't text me", and a wrong number, whose owner never consented
  ['NO', 'MORE'],
  ['DONT', 'TEXT'],
  ['DO', 'NOT', 'TEXT'],
  ['LEAVE', 'ME', 'ALONE'],
  ['WRONG', 'NUMBER'],
  ['NUMERO', 'EQUIVOCADO'],
]
const helpPhrases: readonly (readonly string[])[] = [['HELP'], ['AYUDA'], ['INFO']]
const optInPhrases: readonly (readonly string[])[] = [['START'], ['UNSTOP'], ['YES'], ['SI']]

/**
 * Words that may surround a keyword without changing what the reply asks for: courtesy, and what
 * is to stop ("stop texting me", "no más mensajes por favor", "quiero darme de baja").
 */
const filler = new Set([
  // English
  ...['PLEASE', 'PLS', 'PLZ', 'THANKS', 'THANK', 'YOU', 'THX', 'TY', 'OK', 'OKAY', 'NO', 'NOW'],
  ...['I', 'WANT', 'TO', 'WOULD', 'LIKE', 'ME', 'IT', 'ALL', 'ANY', 'MORE', 'THIS', 'THESE'],
  ...['FROM', 'SENDING', 'GETTING', 'RECEIVING', 'TEXT', 'TEXTS', 'TEXTING', 'SMS'],
  ...['MESSAGE', 'MESSAGES', 'MESSAGING', 'SURVEY', 'SURVEYS'],
  // Spanish
  ...['POR', 'FAVOR', 'GRACIAS', 'YA', 'ME', 'QUIERO', 'DARME', 'DE', 'MENSAJE', 'MENSAJES'],
  ...['TEXTOS', 'ENCUESTA', 'ENCUESTAS'],
])

/** In an opt-out, the other keywords are noise: "HELP STOP" and "yes, stop" both mean stop. */
const otherKeywords = new Set([...helpPhrases, ...optInPhrases].flat())

/**
 * Longest reply (in words) still read as a keyword with courtesy; anything longer is a message for
 * a person to read. The filler list is what keeps out sentences about something else, so the
 * limit can be generous, as ambiguity leans to opt-out.
 */
const maxWords = 12

/** Upper case, accents stripped, apostrophes dropped ("don't" → DONT), anything else a space. */
function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’`]/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean)
}

/**
 * Whether `tokens` are one or more of `phrases`, with nothing but filler (and `alsoFiller`)
 * around them.
 */
function onlyPhrases(
  tokens: string[],
  phrases: readonly (readonly string[])[],
  alsoFiller: ReadonlySet<string> = new Set(),
): boolean {
  if (tokens.length === 0 || tokens.length > maxWords) return false
  let matched = false
  let i = 0
  while (i < tokens.length) {
    const phrase = phrases.find((p) => p.every((word, k) => tokens[i + k] === word))
    if (phrase) {
      matched = true
      i += phrase.length
    } else if (filler.has(tokens[i]!) || alsoFiller.has(tokens[i]!)) {
      i += 1
    } else {
      return false
    }
  }
  return matched
}

/**
 * What a patient's text reply asks for: `opt-out` (every later text to that number stops, with one
 * confirmation), `help` (answer with the practice's name and contact), `opt-in` (consent again
 * after an opt-out) or `other` (a message for a person to read). Any case, accents, spacing and
 * punctuation; an opt-out wins over everything else in the same reply.
 *
 * @example
 * readSmsReply(' Stop!! ') // 'opt-out'
 * readSmsReply('No más, gracias') // 'opt-out'
 * readSmsReply('The bus stop was closed so I was late') // 'other'
 * readSmsReply('ayuda') // 'help'
 */
export function readSmsReply(body: string): SmsReplyMeaning {
  const whole = words(body)
  // Sentences too: "Wrong number. STOP" is an opt-out even though the whole reply is not a keyword.
  const sentences = body.split(/[.!?;:\n¡¿]+/).map(words)
  const isOptOut = (tokens: string[]) => onlyPhrases(tokens, optOutPhrases, otherKeywords)
  if ([whole, ...sentences].some(isOptOut)) return 'opt-out'
  if (onlyPhrases(whole, helpPhrases)) return 'help'
  if (onlyPhrases(whole, optInPhrases)) return 'opt-in'
  return 'other'
}
