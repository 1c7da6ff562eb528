import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import { Caller, freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'
import { newKey, publishedSurvey, pulseAnswers } from '../../support/surveys'
import { parseCsv } from '../../support/csv'

let app: App
beforeAll(async () => {
  app = testApp(await testDb(), { PUBLIC_SUBMIT_RATE_LIMIT: '0' })
})

interface Listed {
  total: number
  items: { id: string; sentiment?: { label: string }; themes?: string[] }[]
  nextCursor: string | null
}

/**
 * A practice that surveys in English and Spanish, with one published pulse survey and five
 * responses whose comments read clearly: two about waiting (negative, one in each language), two
 * about kind staff (positive, one in each), one neutral without a theme, and one with no comment.
 */
async function practiceWithComments() {
  const practice = await freshPractice(app)
  const { owner } = practice
  expect((await owner.patch('/api/practice', { languages: ['en', 'es'] })).status).toBe(200)
  const { id } = await publishedSurvey(owner)
  const submit = async (language: 'en' | 'es', recommend: number, improve?: string) => {
    const res = await new Caller(app).post(`/api/public/surveys/${id}/responses`, {
      idempotencyKey: newKey(),
      language,
      answers: pulseAnswers(recommend, improve === undefined ? {} : { improve }),
    })
    expect(res.status).toBe(201)
    return res.body.id as string
  }
  const ids = {
    waitedEn: await submit('en', 2, 'We waited over an hour and nobody told us why'),
    waitedEs: await submit('es', 3, 'Esperamos más de una hora'),
    kindEs: await submit('es', 10, 'El personal fue muy amable'),
    kindEn: await submit('en', 9, 'The front desk staff were lovely and kind'),
    neutral: await submit('en', 8, 'The visit was fine'),
    silent: await submit('en', 7),
  }
  return { ...practice, surveyId: id, ids }
}

type Practice = Awaited<ReturnType<typeof practiceWithComments>>

const list = async (practice: Practice, query: string): Promise<Listed> => {
  const res = await practice.owner.get(`/api/responses?surveyId=${practice.surveyId}&${query}`)
  expect(res.status).toBe(200)
  return res.body as Listed
}

const idsOf = (page: Listed) => page.items.map((item) => item.id).sort()

describe('filtering responses by what their comments say', () => {
  it('lists only the responses of a theme, in either language, with the right total', async () => {
    const practice = await practiceWithComments()
    const { ids } = practice
    const waiting = await list(practice, 'theme=wait-time')
    expect(waiting.total).toBe(2)
    expect(idsOf(waiting)).toEqual([ids.waitedEn, ids.waitedEs].sort())
    expect(waiting.items.every((item) => item.themes?.includes('wait-time'))).toBe(true)

    const courtesy = await list(practice, 'theme=staff-courtesy')
    expect(courtesy.total).toBe(2)
    expect(idsOf(courtesy)).toEqual([ids.kindEn, ids.kindEs].sort())

    const none = await list(practice, 'theme=billing-cost')
    expect(none).toEqual({ total: 0, items: [], nextCursor: null })
  })

  it('lists only the responses of a sentiment, and combines it with a theme', async () => {
    const practice = await practiceWithComments()
    const { ids } = practice
    const negative = await list(practice, 'sentiment=negative')
    expect(negative.total).toBe(2)
    expect(idsOf(negative)).toEqual([ids.waitedEn, ids.waitedEs].sort())
    expect(negative.items.every((item) => item.sentiment?.label === 'negative')).toBe(true)

    const positive = await list(practice, 'sentiment=positive')
    expect(idsOf(positive)).toEqual([ids.kindEn, ids.kindEs].sort())
    expect((await list(practice, 'sentiment=neutral')).total).toBe(1)

    expect((await list(practice, 'theme=wait-time&sentiment=positive')).total).toBe(0)
    const both = await list(practice, 'theme=staff-courtesy&sentiment=positive&maxScore=9')
    expect(both.total).toBe(1)
    expect(idsOf(both)).toEqual([ids.kindEn])
  })

  it('pages through a theme without skipping or repeating, the total the same on each page', async () => {
    const practice = await practiceWithComments()
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: Listed = await list(
        practice,
        `theme=wait-time&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      )
      expect(page.total).toBe(2)
      expect(page.items.length).toBeLessThanOrEqual(1)
      seen.push(...page.items.map((item) => item.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen.sort()).toEqual([practice.ids.waitedEn, practice.ids.waitedEs].sort())
  })

  it('leaves every response in the list without these filters', async () => {
    const practice = await practiceWithComments()
    const all = await list(practice, '')
    expect(all.total).toBe(6)
    const silent = all.items.find((item) => item.id === practice.ids.silent)
    expect(silent).toBeDefined()
    expect(silent?.sentiment).toBeUndefined()
  })

  it('refuses an unknown sentiment or a malformed theme with a problem naming the field', async () => {
    const { owner } = await freshPractice(app)
    for (const [query, field] of [
      ['sentiment=angry', 'sentiment'],
      ['theme=Wait%20Time', 'theme'],
    ] as const) {
      for (const path of ['/api/responses', '/api/responses.csv']) {
        const res = await owner.get(`${path}?${query}`)
        expect(res.status).toBe(400)
        expect(res.headers.get('content-type')).toBe('application/problem+json')
        expect(res.body.field).toBe(field)
      }
    }
  })
})

describe('the CSV export', () => {
  it('has the same rows as the list and ends with the sentiment and the themes by name', async () => {
    const practice = await practiceWithComments()
    const res = await practice.owner.get(
      `/api/responses.csv?surveyId=${practice.surveyId}&theme=wait-time`,
    )
    expect(res.status).toBe(200)
    const rows = parseCsv(String(res.body))
    const [header, ...body] = rows
    expect(header!.slice(0, 6)).toEqual([
      'Submitted (America/Chicago)',
      'Survey',
      'Version',
      'Language',
      'Location',
      'Provider',
    ])
    expect(header!.slice(-2)).toEqual(['Sentiment', 'Themes'])
    expect(body).toHaveLength(2)
    const byLanguage = Object.fromEntries(body.map((row) => [row[3], row]))
    expect(byLanguage.en!.slice(-2)).toEqual(['negative', 'Wait time'])
    expect(byLanguage.es!.slice(-2)).toEqual(['negative', 'Wait time'])
    expect(byLanguage.en).toContain('We waited over an hour and nobody told us why')
  })

  it('leaves the reading empty for a response without a comment', async () => {
    const practice = await practiceWithComments()
    const res = await practice.owner.get(`/api/responses.csv?surveyId=${practice.surveyId}`)
    const [header, ...body] = parseCsv(String(res.body))
    expect(body).toHaveLength(6)
    const scoreColumn = header!.findIndex((name) => /recommend/i.test(name))
    const silent = body.find((row) => row[scoreColumn] === '7')
    expect(silent?.slice(-2)).toEqual(['', ''])
  })
})

describe('the theme list', () => {
  it('names every theme in English and Spanish with its touch point, and no terms', async () => {
    const { owner } = await freshPractice(app)
    const res = await owner.get('/api/themes')
    expect(res.status).toBe(200)
    const themes = res.body as unknown as Record<string, unknown>[]
    expect(themes.find((theme) => theme.id === 'wait-time')).toEqual({
      id: 'wait-time',
      label: { en: 'Wait time', es: 'Tiempo de espera' },
      touchpoint: 'check-in',
    })
    expect(themes.length).toBeGreaterThan(5)
    expect(themes.every((theme) => !('terms' in theme))).toBe(true)
  })

  it('is only for people signed in', async () => {
    const res = await new Caller(app).get('/api/themes')
    expect(res.status).toBe(401)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })
})
