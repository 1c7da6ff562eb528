import { firstNames } from '../first-names'
import {
  billingTerms,
  careTerms,
  encounterNouns,
  meses,
  months,
  staffRoles,
  weekdays,
} from './reply-check-patterns'
import { textLanguage } from './text-language'

/**
 * What a reply could give away. `name`: the reviewer's or a relative's name. `patient-status`:
 * it confirms the writer was cared for here. `visit-detail`: what happened at a visit.
 * `health-info`: a condition, procedure, treatment, medicine or result. `billing`: insurance,
 * bills, payments. `date`: when the person was seen. `record-access`: the chart was looked at.
 */
export const replyWarningCodes = [
  'name',
  'patient-status',
  'visit-detail',
  'health-info',
  'billing',
  'date',
  'record-access',
] as const
export type ReplyWarningCode = (typeof replyWarningCodes)[number]

export interface ReplyWarning {
  code: ReplyWarningCode
  /** Why this could breach the writer's privacy, in words for the practice manager. */
  message: string
  /** The words of the reply that raised it, as written. */
  excerpt: string
  /** Where the excerpt starts in the reply, so a page can highlight it. */
  index: number
  /** A reply that says none of it, in the reply's language. */
  suggestion: string
}

export interface ReplyCheckContext {
  /** The review's author as the site shows it: any of its words in the reply names them. */
  authorName?: string | undefined
  /** The practice's staff and provider names: naming them is fine. */
  staffNames?: readonly string[] | undefined
  /** The number the suggested wording asks the reader to call. */
  officePhone?: string | undefined
}

const reasons: Record<ReplyWarningCode, string> = {
  name: 'This names the reviewer or someone close to them. A name in a reply confirms who the patient is: HHS fined practices whose replies named reviewers who wrote under a nickname.',
  'patient-status':
    'This confirms the writer was cared for here. A public reply must never confirm that someone is a patient, even when their review says so.',
  'visit-detail':
    'This tells what happened at a visit (lateness, cancellations, what was said). Those are details of the person’s care.',
  'health-info':
    'This mentions care (a condition, symptom, procedure, treatment, medicine or result) in a reply to this person: that discloses health information.',
  billing:
    'Insurance, bills and payments tied to a person are protected health information too (Elite Dental, New Vision Dental).',
  date: 'A date or day tells everyone when this person was seen.',
  'record-access':
    'Saying that the chart or records were looked at confirms the writer is a patient and that their records were read for a public reply.',
}

const suggestions = {
  en: (phone: string) =>
    `Thank you for your feedback. We take every concern seriously; please call our office manager at ${phone} so we can talk.`,
  es: (phone: string) =>
    `Gracias por sus comentarios. Tomamos en serio cada inquietud; por favor llame a nuestra oficina al ${phone} y pida hablar con la gerencia para que podamos conversar.`,
}

const alt = (words: readonly string[]) => words.join('|')
/** Letters only, so `\b` works with accents: JavaScript's `\b` knows ASCII word characters only. */
const L = '\\p{L}'
const before = `(?<![${L}\\p{N}])`
const after = `(?![${L}\\p{N}])`
const word = (pattern: string, flags = 'giu') =>
  new RegExp(`${before}(?:${pattern})${after}`, flags)

/** A capitalised word: a name, perhaps (María, O'Neil, Ana-Luisa). */
const Cap = "\\p{Lu}(?:\\p{Ll}|['’-]\\p{Lu}?)*\\p{Ll}"
const you =
  "his|her|him|you|your|yours|you're|you’re|you've|you’ve|you'd|you’d|yourself|usted|ustedes|su|sus|tu|tus|te"
const possessive = 'your|su|sus|tu|tus'

interface Rule {
  code: ReplyWarningCode
  pattern: RegExp
  /** Only when the reader is addressed in the same sentence, close by. */
  nearYou?: boolean
}

