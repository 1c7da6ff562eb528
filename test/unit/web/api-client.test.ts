import { describe, expect, it } from 'vitest'
import { ApiError, createClient } from '../../../web/src/lib/api-client'

interface Call {
  url: string
  method: string
  headers: Record<string, string>
  body: string | undefined
}

/** A `fetch` that records each call and answers with the next of `answers`. */
function fakeFetch(...answers: (() => Response)[]) {
  const calls: Call[] = []
  const fetcher = (async (url: string, init: RequestInit = {}) => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
      body: init.body as string | undefined,
    })
    const answer = answers.shift()
    if (!answer) throw new TypeError('Failed to fetch')
    return answer()
  }) as typeof fetch
  return { calls, fetcher }
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })

describe('createClient', () => {
  it('sends the CSRF token on writes and never on reads', async () => {
    const ok = () => json({ ok: true })
    const { calls, fetcher } = fakeFetch(ok, ok, ok, ok, () => new Response(null, { status: 204 }))
    const client = createClient({ csrf: () => 'token-1', fetch: fetcher })

    await client.get('/api/me')
    await client.post('/api/surveys', { templateId: 'visit-pulse' })
    await client.put('/api/journey', { touchpoints: [] })
    await client.patch('/api/practice', { name: 'Sunrise' })
    expect(await client.del('/api/session')).toBeUndefined()

    expect(calls.map((call) => [call.method, call.headers['x-csrf-token']])).toEqual([
      ['GET', undefined],
      ['POST', 'token-1'],
      ['PUT', 'token-1'],
      ['PATCH', 'token-1'],
      ['DELETE', 'token-1'],
    ])
    expect(calls[1]).toMatchObject({
      url: '/api/surveys',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: '{"templateId":"visit-pulse"}',
    })
    expect(calls[0]!.headers['content-type']).toBeUndefined()
  })

  it('reads the token at each call, and sends none while there is none', async () => {
    let token: string | null = null
    const ok = () => json({})
    const { calls, fetcher } = fakeFetch(ok, ok)
    const client = createClient({ csrf: () => token, fetch: fetcher })
    await client.post('/api/session', { email: 'a@example.com', password: 'x' })
    token = 'token-2'
    await client.post('/api/demo', {})
    expect(calls.map((call) => call.headers['x-csrf-token'])).toEqual([undefined, 'token-2'])
  })

  it('turns a problem+json answer into an ApiError with every invalid field', async () => {
    const problem = {
      type: 'https://touchpoint.dev/problems/invalid',
      title: 'Bad request',
      status: 400,
      detail: 'questions.3.prompt.es: Required',
      requestId: 'req-1',
      field: 'questions.3.prompt.es',
      errors: [
        { field: 'questions.3.prompt.es', message: 'Required' },
        { field: 'title.es', message: 'Missing the es text' },
      ],
    }
    const { fetcher } = fakeFetch(() =>
      json(problem, 400, { 'content-type': 'application/problem+json' }),
    )
    const client = createClient({ csrf: () => 't', fetch: fetcher })

    const error = await client.put('/api/surveys/1/draft', {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({
      status: 400,
      title: 'Bad request',
      detail: 'questions.3.prompt.es: Required',
      field: 'questions.3.prompt.es',
      errors: problem.errors,
      requestId: 'req-1',
      message: 'questions.3.prompt.es: Required',
    })
  })

  it("keeps a 429's Retry-After, and tells the session of a 401", async () => {
    const { fetcher } = fakeFetch(
      () => json({ title: 'Too many requests', status: 429 }, 429, { 'retry-after': '42' }),
      () => new Response('no', { status: 401, headers: { 'content-type': 'text/plain' } }),
    )
    let unauthenticated = 0
    const client = createClient({
      csrf: () => null,
      fetch: fetcher,
      onUnauthenticated: () => unauthenticated++,
    })

    const busy = await client.post('/api/session', {}).catch((e: unknown) => e)
    expect(busy).toMatchObject({ status: 429, retryAfterSeconds: 42, errors: undefined })
    expect(unauthenticated).toBe(0)
    const signedOut = await client.get('/api/me').catch((e: unknown) => e)
    expect(signedOut).toMatchObject({ status: 401, title: 'Please sign in', detail: '' })
    expect(unauthenticated).toBe(1)
  })

  it('reports no answer at all as status 0', async () => {
    const { fetcher } = fakeFetch()
    const client = createClient({ csrf: () => null, fetch: fetcher })
    const error = await client.get('/api/me').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 0, title: 'Touchpoint cannot be reached' })
  })

  it('parses JSON answers and gives other answers as text', async () => {
    const { calls, fetcher } = fakeFetch(() => json({ items: [1] }))
    const client = createClient({ csrf: () => null, fetch: fetcher })
    expect(await client.get('/api/locations')).toEqual({ items: [1] })
    // A call's own fetch (a SvelteKit load's) wins over the client's.
    const own = fakeFetch(
      () => new Response('# Board', { headers: { 'content-type': 'text/markdown' } }),
    )
    expect(await client.get('/api/boards/1/export.md', { fetch: own.fetcher })).toBe('# Board')
    expect(calls).toHaveLength(1)
    expect(own.calls).toHaveLength(1)
  })
})
