import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import type { Db } from '../../../functions/src/store/db'
import { testApp } from '../../support/api'
import { testDb } from '../../support/db'
import { governancePractice, handCase } from '../../support/governance'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db, { PUBLIC_SUBMIT_RATE_LIMIT: '0', LOG_LEVEL: 'error' })
})

const fields = (body: { errors?: { field: string }[] }) =>
  (body.errors ?? []).map((error) => error.field).sort()

async function caseWithEvidence() {
  const p = await governancePractice(app, db)
  const { id } = (
    await p.committee.member.post(
      '/api/cases',
      handCase({ origin: { kind: 'response', id: p.responseId } }),
    )
  ).body
  return { ...p, caseId: id as string }
}

describe('root-cause analysis', { timeout: 90_000 }, () => {
  it('saves a fishbone whose causes each have their own whys, gives new causes ids, and counts the change', async () => {
    const p = await caseWithEvidence()
    const saved = await p.committee.member.request('PUT', `/api/cases/${p.caseId}/analysis`, {
      categories: ['People', 'Process', 'Communication'],
      causes: [
        {
          category: 'process',
          text: 'No one owns telling waiting patients about delays',
          whys: ['The desk does not know the doctor is running late', 'No delay board exists'],
          evidence: [{ kind: 'response', id: p.responseId }],
          root: true,
        },
        {
          category: 'Communication',
          text: 'Delays are not announced',
          whys: ['Staff fear complaints'],
        },
      ],
    })
    expect(saved.status).toBe(200)
    expect(saved.body.categories).toEqual(['People', 'Process', 'Communication'])
    const [first, second] = saved.body.causes
    expect(first).toMatchObject({ category: 'Process', root: true, whys: expect.any(Array) })
    expect(first.whys).toHaveLength(2)
    expect(second).toMatchObject({ category: 'Communication', root: false, evidence: [] })
    expect(first.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(second.id).not.toBe(first.id)

    const detail = (await p.staff.member.get(`/api/cases/${p.caseId}`)).body
    expect(detail.analysis).toEqual(saved.body)

    // Keep the first (now not root), drop the second, add a third marked root.
    const again = await p.owner.request('PUT', `/api/cases/${p.caseId}/analysis`, {
      categories: ['People', 'Process', 'Communication', 'Place'],
      causes: [
        { ...first, root: false },
        { category: 'Place', text: 'The waiting room cannot see the desk', root: true },
      ],
    })
    expect(again.status).toBe(200)
    expect(again.body.causes[0].id).toBe(first.id)
    const trail = (await p.owner.get(`/api/cases/${p.caseId}/history`)).body.items
    const lines = trail.filter((item: { what: string }) => item.what === 'analysis')
    expect(lines.map((item: { change: string }) => item.change)).toEqual([
      'Analysis: 2 causes added, 1 marked root cause, 4 categories removed',
      'Analysis: 1 cause added, 1 cause removed, 1 marked root cause, 1 no longer root cause, 1 category added',
    ])
    // Counted, never copied: the causes' words stay out of the trail.
    expect(JSON.stringify(trail)).not.toContain('waiting room')

    const listed = (await p.owner.get('/api/cases')).body.items[0]
    expect(listed.counts).toMatchObject({ causes: 2, rootCauses: 1, evidence: 1 })
  })

  it('refuses causes citing evidence the case does not have, and names every wrong field', async () => {
    const p = await caseWithEvidence()
    const put = (body: unknown) => p.owner.request('PUT', `/api/cases/${p.caseId}/analysis`, body)
    const unlinked = await put({
      categories: ['Process'],
      causes: [
        {
          category: 'Process',
          text: 'Cited a review not linked',
          evidence: [
            { kind: 'response', id: p.responseId },
            { kind: 'review', id: '2026-11.01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B' },
          ],
        },
      ],
    })
    expect(unlinked.status).toBe(400)
    expect(unlinked.headers.get('content-type')).toBe('application/problem+json')
    expect(fields(unlinked.body)).toEqual(['causes.0.evidence.1'])

    const bad = await put({
      categories: ['Process', 'process', ''],
      causes: [
        { category: 'Weather', text: '', whys: ['1', '2', '3', '4', '5', '6', '7', '8'] },
        { category: 'Process', text: 'ok', root: 'yes' },
      ],
    })
    expect(bad.status).toBe(400)
    expect(fields(bad.body)).toEqual([
      'categories.2',
      'causes.0.text',
      'causes.0.whys',
      'causes.1.root',
    ])
    const dupes = await put({
      categories: ['Process'],
      causes: [
        { id: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B', category: 'Process', text: 'a' },
        { id: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B', category: 'Process', text: 'b' },
      ],
    })
    expect(dupes.status).toBe(400)
    expect(fields(dupes.body)).toEqual(['causes.1.id'])
    // Nothing was saved by the refused requests.
    expect((await p.owner.get(`/api/cases/${p.caseId}`)).body.analysis.causes).toEqual([])
  })

  it('keeps evidence a cause cites linked, and lets only writers save the analysis', async () => {
    const p = await caseWithEvidence()
    const body = {
      categories: ['Process'],
      causes: [
        { category: 'Process', text: 'x', evidence: [{ kind: 'response', id: p.responseId }] },
      ],
    }
    expect(
      (await p.staff.member.request('PUT', `/api/cases/${p.caseId}/analysis`, body)).status,
    ).toBe(403)
    expect((await p.owner.request('PUT', `/api/cases/${p.caseId}/analysis`, body)).status).toBe(200)
    const unlink = await p.owner.delete(`/api/cases/${p.caseId}/evidence/response/${p.responseId}`)
    expect(unlink.status).toBe(409)
    expect(unlink.body.type).toContain('evidence-cited')
    expect(
      (await p.owner.request('PUT', '/api/cases/01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B/analysis', body)).status,
    ).toBe(404)
  })
})
