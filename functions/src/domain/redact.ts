import { firstNames } from './first-names'

/**
 * Quotes leave the response they came from (a dashboard on a projector, a note on a board a guest
 * sees), so whatever identifies the patient goes first: names (of the patient and their family),
 * social security, record and other ID numbers, dates of birth, e-mail addresses and phone numbers.
 * The practice's staff and provider names stay: "Dr. Patel was kind" is the point of the quote.
 * Patterns err on the side of removing: a stray date in a quote is a small loss, a birth date on
 * a meeting-room screen is not. Measured on a labelled set: test/unit/domain/redact-quality.test.ts.
 */

const name = '[removed name]'
const id = '[ID removed]'
const date = '[date removed]'

/** A capitalised word, with accents and a hyphen or apostrophe inside (María, O'Neil, Ana-Luisa). */
const Cap = "\\p{Lu}(?:\\p{Ll}|['’-]\\p{Lu}?)*\\p{Ll}"
/** One or two capitalised words: a given name and perhaps a surname. */
const Names = `${Cap}(?:\\s+${Cap})?`

const relations =
  'daughter|son|wife|husband|mother|mom|mum|father|dad|child|kid|baby|boy|girl|grandson|granddaughter|grandmother|grandma|grandfather|grandpa|sister|brother|partner|fianc[eé]e?|niece|nephew|aunt|uncle|friend|hija|hijo|esposa|esposo|madre|mam[aá]|padre|pap[aá]|abuela|abuelo|nieta|nieto|hermana|hermano|beb[eé]|ni[nñ]a|ni[nñ]o|t[ií]a|t[ií]o|amiga|amigo'

const months =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?'
const meses =
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre'

