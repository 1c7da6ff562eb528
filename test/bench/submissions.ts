/**
 * The submission figures: a published visit-pulse survey, the API side of the throughput
 * comparison (autocannon POSTing a fresh submission per request), and the exactly-once run
 * (1,000 submissions, 10% of them resends, all in flight together, then counted).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { monthOf } from '../../functions/src/domain/calendar'
import type { Db } from '../../functions/src/store/db'
import * as keys from '../../functions/src/store/keys'
import { autocannonSide, type Side, type Watched } from './load'
import { benchKey, pulseAnswersFor, runId } from './submission-data'

export interface Published {
  surveyId: string
  practiceId: string
  timeZone: string
}

async function call(url: string, init: RequestInit, expected: number) {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) })
  const text = await res.text()
  if (res.status !== expected) {
    throw new Error(
      `${init.method ?? 'GET'} ${new URL(url).pathname} answered ${res.status}: ${text}`,
    )
  }
  return JSON.parse(text) as Record<string, unknown>
}

/** Create a visit-pulse survey in the signed-in practice and publish it, as the owner would. */
export async function publishPulse(url: string, cookie: string): Promise<Published> {
  const me = await call(`${url}/api/me`, { headers: { cookie } }, 200)
  const practice = me.practice as { id: string; timeZone: string }
  const headers = {
    cookie,
    'x-csrf-token': String(me.csrfToken),
    'content-type': 'application/json',
  }
  const created = await call(
    `${url}/api/surveys`,
    { method: 'POST', headers, body: JSON.stringify({ templateId: 'visit-pulse' }) },
    201,
  )
  const surveyId = String(created.id)
  await call(`${url}/api/surveys/${surveyId}/publish`, { method: 'POST', headers, body: '{}' }, 200)
  return { surveyId, practiceId: practice.id, timeZone: practice.timeZone }
}

/**
 * autocannon POSTing to the public submission route; every request builds a new body (a new
 * idempotency key, answers varying as the raw loop's do), so each one stores a response.
 */
export function submitSide(
  url: string,
  surveyId: string,
  connections: number,
  watched: Watched[],
): Side {
  const run = runId()
  let n = 0
  return autocannonSide(
    'POST /api/public/surveys/:id/responses (full)',
    `${url}/api/public/surveys/${surveyId}/responses`,
    { 'content-type': 'application/json' },
    connections,
    watched,
    [
      {
        method: 'POST',
        setupRequest: (request) => {
          const i = n++
          return {
            ...request,
            body: JSON.stringify({
              idempotencyKey: benchKey(run, 'api', i),
              language: 'en',
              answers: pulseAnswersFor(i),
            }),
          }
        },
      },
    ],
  )
}

export interface ExactlyOnce {
  sent: number
  unique: number
  /** Submissions whose key had been sent before (each a resend of one earlier submission). */
  duplicates: number
  inFlight: number
  /** 201: stored. */
  created: number
  /** 200: a replay, nothing new stored. */
  replayed: number
  /** Any other status, or no answer at all (network error, 30 s timeout). */
  errors: number
  /** The first few error answers, for the report. */
  errorSamples: string[]
  /** Whether every answer for one key named the same response id. */
  sameIdPerKey: boolean
  /** GET /api/responses?surveyId=…: its `total`. */
  stored: number
  /** The survey's month counter (scope all): its `responses` attribute. */
  counter: number
  seconds: number
  pass: boolean
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[items[i], items[j]] = [items[j]!, items[i]!]
  }
  return items
}

/**
 * Send `sent` submissions, `duplicateShare` of them resends of keys already in the list (the same
 * body again, as a phone retrying after a lost answer sends it), shuffled, `inFlight` at a time
 * with fetch; then read how many responses the API lists and what the survey's counter says.
 */
export async function exactlyOnce(
  url: string,
  cookie: string,
  db: Db,
  { surveyId, practiceId, timeZone }: Published,
  { sent = 1000, duplicateShare = 0.1, inFlight = 50 } = {},
): Promise<ExactlyOnce> {
  const duplicates = Math.round(sent * duplicateShare)
  const unique = sent - duplicates
  const run = runId()
  const firsts = Array.from({ length: unique }, (_, i) => ({
    key: benchKey(run, 'once', i),
    body: JSON.stringify({
      idempotencyKey: benchKey(run, 'once', i),
      language: 'en',
      answers: pulseAnswersFor(i),
    }),
  }))
  const resends = shuffle([...firsts]).slice(0, duplicates)
  const queue = shuffle([...firsts, ...resends])

  let created = 0
  let replayed = 0
  let errors = 0
  const errorSamples: string[] = []
  const idsByKey = new Map<string, Set<string>>()
  const months = new Set<string>()
  const target = `${url}/api/public/surveys/${surveyId}/responses`
  let next = 0
  const worker = async () => {
    while (next < queue.length) {
      const { key, body } = queue[next++]!
      try {
        const res = await fetch(target, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(30_000),
        })
        const text = await res.text()
        if (res.status === 201 || res.status === 200) {
          if (res.status === 201) created++
          else replayed++
          const receipt = JSON.parse(text) as { id: string; submittedAt: string }
          const ids = idsByKey.get(key) ?? new Set<string>()
          ids.add(receipt.id)
          idsByKey.set(key, ids)
          months.add(monthOf(new Date(receipt.submittedAt), timeZone))
        } else {
          errors++
          if (errorSamples.length < 3) errorSamples.push(`${res.status} ${text.slice(0, 200)}`)
        }
      } catch (err) {
        errors++
        if (errorSamples.length < 3)
          errorSamples.push(err instanceof Error ? err.message : `${err}`)
      }
    }
  }
  const began = performance.now()
  await Promise.all(Array.from({ length: inFlight }, worker))
  const seconds = (performance.now() - began) / 1000

  const listed = await call(
    `${url}/api/responses?surveyId=${surveyId}&limit=1`,
    { headers: { cookie } },
    200,
  )
  const stored = Number(listed.total)
  let counter = 0
  for (const month of months) {
    const { Item } = await db.client.send(
      new GetCommand({
        TableName: db.table,
        Key: keys.counter(practiceId, surveyId, 'M', 'all', month),
        ConsistentRead: true,
      }),
    )
    counter += Number(Item?.responses ?? 0)
  }
  const sameIdPerKey = [...idsByKey.values()].every((ids) => ids.size === 1)
  return {
    sent,
    unique,
    duplicates,
    inFlight,
    created,
    replayed,
    errors,
    errorSamples,
    sameIdPerKey,
    stored,
    counter,
    seconds,
    pass:
      stored === unique &&
      counter === unique &&
      created === unique &&
      replayed === duplicates &&
      errors === 0 &&
      sameIdPerKey,
  }
}
