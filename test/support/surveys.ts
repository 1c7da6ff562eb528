import type { Caller } from './api'

/** Create a survey from a template and publish it; answers the survey id and its public path. */
export async function publishedSurvey(owner: Caller, templateId = 'visit-pulse') {
  const created = await owner.post('/api/surveys', { templateId })
  if (created.status !== 201)
    throw new Error(`could not create survey: ${JSON.stringify(created.body)}`)
  const published = await owner.post(`/api/surveys/${created.body.id}/publish`)
  if (published.status !== 200)
    throw new Error(`could not publish: ${JSON.stringify(published.body)}`)
  return {
    id: created.body.id as string,
    survey: created.body,
    publicUrl: published.body.publicUrl as string,
  }
}

let keyCounter = 0
/** A fresh idempotency key, as a patient's phone would make once per filled-in survey. */
export const newKey = () =>
  `key-${Date.now().toString(36)}-${(keyCounter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`

/** A complete, valid visit-pulse answer set. */
export const pulseAnswers = (recommend = 9, overrides: Record<string, unknown> = {}) => ({
  recommend,
  booking: 5,
  'check-in': 3,
  visit: 5,
  records: 4,
  billing: 2,
  'follow-up': 4,
  ...overrides,
})