const rules: Rule[] = [
  // Confirms a relationship: "your visit", "su cita", "your daughter's".
  {
    code: 'patient-status',
    pattern: word(
      `(?:${possessive})\\s+(?:(?:recent|last|first|next|previous|upcoming|latest|child[’']s|son[’']s|daughter[’']s|última|ultima|primera|próxima|proxima|reciente)\\s+)?(?:${alt(encounterNouns)}|wait|waiting time)`,
    ),
  },
  {
    code: 'patient-status',
    pattern: word(
      "when you (?:came|come|were|visited|stopped|checked|arrived|called|saw)|you (?:came|come) (?:in|to see|to our)|you were (?:seen|here|in our|in the|treated|examined)|we (?:saw|treated|examined|cared for|have seen|'ve seen|’ve seen) (?:you|your)|(?:as|being) (?:a|our) (?:valued |long-?time |new )?patients?|(?:you|he|she|they) (?:have|has|'ve|’ve) been (?:a |our )?patients?|(?:you|he|she) (?:are|is|were|was) (?:a |our )?(?:new |former )?patients?|patients? of ours|since you (?:started|began|joined|became|first)|(?:seeing|see) you (?:again|back|next|at your|soon)|welcome (?:you )?back|dear (?:valued )?patient|at your (?:next|last)|during your|your (?:son|daughter|child|husband|wife|kid)|the (?:therapist|doctor|provider|hygienist|dentist|nurse|surgeon|specialist) you (?:saw|see|met)|you were (?:told|offered|given|prescribed|referred|scheduled|booked)",
    ),
  },
  {
    code: 'patient-status',
    pattern: word(
      'cuando (?:usted |tú |tu )?(?:vino|viniste|llegó|llego|llegaste|nos visitó|nos visito|nos visitaste|estuvo|estuviste)|(?:lo|la|le|te|los) (?:atendimos|vimos|tratamos|examinamos|recibimos)|como (?:nuestro|nuestra|un|una) paciente|(?:es|fue|era|ha sido) (?:nuestro|nuestra) paciente|estimad[oa] paciente|(?:verle|verla|verlo|verte) (?:de nuevo|otra vez|pronto)|volver a (?:verle|verla|verlo|verte)|durante su',
    ),
  },
  {
    code: 'patient-status',
    pattern: word(
      `(?:${possessive})\\s+(?:\\p{L}+\\s+)?(?:${alt(careTerms)}|${alt(billingTerms)})`,
    ),
  },
  // What happened at the visit.
  {
    code: 'visit-detail',
    pattern: word(
      "(?:\\d+|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|several) (?:minutes?|hours?) (?:late|early)|you (?:were|arrived|showed up) (?:late|early)|you (?:missed|cancell?ed|rescheduled|no-?showed|declined|refused|left before|walked out|did not show|didn't show|didn’t show)|no-?shows?|missed (?:appointments?|visits?)|on (?:two|three|four|several|\\d+) occasions|(?:told|explained to|informed|advised|warned|reminded) you|you were (?:told|informed|advised|warned|reminded)|we (?:recommended|advised|explained|discussed|offered) (?:that you|you|to you)|in the (?:exam|treatment|procedure) room|(?:llegó|llego|llegaste) tarde|(?:canceló|cancelo|cancelaste|faltó|falto) (?:a )?(?:su|tu) cita|(?:le|te) (?:dijimos|explicamos|recomendamos|informamos)",
    ),
  },
  // When: the day of care.
  {
    code: 'date',
    pattern: word(
      `yesterday|this (?:morning|afternoon|past week)|last (?:night|week|month|year|visit|time)|earlier (?:this|that) (?:week|month|day)|the other day|a (?:few|couple of) (?:days|weeks|months) ago|\\d+ (?:days|weeks|months|years) ago|(?:on|last|this|past|that|next) (?:${weekdays})|(?:${months})\\.? \\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${months})|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?|\\d{4}-\\d{2}-\\d{2}|(?:in|since|during|back in|on) (?:${months})|ayer|anteayer|esta mañana|la semana pasada|el mes pasado|el año pasado|hace (?:unos|unas|pocos|pocas|\\d+|dos|tres) (?:días|dias|semanas|meses)|(?:el|este|el pasado) (?:${weekdays})|\\d{1,2} de (?:${meses})|(?:en|desde) (?:${meses})`,
    ),
  },
  { code: 'date', pattern: word('(?:in|since|back in|en|desde) (?:19|20)\\d{2}'), nearYou: true },
  // The chart was read.
  {
    code: 'record-access',
    pattern: word(
      '(?:checked|reviewed|looked (?:at|into|up|through|over)|pulled(?: up)?|went (?:through|over|back through)|consulted|examined|audited|double-checked|researched|read) (?:your|the|our|his|her|their) (?:patient )?(?:chart|charts|records?|file|files|notes|history|account|scheduling system|schedule|system|logs?|call recordings?|recordings?|camera|footage|calls?|visit notes|appointment history)|(?:our|the|your) (?:records|chart|notes|files|file|system|schedule|logs) (?:show|shows|indicate|indicates|say|says|reflect|reflects|confirm|confirms)|according to (?:our|your|the) (?:records|chart|notes|file|system|schedule)|in (?:our|your) (?:records|chart|file|system|notes)',
    ),
  },
  {
    code: 'record-access',
    pattern: word(
      '(?:revisamos|consultamos|verificamos|miramos|comprobamos) (?:su|tu|el|nuestro|nuestros|sus|los) (?:expediente|historial|registros?|archivo|sistema|notas|historia clínica)|según (?:nuestros|sus|los|nuestro) (?:registros|expedientes|archivos|notas|sistema)|nuestros registros (?:muestran|indican)',
    ),
  },
  // Care and money, when said to this person.
  { code: 'health-info', pattern: word(alt(careTerms)), nearYou: true },
  {
    code: 'billing',
    pattern: word(
      'insurance|deductibles?|co-?pays?|balances?|claims?|prior authori[sz]ations?|fees?|charged?|seguro|copagos?|deducible|saldo',
    ),
    nearYou: true,
  },
  {
    code: 'health-info',
    pattern: word(
      `we (?:performed|did|completed|placed|removed|prescribed|treated|diagnosed|extracted|filled|injected|referred|ordered) (?:your|the|a|an|this|that)?\\s*(?:${alt(careTerms)})?`,
    ),
  },
  {
    code: 'billing',
    pattern: word(
      `(?:${possessive})\\s+(?:\\p{L}+\\s+)?(?:${alt(billingTerms)})|(?:insurance|claims?|seguro) (?:was |were |is )?(?:denied|approved|rejected|declined|covered|paid|billed|submitted|aprobado|negado|rechazado)|you (?:owe|owed|paid|were billed|were charged)|(?:we|were) (?:billed|charged|refunded|sent (?:you )?to collections)|\\$\\s?\\d[\\d,.]*`,
    ),
  },
]

