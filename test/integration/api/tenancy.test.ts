import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import {
  addMember,
  Caller,
  freshPractice,
  goodPassword,
  testApp,
  uniqueEmail,
} from '../../support/api'
import { testDb } from '../../support/db'
import { newKey, publishedSurvey, pulseAnswers } from '../../support/surveys'

/**
 * Two practices; every route of the API (read from the OpenAPI document, so a new route cannot be
 * forgotten) is called by practice B with practice A's ids. The answer must be 401/403/404 (or 400
 * for ids inside a body), never A's data, and A's data must be unchanged afterwards.
 */
let app: App
let db: Awaited<ReturnType<typeof testDb>>
let a: Awaited<ReturnType<typeof practiceWithEverything>>
let b: Awaited<ReturnType<typeof practiceWithEverything>>

async function practiceWithEverything(name: string) {
  const practice = await freshPractice(app, name)
  const { owner } = practice
  const location = (
    await owner.post('/api/locations', { name: `${name} North`, address: `${name} Road` })
  ).body
  const provider = (
    await owner.post('/api/providers', { name: `Dr. ${name}`, locationIds: [location.id] })
  ).body
  const staff = await addMember(app, owner, 'staff')
  const pending = (
    await owner.post('/api/invitations', { email: uniqueEmail('pending'), role: 'committee' })
  ).body
  const survey = await publishedSurvey(owner)
  const response = (
    await new Caller(app).post(`/api/public/surveys/${survey.id}/responses`, {
      idempotencyKey: newKey(),
      language: 'en',
      answers: pulseAnswers(7, { improve: `${name} secret comment` }),
    })
  ).body
  const board = (
    await owner.post('/api/boards', {
      title: `${name} board`,
      persona: `${name} persona`,
      canvasId: 'journey-map',
    })
  ).body.board
  const guestLink = (await owner.post(`/api/boards/${board.id}/guest-links`, {})).body
  const moment = (
    await owner.post('/api/moments', {
      week: '2026-W48',
      quote: `${name} secret moment quote`,
      staff: [{ kind: 'provider', id: provider.id }],
      whatTheyDid: `${name} secret deed`,
      patientGain: `${name} secret gain`,
    })
  ).body
  await staff.member.post('/api/moments/submissions', { story: `${name} secret staff story` })
  await owner.request('PUT', '/api/governance/charter', { criteria: `${name} secret criteria` })
  const meeting = (
    await owner.post('/api/governance/meetings', {
      date: '2026-12-01',
      minutes: `${name} secret minutes`,
    })
  ).body
  const governance = await governanceOf(owner, name, board.id, staff.userId)
  return {
    ...practice,
    staff,
    ids: {
      locationId: location.id as string,
      providerId: provider.id as string,
      userId: staff.userId,
      invitationId: pending.invitation.id as string,
      surveyId: survey.id,
      version: '1',
      boardId: board.id as string,
      linkId: guestLink.id as string,
      momentId: moment.id as string,
      // `/api/fixes/{id}` reads as the area "fixe".
      fixeId: governance.ids.fixId,
      // `/api/governance/meetings/{id}`: the committee's meeting.
      governanceId: meeting.id as string,
      // The template catalogue is shared by every practice: not tenant data.
      templateId: 'visit-pulse',
      // A review site is named, not numbered: the practice comes from the session.
      source: 'yelp',
      // Reviews have a sweep of their own with real ones (tenancy-reviews.test.ts).
      reviewId: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B',
      ...governance.ids,
    },
    survey,
    // Strings that must never appear in an answer given to the other practice.
    secrets: [
      name,
      practice.practiceId,
      practice.email,
      staff.email,
      location.id,
      provider.id,
      staff.userId,
      survey.id,
      response.id,
      `${name} secret comment`,
      board.id,
      `${name} board`,
      `${name} persona`,
      moment.id,
      `${name} secret moment quote`,
      `${name} secret deed`,
      `${name} secret staff story`,
      `${name} secret criteria`,
      meeting.id,
      `${name} secret minutes`,
      ...governance.secrets,
    ],
  }
}

