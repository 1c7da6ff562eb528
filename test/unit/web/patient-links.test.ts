import { afterEach, describe, expect, it, vi } from 'vitest'
import { whereSearch } from '../../../web/src/lib/api-surveys'
import { loadSurvey, sendAnswers } from '../../../web/src/lib/patient/client'
import { QuestionTrail } from '../../../web/src/lib/patient/question-trail'

const location = '01ARZ3NDEKTSV4RRFFQ69G5FAV'
const problem = (status: number, body: object) => () =>
  new Response(
    JSON.stringify({ type: 'x', title: 't', status, detail: 'd', requestId: 'r', ...body }),
    {
      status,
      headers: { 'content-type': 'application/problem+json' },
    },
  )

afterEach(() => vi.unstubAllGlobals())

describe('kiosk links', () => {
  it('opens a link made for a location in kiosk mode, and a person’s link not', () => {
    expect(whereSearch({ location })).toBe(`?location=${location}&kiosk=1`)
    expect(whereSearch({})).toBe('')
  })
})

describe('the patient client reads the server’s problem+json', () => {
  it('names every refused answer of a 400, once each and in order', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        problem(400, {
          field: 'answers.recommend',
          errors: [
            { field: 'answers.recommend', message: 'Expected 0 to 10' },
            { field: 'answers.liked.1', message: 'Unknown option' },
            { field: 'answers.recommend', message: 'Again' },
            { field: 'language', message: 'Not offered' },
          ],
        }),
      ),
    )
    const outcome = await sendAnswers(location, {
      idempotencyKey: 'k'.repeat(22),
      language: 'en',
      answers: {},
      version: 1,
    })
    expect(outcome).toEqual({ kind: 'invalid', questionIds: ['recommend', 'liked'] })
  })

  it('tells a link no survey has (404) from a survey not taking answers (410)', async () => {
    vi.stubGlobal('fetch', vi.fn(problem(404, {})))
    expect(await loadSurvey(location, fetch)).toEqual({ kind: 'unknown' })
    vi.stubGlobal('fetch', vi.fn(problem(410, {})))
    expect(await loadSurvey(location, fetch)).toEqual({ kind: 'closed' })
  })
})

describe('QuestionTrail', () => {
  it('knows the entry behind after pushes, pops and a jump that replaced one', () => {
    const trail = new QuestionTrail('q1')
    trail.pushed('q2')
    trail.pushed('q3')
    expect(trail.previous()).toBe('q2')
    trail.popped('q2')
    expect(trail.previous()).toBe('q1')
    trail.popped('q3') // Forward
    expect(trail.previous()).toBe('q2')
    trail.replaced('q1') // a refused answer shown instead
    trail.pushed('q4')
    expect(trail.previous()).toBe('q1')
  })
})
