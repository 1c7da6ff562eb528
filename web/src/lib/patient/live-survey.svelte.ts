import { sendAnswers, type SendOutcome, type Submission } from './client'
import { answersToSend } from './flow'
import * as saved from './saved'
import { preferredLanguage } from './strings'
import { SurveyFlow } from './survey-flow.svelte'
import type { Language, PublicSurvey, Visit } from './types'

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
 * @example
 * const live = new LiveSurvey(survey, { location }, navigator.languages)
 * $effect(() => live.persist())
 * await live.send()
 */
export class LiveSurvey {
  readonly survey: PublicSurvey
  readonly flow: SurveyFlow
  stage = $state<Stage>('answering')
  reason = $state<WaitReason>('offline')
  /** A request is on its way: Send and "Try again now" wait for it. */
  sending = $state(false)
  /** Answers from an earlier visit were restored: the page offers Start over on this question. */
  resumed = $state(false)
  resumedAt: string | null = null
  /** The server refused an answer to a question this patient no longer sees (a changed survey). */
  changed = $state(false)

  #record: saved.Saved
  #retryTimer: ReturnType<typeof setTimeout> | undefined
  #retryDelay = firstRetryMs

  constructor(survey: PublicSurvey, visit: Visit, browserLanguages: readonly string[]) {
    this.survey = survey
    saved.prune()
    const stored = saved.read(survey.id, survey.version)
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
      this.flow.answers = stored.answers
      if (stored.current) this.flow.currentId = stored.current
      if (stored.outgoing) this.stage = 'waiting'
      else {
        this.resumed = Object.keys(stored.answers).length > 0
        this.resumedAt = this.flow.currentId
      }
    }
  }

  /** Keeps what the patient has given on the phone; run in an effect, so every answer is kept. */
  persist(): void {
    const answers = $state.snapshot(this.flow.answers)
    const current = this.flow.currentId
    const language = this.flow.language
    if (this.stage !== 'answering') return
    this.#record = { ...this.#record, answers, current, language }
    if (Object.keys(answers).length > 0 || this.#record.idempotencyKey) saved.write(this.#record)
  }

  setLanguage(language: Language): void {
    this.flow.language = language
  }

  startOver(): void {
    saved.remove(this.survey.id, this.survey.version)
    const { idempotencyKey: _key, outgoing: _outgoing, ...rest } = this.#record
    this.#record = { ...rest, answers: {}, current: null }
    this.flow.restart()
    this.resumed = false
    this.changed = false
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
    saved.write(this.#record)
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

  #settle(outcome: SendOutcome): void {
    switch (outcome.kind) {
      case 'sent':
        saved.remove(this.survey.id, this.survey.version)
        this.stage = 'sent'
        return
      case 'closed':
        saved.remove(this.survey.id, this.survey.version)
        this.stage = 'closed'
        return
      case 'invalid': {
        // Nothing was stored: back to the question the server refused, to fix and send again
        // (with the same key, which no response has used yet).
        const { outgoing: _outgoing, ...rest } = this.#record
        this.#record = rest
        saved.write(this.#record)
        this.stage = 'answering'
        const onPath = this.flow.path.find((question) => question.id === outcome.questionId)
        if (onPath) this.flow.show(onPath.id, 'invalid')
        else {
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
 * Answers of other surveys (or older versions) still waiting on this phone: send them now, quietly.
 * Whatever the server answers except "try later" settles them, so none is retried forever.
 */
export async function deliverOthers(except: { surveyId: string; version: number }): Promise<void> {
  for (const entry of saved.waiting()) {
    if (entry.surveyId === except.surveyId && entry.version === except.version) continue
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
      saved.remove(entry.surveyId, entry.version)
    }
  }
}