/** A case of the practice with its evidence, analysis, fix and action: what B must not reach. */
async function governanceOf(owner: Caller, name: string, boardId: string, staffId: string) {
  const evidenceId = (await owner.get(`/api/boards/${boardId}/evidence`)).body.items[0].source.id
  const kase = (
    await owner.post('/api/cases', {
      title: `${name} secret case`,
      description: `${name} secret case story`,
      touchpointId: 'check-in',
      severity: 'high',
      origin: { kind: 'response', id: evidenceId },
    })
  ).body
  // Started, so its 72-hour clock stops counting down while the sweep runs.
  await owner.patch(`/api/cases/${kase.id}`, { status: 'investigating' })
  await owner.request('PUT', `/api/cases/${kase.id}/analysis`, {
    categories: ['Process'],
    causes: [
      {
        category: 'Process',
        text: `${name} secret cause`,
        whys: [`${name} secret why`],
        evidence: [{ kind: 'response', id: evidenceId }],
      },
    ],
  })
  const fix = (
    await owner.post(`/api/cases/${kase.id}/fixes`, {
      title: `${name} secret fix`,
      touchpointId: 'check-in',
      effectiveOn: '2026-11-02',
      strength: 'stronger',
      actionType: 'forcing-function',
    })
  ).body
  const action = (
    await owner.post(`/api/cases/${kase.id}/actions`, {
      title: `${name} secret action`,
      ownerId: staffId,
      dueOn: '2026-12-10',
    })
  ).body
  return {
    ids: {
      caseId: kase.id as string,
      fixId: fix.id as string,
      actionId: action.id as string,
      kind: 'response',
      evidenceId: evidenceId as string,
    },
    secrets: [
      kase.id,
      `${name} secret case`,
      `${name} secret cause`,
      `${name} secret why`,
      fix.id,
      `${name} secret fix`,
      action.id,
      `${name} secret action`,
    ],
  }
}

