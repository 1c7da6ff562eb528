import { sendAnswers, type SendOutcome, type Submission } from './client'
import { answersToSend } from './flow'
import * as saved from './saved'
import { preferredLanguage } from './strings'
import { SurveyFlow } from './survey-flow.svelte'
import type { Answers, Language, PublicSurvey, Visit } from './types'

/** answering → (Send) → sent, or waiting (saved on the phone) until a retry gets through. */
export type Stage = 'answering' | 'waiting' | 'sent' | 'closed'
export type WaitReason = 'offline' | 'busy' | 'failed'

/** Retries while waiting without an `online` event to wake us: 10 s, 20 s, 40 s … at most 5 min. */
const firstRetryMs = 10_000
const lastRetryMs = 5 * 60_000

/**
 * One patient answering one survey version on this phone, and sending the answers exactly once:
 * the idempotency key is made at the first Send and stored with the answers, and every retry (a
 * tap, the `online` event, a timer, the next visit) sends that same key, so the server stores one
 * response however many requests reach it.
 *
 * On a personal phone, answers being given are kept for half an hour (saved.ts), and a closed tab
 * resumes with its choices; free text is kept but never shown again unless the patient asks
 * ("Continue where I left off"), as the phone may be in someone else's hands. On a kiosk link (a
 * waiting-room tablet, a poster) nothing is kept across patients: answers live in memory only, and
 * only answers already sent wait on the device (in the outbox, out of every later patient's view)
 * until the server has them.
 *
 * @example
 * const live = new LiveSurvey(survey, { location }, navigator.languages, { kiosk: false })
 * $effect(() => live.persist())
 * await live.send()
 */
export class LiveSurvey {
  readonly survey: PublicSurvey
  readonly flow: SurveyFlow
  readonly kiosk: boolean
  stage = $state<Stage>('answering')
  reason = $state<WaitReason>('offline')
  /** A request is on its way: Send and "Try again now" wait for it. */
  sending = $state(false)
  /** Answers from an earlier visit were restored: the page offers Start over on this question. */
  resumed = $state(false)
  resumedAt: string | null = null
  /** Free-text answers of an earlier visit, kept on the phone but shown only if the patient asks. */
  heldText = $state<Answers>({})
  /** The server refused an answer to a question this patient no longer sees (a changed survey). */
  changed = $state(false)

  #record: saved.Saved
  #retryTimer: ReturnType<typeof setTimeout> | undefined
  #retryDelay = firstRetryMs