const firstNameSet = new Set(firstNames)
const honorific = new RegExp(
  `${before}(?:Mr|Mrs|Ms|Miss|Mx|Sr|Sra|Srta|Don|Doña)\\.?\\s+(${Cap})`,
  'gu',
)
const greeting = new RegExp(
  `^\\s*(?:Dear|Hi|Hello|Hey|Hola|Estimad[oa]|Querid[oa]|Buenos días|Buenas tardes)\\s+(${Cap})`,
  'gu',
)
const capitalised = new RegExp(`${before}${Cap}${after}`, 'gu')
/** "Dr. Maria", "ask for Maria", "Maria, our office manager": a name introduced as staff. */
const staffBefore = new RegExp(
  `(?:Dr|Dra|Doctor|Doctora|Nurse|Dentist|ask for|call|contact|reach|speak (?:with|to)|talk (?:with|to)|pregunte por|hable con|llame a|contacte a|(?:our|nuestr[oa]|the|la|el) (?:\\p{L}+ )?(?:${staffRoles}),?)\\.?\\s+$`,
  'iu',
)
const staffAfter = new RegExp(
  `^\\s*(?:\\p{Lu}\\p{Ll}+\\s*)?(?:,|\\(|-|–|—)?\\s*(?:is |es )?(?:our|your|nuestr[oa]|the|la|el|at our|at the|from our|de nuestr[oa]|on our|in our|en nuestr[oa])\\s+(?:\\p{L}+\\s+)?(?:${staffRoles})`,
  'iu',
)
const notNames = new Set([
  'There',
  'Everyone',
  'All',
  'Friend',
  'Reviewer',
  'Neighbor',
  'Team',
  'Patient',
])