/** A valid body for every route that takes one. A route without an entry here fails the test. */
function sampleBody(operation: string, other: typeof a): unknown {
  const bodies: Record<string, unknown> = {
    'POST /api/practices': {
      practiceName: 'Tenancy Probe',
      specialty: 'other',
      timeZone: 'UTC',
      ownerName: 'Probe',
      email: uniqueEmail('probe'),
      password: goodPassword,
    },
    'PATCH /api/practice': { name: 'B renamed itself' },
    'POST /api/session': { email: other.email, password: 'wrong password!' },
    'POST /api/me/password': {
      currentPassword: 'wrong password!',
      newPassword: 'Probe takes over 77',
    },
    'POST /api/password-reset': { email: uniqueEmail('probe') },
    'POST /api/password-check': { password: 'Probe takes over 77', userWords: [other.email] },
    'POST /api/password-reset/confirm': { token: 'n'.repeat(43), password: 'Probe takes over 77' },
    'POST /api/join/preview': { token: 'n'.repeat(43) },
    'POST /api/join': { token: 'n'.repeat(43), name: 'Probe', password: goodPassword },
    'PATCH /api/team/{userId}': { role: 'manager' },
    'POST /api/invitations': { email: uniqueEmail('probe'), role: 'staff' },
    'POST /api/locations': { name: 'B annex' },
    'PATCH /api/locations/{id}': { name: 'Taken over' },
    'POST /api/providers': { name: 'Dr. Probe', locationIds: [other.ids.locationId] },
    'PATCH /api/providers/{id}': { name: 'Taken over', locationIds: [other.ids.locationId] },
    'POST /api/surveys': { templateId: 'visit-pulse' },
    // CSV routes: a JSON body is refused (415) before anything is read; see tenancy-imports.test.ts.
    'POST /api/reviews/import': 'source,date,stars',
    'POST /api/responses/import': 'date,recommend',
    'PUT /api/surveys/{id}/draft': other.survey.survey.draft,
    'PUT /api/journey': journeyBody,
    'POST /api/boards': { title: 'Probe', persona: 'Probe', canvasId: 'empathy-map' },
    'POST /api/boards/{id}/guest-links': { hours: 2 },
    'POST /api/boards/{id}/archive': { archived: true },
    'POST /api/guest/join': { token: 'n'.repeat(43), name: 'Probe' },
    ...reviewSourceBodies([{ externalId: 'probe', locationId: other.ids.locationId }]),
    'POST /api/reviews/{id}/reply/check': { text: 'Thank you for your feedback.' },
    'PUT /api/reviews/{id}/reply': { text: 'Taken over', acknowledgeWarnings: true },
    // Naming A's people: refused as not of this practice, never stored against them.
    'POST /api/moments/submissions': {
      story: 'Probe story',
      staff: [{ kind: 'user', id: other.ids.userId }],
    },
    'POST /api/moments': {
      week: '2026-W48',
      quote: 'Probe quote',
      staff: [{ kind: 'provider', id: other.ids.providerId }],
      whatTheyDid: 'Probe',
      patientGain: 'Probe',
    },
    'PATCH /api/moments/{id}': { whatTheyDid: 'Taken over' },
    'PUT /api/governance/charter': { criteria: 'Taken over' },
    // Naming A's people: refused as not of this practice.
    'POST /api/governance/meetings': { date: '2026-12-01', attendees: [other.ids.userId] },
    'PATCH /api/governance/meetings/{id}': { minutes: 'Taken over' },
    // Governance: A's response as an origin or evidence, A's staffer as an owner.
    'POST /api/cases': {
      title: 'Probe case',
      description: 'Probe',
      touchpointId: 'check-in',
      severity: 'low',
      origin: { kind: 'response', id: other.ids.evidenceId },
    },
    'PATCH /api/cases/{id}': { status: 'dismissed', reason: 'Taken over' },
    'POST /api/cases/{id}/evidence': { kind: 'response', id: other.ids.evidenceId },
    'PUT /api/cases/{id}/analysis': { categories: ['Process'], causes: [] },
    'POST /api/cases/{id}/fixes': {
      title: 'Probe fix',
      touchpointId: 'check-in',
      effectiveOn: '2026-11-02',
      strength: 'weaker',
      actionType: 'training',
    },
    'POST /api/cases/{id}/actions': {
      title: 'Probe action',
      ownerId: other.ids.userId,
      dueOn: '2026-12-10',
    },
    'PATCH /api/actions/{id}': { status: 'done', note: 'Taken over' },
    'PATCH /api/fixes/{id}': { title: 'Taken over' },
    'POST /api/public/surveys/{id}/responses': {
      idempotencyKey: newKey(),
      language: 'en',
      answers: pulseAnswers(1),
    },
  }
  if (!(operation in bodies))
    throw new Error(`tenancy test has no sample body for ${operation}: add one`)
  return bodies[operation]
}

/** Connecting a review site to another practice's location must be refused (review-sources). */
function reviewSourceBodies(locations: { externalId: string; locationId: string }[]) {
  return {
    'PUT /api/review-sources/google': {
      clientId: 'probe',
      clientSecret: 'probe',
      refreshToken: 'probe',
      accountId: '1',
      locations,
    },
    'PUT /api/review-sources/yelp': { apiKey: 'probe', locations },
    'PUT /api/review-sources/facebook': { pageAccessToken: 'probe', locations },
    'PATCH /api/review-sources/{source}': { locations },
  }
}

const snapshotPaths = [
  '/api/me',
  '/api/team',
  '/api/locations',
  '/api/providers',
  '/api/outbox',
  '/api/surveys',
  '/api/journey',
  '/api/responses',
  '/api/boards',
  '/api/moments',
  '/api/recognition',
  '/api/governance/charter',
  '/api/governance/meetings',
  '/api/governance/history',
  '/api/cases',
  '/api/actions',
]

async function snapshot(caller: Caller) {
  const answers = await Promise.all(snapshotPaths.map((path) => caller.get(path)))
  return answers.map((answer, i) => {
    const { csrfToken: _token, ...body } = answer.body
    return [snapshotPaths[i], body]
  })
}

/**
 * Routes whose whole point is to be opened by anyone holding the link: a published survey and its
 * submission. The survey id in the link is the capability, as a QR code on a poster must be.
 */
const publicByDesign = new Set([
  'GET /api/public/surveys/{id}',
  'POST /api/public/surveys/{id}/responses',
])

const journeyBody = {
  specialty: 'general',
  touchpoints: ['booking', 'visit', 'billing'].map((id) => ({
    id,
    name: { en: id, es: id },
    description: { en: `About ${id}`, es: `Sobre ${id}` },
  })),
}