  constructor(
    survey: PublicSurvey,
    visit: Visit,
    browserLanguages: readonly string[],
    { kiosk = false }: { kiosk?: boolean } = {},
  ) {
    this.survey = survey
    this.kiosk = kiosk
    saved.prune()
    const found = kiosk ? null : saved.read(survey.id, survey.version)
    const stored = found && saved.isFresh(found) ? found : null
    const language =
      stored && survey.languages.includes(stored.language)
        ? stored.language
        : preferredLanguage(survey.languages, browserLanguages)
    this.flow = new SurveyFlow(survey, language)
    this.#record = {
      surveyId: survey.id,
      version: survey.version,
      language,
      answers: {},
      current: null,
      savedAt: '',
      ...stored,
      // The link just opened says where the visit was; an older entry may not know.
      ...(visit.location && { location: visit.location }),
      ...(visit.provider && { provider: visit.provider }),
    }
    if (stored) {
      if (stored.current) this.flow.currentId = stored.current
      if (stored.outgoing) {
        this.flow.answers = stored.answers
        this.stage = 'waiting'
      } else {
        const { shown, held } = splitText(survey, stored.answers)
        this.flow.answers = shown
        this.heldText = held
        this.resumed = Object.keys(stored.answers).length > 0
        this.resumedAt = this.flow.currentId
      }
    } else if (saved.wasSentBeforeReload(survey.id, survey.version)) this.stage = 'sent'
  }

  /** Keeps what the patient has given on the phone; run in an effect, so every answer is kept. */
  persist(): void {
    const answers = $state.snapshot(this.flow.answers)
    const held = $state.snapshot(this.heldText)
    const current = this.flow.currentId
    const language = this.flow.language
    if (this.stage !== 'answering' || this.kiosk) return
    // Held text stays kept (for "Continue where I left off") until answered anew or started over.
    this.#record = { ...this.#record, answers: { ...held, ...answers }, current, language }
    if (Object.keys(this.#record.answers).length > 0 || this.#record.idempotencyKey) {
      saved.write(this.#record)
    }
  }

  /** "Continue where I left off": the earlier visit's free text comes back too. */
  continueResumed(): void {
    for (const [id, value] of Object.entries(this.heldText)) {
      if (!(id in this.flow.answers)) this.flow.answer(id, value)
    }
    this.heldText = {}
    this.resumed = false
  }

  setLanguage(language: Language): void {
    this.flow.language = language
  }

  startOver(): void {
    saved.remove(this.survey.id, this.survey.version)
    const { idempotencyKey: _key, outgoing: _outgoing, ...rest } = this.#record
    this.#record = { ...rest, answers: {}, current: null }
    this.flow.restart()
    this.heldText = {}
    this.resumed = false
    this.changed = false
  }

  /** Where this submission is kept: the survey's entry, or a kiosk's outbox entry of its own. */
  #key(): string {
    const { idempotencyKey } = this.#record
    return this.kiosk && idempotencyKey
      ? saved.outboxKey(idempotencyKey)
      : saved.storageKey(this.survey.id, this.survey.version)
  }

  /** The patient pressed Send: keep the answers with their key, then try to deliver them. */
  async send(): Promise<void> {
    if (this.sending || this.stage !== 'answering') return
    this.#record = {
      ...this.#record,
      answers: $state.snapshot(this.flow.answers),
      language: this.flow.language,
      current: this.flow.currentId,
      idempotencyKey: this.#record.idempotencyKey ?? saved.newIdempotencyKey(),
      outgoing: answersToSend(this.survey.questions, $state.snapshot(this.flow.answers)),
    }
    saved.write(this.#record, this.#key())
    this.changed = false
    await this.deliver()
  }

  /** Sends the kept answers with their key; safe to call from any retry, any number of times. */
  async deliver(): Promise<void> {
    const { idempotencyKey, outgoing, language, location, provider } = this.#record
    if (this.sending || !idempotencyKey || !outgoing) return
    clearTimeout(this.#retryTimer)
    this.sending = true
    const body: Submission = {
      idempotencyKey,
      language,
      answers: outgoing,
      version: this.survey.version,
    }
    if (location) body.location = location
    if (provider) body.provider = provider
    const outcome = await sendAnswers(this.survey.id, body)
    this.sending = false
    this.#settle(outcome)
  }

  /** The `online` event: the connection is back. */
  online(): void {
    if (this.stage === 'waiting') void this.deliver()
  }

  dispose(): void {
    clearTimeout(this.#retryTimer)
  }

  /** Whether a stored entry is this page's own submission, which it delivers itself. */
  owns(key: string): boolean {
    return key === this.#key()
  }

  #settle(outcome: SendOutcome): void {
    switch (outcome.kind) {
      case 'sent':
        saved.remove(this.survey.id, this.survey.version, this.#key())
        // A reload of the thank-you page shows it again; a kiosk starts afresh instead.
        if (!this.kiosk) saved.markSent(this.survey.id, this.survey.version)
        this.stage = 'sent'
        return
      case 'closed':
        saved.remove(this.survey.id, this.survey.version, this.#key())
        this.stage = 'closed'
        return
      case 'invalid': {
        // Nothing was stored: back to the questions the server refused, to fix and send again
        // (with the same key, which no response has used yet).
        const key = this.#key()
        const { outgoing: _outgoing, ...rest } = this.#record
        this.#record = rest
        if (this.kiosk) saved.remove(this.survey.id, this.survey.version, key)
        else saved.write(this.#record, key)
        this.stage = 'answering'
        const onPath = this.flow.path.some((q) => outcome.questionIds.includes(q.id))
        if (onPath) {
          this.changed = false
          this.flow.refuse(outcome.questionIds)
        } else {
          this.changed = true
          this.flow.show(this.flow.path[0]?.id ?? '', null)
        }
        return
      }
      case 'busy':
        this.#wait('busy', outcome.retryAfterSeconds * 1000)
        return
      case 'offline':
      case 'failed':
        this.#wait(outcome.kind, this.#retryDelay)
        this.#retryDelay = Math.min(this.#retryDelay * 2, lastRetryMs)
        return
    }
  }

  #wait(reason: WaitReason, retryInMs: number): void {
    this.stage = 'waiting'
    this.reason = reason
    clearTimeout(this.#retryTimer)
    this.#retryTimer = setTimeout(() => void this.deliver(), retryInMs)
  }
}

/**
 * Answers still waiting on this phone other than this page's own (other surveys, older versions,
 * earlier patients of a kiosk): send them now, quietly. Whatever the server answers except "try
 * later" settles them, so none is retried forever.
 */
export async function deliverOthers(live: LiveSurvey): Promise<void> {
  for (const { key, saved: entry } of saved.waiting()) {
    if (live.owns(key)) continue
    if (!entry.idempotencyKey || !entry.outgoing) continue
    const body: Submission = {
      idempotencyKey: entry.idempotencyKey,
      language: entry.language,
      answers: entry.outgoing,
      version: entry.version,
    }
    if (entry.location) body.location = entry.location
    if (entry.provider) body.provider = entry.provider
    const outcome = await sendAnswers(entry.surveyId, body)
    if (outcome.kind === 'sent' || outcome.kind === 'closed' || outcome.kind === 'invalid') {
      saved.remove(entry.surveyId, entry.version, key)
    }
  }
}

/** Splits kept answers into what a resumed page shows at once and the free text it holds back. */
function splitText(survey: PublicSurvey, answers: Answers): { shown: Answers; held: Answers } {
  const textIds = new Set(survey.questions.filter((q) => q.type === 'text').map((q) => q.id))
  const shown: Answers = {}
  const held: Answers = {}
  for (const [id, value] of Object.entries(answers)) {
    if (textIds.has(id)) held[id] = value
    else shown[id] = value
  }
  return { shown, held }
}