/**
 * Flag whatever in a reply to a public review could confirm that the writer is a patient or
 * disclose their health information: their name, "your visit", dates, conditions and treatments,
 * insurance and bills, and "we checked your chart". Each warning says why and offers a safe
 * wording. Errs on the side of flagging: a flagged reply can still be saved once the manager has
 * read the warnings; a missed one is a public disclosure. Measured on labelled replies in
 * test/unit/domain/reviews/reply-check.test.ts (a tuning set and a held-out set).
 *
 * @example
 * checkReply('Sorry about your root canal, Maria.', { authorName: 'Maria G.' }).map((w) => w.code)
 * // ['patient-status', 'health-info', 'name']
 */
export function checkReply(text: string, context: ReplyCheckContext = {}): ReplyWarning[] {
  const language = textLanguage(text, ['en', 'es'])
  const suggestion = suggestions[language](context.officePhone ?? '…')
  const staff = new Set(
    (context.staffNames ?? []).flatMap((name) => name.toLowerCase().match(/\p{L}+/gu) ?? []),
  )
  const found: ReplyWarning[] = []
  const add = (code: ReplyWarningCode, excerpt: string, index: number) => {
    if (found.some((w) => w.code === code && w.index === index)) return
    found.push({ code, message: reasons[code], excerpt, index, suggestion })
  }
  const sentences = sentencesOf(text)
  for (const rule of rules) {
    for (const match of text.matchAll(rule.pattern)) {
      if (rule.nearYou && !addressesReader(text, sentences, match.index, match[0].length)) continue
      add(rule.code, match[0], match.index)
    }
  }
  for (const [index, name] of namesIn(text, context.authorName, staff)) add('name', name, index)
  return found.sort((a, b) => a.index - b.index)
}

/** Names in the reply that are not staff: the author's, titled ones, greeted ones, given names. */
function namesIn(text: string, authorName: string | undefined, staff: ReadonlySet<string>) {
  const names = new Map<number, string>()
  const authorWords = (authorName?.match(/\p{L}{2,}/gu) ?? []).filter(
    (w) => !staff.has(w.toLowerCase()),
  )
  for (const authorWord of authorWords) {
    for (const match of text.matchAll(word(escape(authorWord)))) names.set(match.index, match[0])
  }
  for (const match of text.matchAll(honorific)) names.set(match.index, match[0])
  for (const match of text.matchAll(greeting)) {
    const name = match[1]!
    if (!notNames.has(name) && !staff.has(name.toLowerCase()))
      names.set(match.index + match[0].length - name.length, name)
  }
  for (const match of text.matchAll(capitalised)) {
    const name = match[0]
    if (!firstNameSet.has(name) || staff.has(name.toLowerCase())) continue
    const end = match.index + name.length
    if (staffBefore.test(text.slice(Math.max(0, match.index - 24), match.index))) continue
    if (staffAfter.test(text.slice(end, end + 60))) continue
    names.set(match.index, name)
  }
  return names
}

/** Sentence spans; "thank you" and "gracias" do not count as addressing the reader. */
function sentencesOf(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = []
  const boundary = /[.!?;\n]+(?:\s+|$)/g
  let start = 0
  for (const match of text.matchAll(boundary)) {
    spans.push({ start, end: match.index + match[0].length })
    start = match.index + match[0].length
  }
  if (start < text.length) spans.push({ start, end: text.length })
  return spans
}

const youWord = word(you, 'iu')
const courtesies = word(
  "thank you|thanks|we'd love to hear from you|we would love to hear from you|if you have any questions|if you would like|if you'd like|we invite you|please (?:call|contact|reach)|let us know|llámenos|llamenos|gracias|le invitamos|si tiene alguna pregunta",
)

/** The reader is addressed in the sentence of the match, within a few words of it. */
function addressesReader(
  text: string,
  sentences: { start: number; end: number }[],
  index: number,
  length: number,
) {
  const sentence = sentences.find((s) => index >= s.start && index < s.end)
  if (!sentence) return false
  const from = Math.max(sentence.start, index - 60)
  const to = Math.min(sentence.end, index + length + 40)
  return youWord.test(text.slice(from, to).replace(courtesies, ' '))
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
