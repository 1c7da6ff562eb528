/**
 * A tripwire for protected health information in the messages Touchpoint sends. It cannot know
 * every diagnosis, and does not try: it looks for the few kinds of words that would tell a reader
 * of a lock screen *why* someone saw a clinician, or *what they said*, which is what a message
 * must never carry (HIPAA minimum necessary, 45 CFR 164.502(b)). Tests render every message for
 * many inputs and expect no finding, so a later change that slips a provider, a score or a
 * comment into a template fails at once.
 *
 * The lists are short on purpose: a long medical dictionary would match ordinary words ("cold",
 * "back") and the test would be muted instead of read. Each entry is either a word no invitation
 * needs (diagnosis, results, prescription), a specialty that reveals a condition (oncology,
 * psychiatry), or a sensitive condition by name (HIV, pregnancy), in English and Spanish.
 */

export type PhiKind = 'clinical-word' | 'score' | 'provider-name' | 'patient-words'

export interface PhiFinding {
  kind: PhiKind
  match: string
}

export interface PhiContext {
  /** Text the message may carry even if it matches (the practice's own name, its address). */
  allowed?: string[]
  /** Names of the practice's providers: none may appear. */
  providerNames?: string[]
  /** What patients wrote (comments, answers): no run of three of their words may appear. */
  patientWords?: string[]
}

const clinicalWords = [
  // words about care itself
  /\bdiagn[oó]s\w*/giu,
  /\b(?:test|lab|result|resultado|prescription|receta|treatment|tratamiento|symptom|s[ií]ntoma)s?\b/giu,
  /\b(?:biops(?:y|ia|ies)|surgery|cirug[ií]a|therapy|terapia|condition|condici[oó]n)\b/giu,
  // specialties that name a condition
  /\b(?:onc[oó]log|psychiatr|psiquiatr|cardiolog|dermatolog|gyn[ae]?colog|ginec[oó]log|obstetric|urolog)\w*/giu,
  // sensitive conditions
  /\b(?:cancer|c[aá]ncer|hiv|vih|aids|sida|pregnan\w*|embaraz\w*|diabetes|depression|depresi[oó]n|std|sti|addiction|adicci[oó]n)\b/giu,
  // a clinician named by title
  /\b(?:Dr|Dra|Doctor|Doctora)\.?\s+\p{Lu}\p{L}+/gu,
]

const scorePatterns = [
  /\b(?:10|\d)\s*(?:\/|out of|de)\s*(?:5|10)\b/giu,
  /\b[0-5]\s*(?:stars?|estrellas?)\b/giu,
  /\bNPS\b/gu,
  /[★⭐]/gu,
  /\b(?:scored?|rated|rating|puntuaci[oó]n|calificaci[oó]n)\b/giu,
]

/** Lower case, accents stripped, words only: how patient words are compared. */
function normalisedWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Every sign of PHI in `text`: clinical words, scores, provider names, and runs of three or more
 * of a patient's words. Links are ignored (their tokens are random; their paths are ours), and so
 * is `allowed` text, so a practice called "Lakeside Dermatology" may still sign its messages.
 *
 * @example
 * findPhi('Dr. Rivera: your biopsy results are in')
 * // → [{ kind: 'clinical-word', match: 'results' }, { kind: 'clinical-word', match: 'biopsy' }, { kind: 'clinical-word', match: 'Dr. Rivera' }]
 * findPhi('Lakeside Clinic: How was your visit? Tell us here: https://…') // → []
 */
export function findPhi(text: string, context: PhiContext = {}): PhiFinding[] {
  let scanned = text.replace(/https?:\/\/\S+/g, ' ')
  for (const allowed of context.allowed ?? []) {
    if (allowed.trim()) scanned = scanned.replace(new RegExp(escapeRegExp(allowed), 'giu'), ' ')
  }
  const findings: PhiFinding[] = []
  const collect = (kind: PhiKind, patterns: RegExp[]) => {
    for (const pattern of patterns) {
      for (const match of scanned.matchAll(pattern)) findings.push({ kind, match: match[0] })
    }
  }
  collect('clinical-word', clinicalWords)
  collect('score', scorePatterns)

  const scannedWords = ` ${normalisedWords(scanned).join(' ')} `
  for (const name of context.providerNames ?? []) {
    const parts = normalisedWords(name)
    const surname = parts.at(-1)
    const probes = [parts.join(' '), ...(surname && surname.length >= 3 ? [surname] : [])]
    const hit = probes.find((probe) => probe && scannedWords.includes(` ${probe} `))
    if (hit) findings.push({ kind: 'provider-name', match: name })
  }
  for (const said of context.patientWords ?? []) {
    const saidWords = normalisedWords(said)
    const runs =
      saidWords.length < 3
        ? [saidWords.join(' ')]
        : saidWords.slice(0, -2).map((_, i) => saidWords.slice(i, i + 3).join(' '))
    const hit = runs.find((run) => run && scannedWords.includes(` ${run} `))
    if (hit) findings.push({ kind: 'patient-words', match: hit })
  }
  return findings
}