interface Operation {
  method: string
  path: string
  secured: boolean
  hasBody: boolean
}

let operations: Operation[]

beforeAll(async () => {
  // Demo practices are off, as in AWS: the route still answers (403) and is checked for leaks.
  db = await testDb()
  app = testApp(db, { ALLOW_DEMO: 'false' })
  a = await practiceWithEverything('Alder Clinic')
  b = await practiceWithEverything('Birch Clinic')
  const doc = (await (await app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, { security?: unknown[]; requestBody?: unknown }>>
  }
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path: `/api${path.replace(/^\/api/, '')}`,
      secured: (op.security?.length ?? 0) > 0,
      hasBody: op.requestBody !== undefined,
    })),
  )
})

/** A generic `{id}` means the id of whatever the path is about: `/api/providers/{id}` → providerId. */
const fill = (path: string, ids: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const area = /^\/api\/(\w+?)s?\//.exec(path)?.[1]
    const id = name === 'id' && area && ids[`${area}Id`] ? ids[`${area}Id`] : ids[name]
    if (!id) throw new Error(`tenancy test has no id for {${name}} in ${path}: add one`)
    return id
  })

// The sweep calls every route twice; on a busy machine it takes longer than the default 30 s.
describe('tenancy', { timeout: 180_000 }, () => {
  it('reads the routes from the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(20)
    expect(
      operations.some((op) => op.path === '/api/team/{userId}' && op.method === 'DELETE'),
    ).toBe(true)
  })

  it("never lets one practice read or change another's data through any route", async () => {
    const before = await snapshot(a.owner)
    // Signing out ends the session the sweep uses, so it goes last.
    const signOutLast = (op: Operation) =>
      (op.method === 'DELETE' && op.path === '/api/session') ||
      op.path === '/api/session/sign-out-everywhere'
        ? 1
        : 0
    for (const op of [...operations].sort((x, y) => signOutLast(x) - signOutLast(y))) {
      const key = `${op.method} ${op.path}`
      if (publicByDesign.has(key)) continue
      const body = op.hasBody ? sampleBody(key, a) : undefined
      const path = fill(op.path, a.ids)
      for (const caller of [b.owner, b.staff.member]) {
        // A clone, so a route that sets a cookie (creating a practice) does not change who B is.
        const res = await caller.clone().request(op.method, path, body)
        const text = JSON.stringify(res.body ?? '')
        for (const secret of a.secrets) {
          expect(text, `${key} as practice B leaked ${secret}`).not.toContain(secret)
        }
        if (op.path.includes('{') && !op.path.includes('{templateId}')) {
          // A body that names A's locations may be refused as invalid before the path is looked up.
          const refusals = JSON.stringify(body ?? '').includes(a.ids.locationId)
            ? [400, 401, 403, 404]
            : [401, 403, 404]
          expect(refusals, `${key} with A's ids answered ${res.status}`).toContain(res.status)
        }
        // The owner may add providers, but not tied to another practice's location.
        if (key === 'POST /api/providers' && caller === b.owner) expect(res.status).toBe(400)
      }
    }
    expect(await snapshot(a.owner)).toEqual(before)
    // Two callers on every route: on a busy machine the sweep takes longer than the default.
  }, 180_000)

  it('answers 401 problem+json on every secured route without a session', async () => {
    for (const op of operations.filter((candidate) => candidate.secured)) {
      const key = `${op.method} ${op.path}`
      const res = await new Caller(app).request(
        op.method,
        fill(op.path, a.ids),
        op.hasBody ? sampleBody(key, a) : undefined,
      )
      expect(res.status, key).toBe(401)
      expect(res.headers.get('content-type'), key).toBe('application/problem+json')
    }
  })

  it("refuses a session cookie paired with another session's CSRF token", async () => {
    const birch = new Caller(app)
    expect(
      (await birch.post('/api/session', { email: b.email, password: goodPassword })).status,
    ).toBe(200)
    const res = await birch.request(
      'PATCH',
      '/api/practice',
      { name: 'Cross' },
      { 'x-csrf-token': a.owner.csrfToken },
    )
    expect(res.status).toBe(403)
  })
})