/** Each pattern and its replacement; `$<keep>` keeps the words that say what was removed. */
const patterns: [RegExp, string][] = [
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, '[e-mail removed]'],
  // Social security numbers: 123-45-6789, 123 45 6789, or nine digits after "SSN"/"social".
  [/\b\d{3}[- ]\d{2}[- ]\d{4}\b/g, id],
  [
    /(?<keep>\b(?:ssn|ss#|social(?:\s+security)?(?:\s+(?:number|no\.?|#))?|seguro\s+social)\s*(?:is|es|:|#)?\s*)\d{9}\b/giu,
    `$<keep>${id}`,
  ],
  // Record, member, account and other ID numbers: a label, then a code with at least 4 digits.
  [
    /(?<keep>\b(?:mrn|medical\s+record(?:\s+(?:number|no\.?|#))?|record\s+(?:number|no\.?|#)|chart(?:\s+(?:number|no\.?|#))?|patient\s+(?:id|number|no\.?|#)|member\s+(?:id|number|no\.?|#)|account(?:\s+(?:number|no\.?|#))?|policy(?:\s+(?:number|no\.?|#))?|insurance\s+(?:id|number)|id(?:\s+(?:number|no\.?|#))?|n[uú]mero\s+de\s+(?:expediente|paciente|p[oó]liza|cuenta)|expediente)\s*(?:is|es|was|:|#|=)?\s*)#?(?=[A-Z0-9-]*\d{4})[A-Z0-9][A-Z0-9-]{3,}\b/giu,
    `$<keep>${id}`,
  ],
  // A code of letters and 6+ digits stands alone as an ID (A12345678, 00-123456).
  [/\b(?=[A-Z0-9-]*\d{6})[A-Z]{0,3}\d[\d-]{5,}[A-Z]?\b(?![\s.-]?\d)/g, id],
  // Dates: 03/14/1985, 14-03-85, 1985-03-14, "March 14, 1985", "14 de marzo de 1985".
  [/\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b/g, date],
  [/\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/g, date],
  [new RegExp(`\\b(?:${months})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'gi'), date],
  [
    new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${months})\\.?,?\\s+\\d{4}\\b`, 'gi'),
    date,
  ],
  [new RegExp(`\\b\\d{1,2}\\s+de\\s+(?:${meses})(?:\\s+de)?\\s+\\d{4}\\b`, 'gi'), date],
  // A birthday without its year still narrows a patient down: "born on March 14", "DOB: 3/14".
  [
    new RegExp(
      `(?<keep>\\b(?:born(?:\\s+on)?|dob|d\\.o\\.b\\.|date\\s+of\\s+birth|birthday(?:\\s+is)?|naci[oó]?\\s+el|nac[ií]\\s+el|fecha\\s+de\\s+nacimiento)\\s*:?\\s*)(?:(?:${months})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}\\s+(?:de\\s+)?(?:${months}|${meses})|\\d{1,2}[/-]\\d{1,2}|\\d{4})\\b`,
      'giu',
    ),
    `$<keep>${date}`,
  ],
  // Phones: 7 or more digits with the usual separators, optionally +country and (area).
  [
    /(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{3,4}[\s.-]?\d{3,4}(?:[\s.-]?\d{2,4})?\b/g,
    '[phone removed]',
  ],
]

/**
 * A pattern's keywords in any case, its names still capitalised: JavaScript's `i` flag would make
 * `\p{Lu}` match lower case too, so the keywords spell out both cases instead ("my" → "[mM][yY]").
 */
function anyCase(source: string): string {
  return source.replace(/(\\[a-zA-Z]|\[[^\]]*\]|\(\?<\w+>|\{\d+\}|[a-z])/g, (token) =>
    /^[a-z]$/.test(token) ? `[${token}${token.toUpperCase()}]` : token,
  )
}

/** Phrases that introduce a name: the name goes, the phrase stays. */
const namePhrases: RegExp[] = [
  // "my name is Maria Lopez", "this is John", "me llamo Ana", "mi nombre es Luis".
  new RegExp(
    `(?<keep>\\b${anyCase("(?:my\\s+name\\s+is|my\\s+name's|this\\s+is|i\\s+am|i'm|call\\s+me|me\\s+llamo|mi\\s+nombre\\s+es|soy)")}\\s+)(?<who>${Names})`,
    'gu',
  ),
  // "my daughter Maria", "our son, Leo", "mi hija María", "patient Jane Doe".
  new RegExp(
    `(?<keep>\\b${anyCase('(?:my|our|his|her|their|mi|mis|nuestr[ao]|su)')}\\s+(?:${anyCase('(?:little|older|younger|elderly|baby|\\d+[- ]year[- ]old|peque[nñ][ao]|mayor|menor)')}\\s+)?${anyCase(`(?:${relations})`)}(?:,\\s*|\\s+))(?<who>${Names})`,
    'gu',
  ),
  new RegExp(
    `(?<keep>\\b${anyCase('(?:patient|paciente|named|llamad[ao])')}\\s+)(?<who>${Names})`,
    'gu',
  ),
  // Sign-offs: "Thanks, John Smith", "Sincerely, Ana", "- Maria L.", "Gracias, Luis" at the end.
  new RegExp(
    `(?<keep>(?:\\b${anyCase('(?:thanks|thank\\s+you|sincerely|regards|best|cheers|love|gracias|saludos|atentamente|att\\.?)')}\\s*,?\\s*|(?:^|\\s)[-–—~]\\s*))(?<who>${Cap}(?:\\s+(?:${Cap}|\\p{Lu}\\.))?)\\s*[.!]?\\s*$`,
    'gu',
  ),
]

export interface RedactOptions {
  /**
   * Names that stay: the practice's staff and providers, in full ("Amir Patel") or in part.
   * Each of their words is kept wherever it appears.
   */
  keep?: readonly string[]
}

const knownFirstNames = new Set(firstNames.map((n) => n.toLowerCase()))
const titles = /^(?:dr|dra|doctor|doctora|nurse|enfermer[ao]|np|pa|mr|mrs|ms|sr|sra|srta)\.?$/iu

/**
 * The text with patients' names, ID numbers, dates, e-mail addresses and phone numbers removed.
 *
 * @example
 * redactQuote('Call me at (555) 010-0199 or jo@example.com, born 3/14/1985')
 * // 'Call me at [phone removed] or [e-mail removed], born [date removed]'
 * redactQuote('My daughter Maria loved Dr. Patel', { keep: ['Amir Patel'] })
 * // 'My daughter [removed name] loved Dr. Patel'
 */
export function redactQuote(text: string, options: RedactOptions = {}): string {
  const kept = new Set(
    (options.keep ?? []).flatMap((n) => n.toLowerCase().split(/[^\p{L}'’-]+/u)).filter(Boolean),
  )
  const isKept = (who: string) => who.split(/\s+/).every((word) => kept.has(word.toLowerCase()))
  let redacted = text
  for (const [pattern, replacement] of patterns) redacted = redacted.replace(pattern, replacement)
  for (const phrase of namePhrases) {
    redacted = redacted.replace(phrase, (whole, ...args) => {
      const groups = args.at(-1) as { keep: string; who: string }
      const words = groups.who.split(/\s+/)
      // "I'm Very happy" is not a name: a phrase's name must be a known first name or not a
      // common word; a kept name (a provider) stays.
      if (isKept(groups.who) || titles.test(words[0]!)) return whole
      if (
        !knownFirstNames.has(words[0]!.toLowerCase()) &&
        /^(?:i am|i'm|this is|soy)\s/i.test(groups.keep)
      )
        return whole
      const rest = whole.slice(groups.keep.length + groups.who.length)
      return `${groups.keep}${name}${rest}`
    })
  }
  // Any other capitalised known first name (and the capitalised word after it, a surname),
  // unless a title says it is a clinician ("Dr. Maria Ruiz") or the practice has someone so named.
  redacted = redacted.replace(
    new RegExp(`(?<before>\\S+\\s+)?(?<who>${Cap}(?:\\s+${Cap})?)`, 'gu'),
    (whole, ...args) => {
      const groups = args.at(-1) as { before?: string; who: string }
      const [first, second] = groups.who.split(/\s+/) as [string, string | undefined]
      if (!knownFirstNames.has(first.toLowerCase()) || kept.has(first.toLowerCase())) {
        return whole
      }
      if (groups.before && titles.test(groups.before.trim())) return whole
      const surname = second && !kept.has(second.toLowerCase()) ? '' : second ? ` ${second}` : ''
      return `${groups.before ?? ''}${name}${surname}`
    },
  )
  return redacted
}
