import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, setCsrfToken } from '../../../web/src/lib/api'
import * as governanceApi from '../../../web/src/lib/api-governance'

interface Call {
  url: string
  method: string
  csrf: string | undefined
  body: unknown
}

let calls: Call[] = []
let answer: () => Response = () => json({})

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } })

beforeEach(() => {
  calls = []
  answer = () => json({})
  setCsrfToken('csrf-1')
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const headers = (init.headers ?? {}) as Record<string, string>
    calls.push({
      url,
      method: init.method ?? 'GET',
      csrf: headers['x-csrf-token'],
      body: init.body === undefined ? undefined : JSON.parse(init.body as string),
    })
    return answer()
  })
})

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken(null)
})

const caseId = '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B'
const fixId = '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3C'
const actionId = '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3D'

describe('the governance client', () => {
  it('calls every route of the public contract with its method, path and body', async () => {
    const newCase = {
      title: 'Waited 50 minutes without a word',
      description: 'Nobody said why.',
      touchpointId: 'check-in',
      severity: 'moderate' as const,
      origin: { kind: 'response' as const, id: `2026-11.${caseId}` },
    }
    const analysis = {
      categories: ['People', 'Process'],
      causes: [
        { category: 'Process', text: 'No one owns the wait', whys: ['No rota'], root: true },
      ],
    }
    const fix = {
      title: 'Front desk tells every patient the wait at check-in',
      touchpointId: 'check-in',
      effectiveOn: '2026-11-09',
      strength: 'stronger' as const,
      actionType: 'standardisation' as const,
    }
    await governanceApi.cases.create(newCase)
    await governanceApi.cases.list()
    await governanceApi.cases.get(caseId)
    await governanceApi.cases.update(caseId, { status: 'investigating' })
    await governanceApi.cases.history(caseId)
    await governanceApi.evidence.link(caseId, { kind: 'review', id: `2026-10.${caseId}` })
    await governanceApi.evidence.unlink(caseId, 'review', `2026-10.${caseId}`)
    await governanceApi.analysis.save(caseId, analysis)
    await governanceApi.fixes.create(caseId, fix)
    await governanceApi.fixes.outcome(fixId)
    await governanceApi.actions.create(caseId, {
      title: 'Write the script',
      ownerId: actionId,
      dueOn: '2026-12-04',
    })
    await governanceApi.actions.update(actionId, { status: 'done', note: 'Posted at the desk' })
    await governanceApi.actions.list()
    await governanceApi.charter.get()
    await governanceApi.charter.save({ criteria: 'We act on what patients tell us.' })
    await governanceApi.meetings.create({ date: '2026-12-08' })
    await governanceApi.meetings.list()
    await governanceApi.meetings.get(caseId)
    await governanceApi.meetings.update(caseId, { minutes: 'We met.' })

    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      'POST /api/cases',
      'GET /api/cases',
      `GET /api/cases/${caseId}`,
      `PATCH /api/cases/${caseId}`,
      `GET /api/cases/${caseId}/history`,
      `POST /api/cases/${caseId}/evidence`,
      `DELETE /api/cases/${caseId}/evidence/review/2026-10.${caseId}`,
      `PUT /api/cases/${caseId}/analysis`,
      `POST /api/cases/${caseId}/fixes`,
      `GET /api/fixes/${fixId}/outcome`,
      `POST /api/cases/${caseId}/actions`,
      `PATCH /api/actions/${actionId}`,
      'GET /api/actions',
      'GET /api/governance/charter',
      'PUT /api/governance/charter',
      'POST /api/governance/meetings',
      'GET /api/governance/meetings',
      `GET /api/governance/meetings/${caseId}`,
      `PATCH /api/governance/meetings/${caseId}`,
    ])
    expect(calls[0]!.body).toEqual(newCase)
    expect(calls[3]!.body).toEqual({ status: 'investigating' })
    expect(calls[7]!.body).toEqual(analysis)
    expect(calls[8]!.body).toEqual(fix)
    expect(calls[11]!.body).toEqual({ status: 'done', note: 'Posted at the desk' })
    // Writes carry the CSRF token; reads never do.
    expect(calls.filter((call) => call.method === 'GET').every((call) => !call.csrf)).toBe(true)
    expect(
      calls.filter((call) => call.method !== 'GET').every((call) => call.csrf === 'csrf-1'),
    ).toBe(true)
  })

  it('puts filters in the query string, leaving out the empty ones, and escapes ids', async () => {
    await governanceApi.cases.list({
      status: 'fix-planned',
      touchpoint: 'billing',
      cursor: 'a/b+c',
    })
    await governanceApi.cases.list({ status: undefined, touchpoint: '' })
    await governanceApi.actions.list({ owner: 'me', status: 'open' })
    await governanceApi.fixes.outcome(fixId, { baselineWeeks: 8 })
    await governanceApi.cases.get('a/../b')

    expect(calls.map((call) => call.url)).toEqual([
      '/api/cases?status=fix-planned&touchpoint=billing&cursor=a%2Fb%2Bc',
      '/api/cases',
      '/api/actions?owner=me&status=open',
      `/api/fixes/${fixId}/outcome?baselineWeeks=8`,
      '/api/cases/a%2F..%2Fb',
    ])
  })

  it('reads the Markdown export as text and gives its address for a download link', async () => {
    answer = () =>
      new Response('# Committee meeting\n', { headers: { 'content-type': 'text/markdown' } })
    expect(await governanceApi.meetings.exportMarkdown(caseId)).toBe('# Committee meeting\n')
    expect(governanceApi.meetings.exportUrl(caseId)).toBe(
      `/api/governance/meetings/${caseId}/export.md`,
    )
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      `GET /api/governance/meetings/${caseId}/export.md`,
    ])
  })

  it('turns an illegal status move into an ApiError naming the status field', async () => {
    answer = () =>
      json(
        {
          type: 'about:blank',
          title: 'That change is not allowed',
          status: 409,
          detail: 'A case moves one step at a time: from open to investigating, or dismissed.',
          code: 'illegal-transition',
          field: 'status',
        },
        409,
        'application/problem+json',
      )
    const error = await governanceApi.cases.update(caseId, { status: 'closed' }).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 409, field: 'status' })
    expect(error.detail).toContain('one step at a time')
  })
})
