import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../../functions/src/api/app'
import type { Board } from '../../../functions/src/domain/boards/board'
import { outboxMessenger } from '../../../functions/src/messaging/outbox'
import type { BoardHub } from '../../../functions/src/realtime/ports'
import type { Entry } from '../../../functions/src/realtime/protocol'
import { commitOperation } from '../../../functions/src/store/board-ops'
import type { Db } from '../../../functions/src/store/db'
import { addMember, freshPractice } from '../../support/api'
import { createBoard, staffOf } from '../../support/boards'
import { testConfig, testDb } from '../../support/db'

let db: Db
let app: App
/** What the archive route sent to connected clients. */
const published: { practiceId: string; boardId: string; entry: Entry }[] = []

beforeAll(async () => {
  db = await testDb()
  const boardHub: BoardHub = {
    connect: async () => {},
    disconnect: async () => {},
    receive: async () => {},
    revokePerson: async () => {},
    revokeGuestLink: async () => {},
    publish: async (practiceId, boardId, entry) => {
      published.push({ practiceId, boardId, entry })
    },
  }
  app = createApp({ config: testConfig(), db, mailer: outboxMessenger(db), boardHub })
})

describe('canvases', () => {
  it("lists the three canvases in the practice's language, or the one asked for", async () => {
    const { owner } = await freshPractice(app)
    const en = await owner.get('/api/canvases')
    expect(en.status).toBe(200)
    expect(en.body.items.map((canvas: { id: string }) => canvas.id)).toEqual([
      'empathy-map',
      'empathy-map-classic',
      'journey-map',
    ])
    const [map, , journey] = en.body.items
    expect(map).toMatchObject({ kind: 'grid', title: 'Empathy map', voteLimit: 3 })
    expect(map.areas.map((area: { id: string }) => area.id)).toEqual([
      'goal',
      'see',
      'say',
      'do',
      'hear',
      'pains',
      'gains',
    ])
    // Where each area sits, so the picker draws the canvas as it is.
    expect(map.columns).toBe(4)
    expect(map.areas[0]).toMatchObject({ id: 'goal', row: 1, col: 1, rowSpan: 1, colSpan: 4 })
    expect(journey.columns).toBeUndefined()
    expect(journey.areas[0].row).toBeUndefined()
    expect(map.steps[0]).toEqual({
      id: 'persona',
      title: 'Who is this about?',
      minutes: 3,
      mode: 'discuss',
    })
    expect(journey.kind).toBe('journey')
    expect(journey.areas.map((row: { id: string }) => row.id)).toEqual([
      'doing',
      'thinking',
      'feeling',
      'pains',
      'opportunities',
    ])

    const es = await owner.get('/api/canvases?language=es')
    expect(es.body.items[0].title).toBe('Mapa de empatía')
    expect(es.body.items[0].areas[1].title).toBe('Ve')
    expect((await owner.get('/api/canvases?language=fr')).body.field).toBe('language')
  })

  it('gives every area its tone, so the picker tints pains, gains and the goal as the board does', async () => {
    const { owner } = await freshPractice(app)
    const [map, classic, journey] = (await owner.get('/api/canvases')).body.items
    const tones = (canvas: { areas: { id: string; tone: string }[] }) =>
      Object.fromEntries(canvas.areas.map((area) => [area.id, area.tone]))
    expect(tones(map)).toEqual({
      goal: 'goal',
      see: 'neutral',
      say: 'neutral',
      do: 'neutral',
      hear: 'neutral',
      pains: 'pain',
      gains: 'gain',
    })
    // Areas the canvas file gives no tone read as neutral, as they do on a board.
    expect(new Set(Object.values(tones(classic)))).toEqual(new Set(['neutral']))
    expect(tones(journey)).toMatchObject({ pains: 'pain', opportunities: 'gain', doing: 'neutral' })
  })
})

describe('creating and listing boards', () => {
  it('creates a board from each canvas, the creator facilitating it', async () => {
    const { owner, ownerId } = await freshPractice(app)
    const map = await createBoard(owner)
    expect(map).toMatchObject({
      canvasId: 'empathy-map',
      kind: 'grid',
      language: 'en',
      columns: 4,
      seq: 0,
      step: { index: 0, startedAt: null, endsAt: null },
      hidden: false,
      locked: false,
      anonymousAllowed: true,
      voteLimit: 3,
      emotions: {},
      archived: false,
      journey: [],
      touchpointId: null,
      facilitatorId: `u_${ownerId}`,
      createdBy: staffOf(ownerId),
    })
    expect(map.areas.find((area) => area.id === 'goal')).toMatchObject({
      title: 'Goal',
      row: 1,
      col: 1,
      colSpan: 4,
      tone: 'goal',
      touchpointId: null,
    })
    expect(map.steps.map((step) => step.mode)).toEqual([
      'discuss',
      'write',
      'discuss',
      'vote',
      'act',
    ])

    const classic = await createBoard(owner, { canvasId: 'empathy-map-classic', language: 'es' })
    expect(classic.areas.map((area) => [area.id, area.title])).toEqual([
      ['says', 'Dice'],
      ['thinks', 'Piensa'],
      ['does', 'Hace'],
      ['feels', 'Siente'],
    ])
    expect(classic.steps[1]?.title).toBe('Escritura en silencio')
  })

  it("gives a journey board one column per touch point of the practice's journey", async () => {
    const { owner } = await freshPractice(app)
    const journey = (await owner.get('/api/journey')).body
    const touchpoints: string[] = journey.touchpoints.map((t: { id: string }) => t.id)
    expect(touchpoints).toContain('procedure') // dermatology's own step

    const board = await createBoard(owner, { canvasId: 'journey-map', touchpointId: 'billing' })
    expect(board.kind).toBe('journey')
    expect(board.touchpointId).toBe('billing')
    expect(board.columns).toBe(touchpoints.length)
    expect(board.journey.map((column) => column.touchpointId)).toEqual(touchpoints)
    expect(board.journey[0]?.title).toBe(journey.touchpoints[0].name.en)
    expect(board.areas).toHaveLength(touchpoints.length * 5)
    expect(board.areas.slice(0, 5).map((area) => area.id)).toEqual([
      `doing.${touchpoints[0]}`,
      `thinking.${touchpoints[0]}`,
      `feeling.${touchpoints[0]}`,
      `pains.${touchpoints[0]}`,
      `opportunities.${touchpoints[0]}`,
    ])
    expect(board.areas.find((area) => area.id === 'pains.billing')).toMatchObject({
      title: 'Pains',
      row: 4,
      col: touchpoints.indexOf('billing') + 1,
      tone: 'pain',
      touchpointId: 'billing',
    })

    // An edited journey is the one a new board takes.
    const shorter = {
      ...journey,
      touchpoints: journey.touchpoints.filter((t: { id: string }) => t.id !== 'procedure'),
    }
    expect((await owner.request('PUT', '/api/journey', shorter)).status).toBe(200)
    const after = await createBoard(owner, { canvasId: 'journey-map' })
    expect(after.journey.map((column) => column.touchpointId)).not.toContain('procedure')
    expect(after.columns).toBe(touchpoints.length - 1)
  })

  it('lists boards newest first, archived ones apart', async () => {
    const { owner } = await freshPractice(app)
    const first = await createBoard(owner, { title: 'First' })
    const second = await createBoard(owner, { title: 'Second', canvasId: 'journey-map' })
    const listed = await owner.get('/api/boards')
    expect(listed.status).toBe(200)
    expect(listed.body.items.map((b: Board) => b.title)).toEqual(['Second', 'First'])
    expect(listed.body.items[0]).toEqual({
      id: second.id,
      title: 'Second',
      persona: second.persona,
      canvasId: 'journey-map',
      kind: 'journey',
      touchpointId: null,
      language: 'en',
      createdBy: second.createdBy,
      createdAt: second.createdAt,
      archived: false,
    })
    expect((await owner.post(`/api/boards/${first.id}/archive`, { archived: true })).status).toBe(
      200,
    )
    expect((await owner.get('/api/boards')).body.items.map((b: Board) => b.id)).toEqual([second.id])
    expect(
      (await owner.get('/api/boards?archived=true')).body.items.map((b: Board) => b.id),
    ).toEqual([first.id])
  })

  it('refuses bad requests with 400s naming the field', async () => {
    const { owner } = await freshPractice(app)
    const empty = await owner.post('/api/boards', { title: ' ', persona: '', canvasId: 'Nope!' })
    expect(empty.status).toBe(400)
    expect(empty.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'canvasId',
      'persona',
      'title',
    ])
    const unknown = await owner.post('/api/boards', {
      title: 'T',
      persona: 'P',
      canvasId: 'mood-board',
    })
    expect([unknown.status, unknown.body.field]).toEqual([400, 'canvasId'])
    const touchpoint = await owner.post('/api/boards', {
      title: 'T',
      persona: 'P',
      canvasId: 'empathy-map',
      touchpointId: 'parking',
    })
    expect([touchpoint.status, touchpoint.body.field]).toEqual([400, 'touchpointId'])
    const language = await owner.post('/api/boards', {
      title: 'T',
      persona: 'P',
      canvasId: 'empathy-map',
      language: 'fr',
    })
    expect([language.status, language.body.field]).toEqual([400, 'language'])

    const board = await createBoard(owner)
    const history = await owner.get(`/api/boards/${board.id}/history?limit=0`)
    expect([history.status, history.body.field]).toEqual([400, 'limit'])
    const link = await owner.post(`/api/boards/${board.id}/guest-links`, { hours: 500 })
    expect([link.status, link.body.field]).toEqual([400, 'hours'])
    const archive = await owner.post(`/api/boards/${board.id}/archive`, { archived: 'yes' })
    expect([archive.status, archive.body.field]).toEqual([400, 'archived'])
    const badId = await owner.get('/api/boards/not-a-board/state')
    expect([badId.status, badId.body.field]).toEqual([400, 'id'])
    const join = await owner.post('/api/guest/join', { token: '', name: '' })
    expect(join.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'name',
      'token',
    ])
    // Nothing was created by the refusals.
    expect((await owner.get('/api/boards')).body.items).toHaveLength(1)
  })
})

describe("another practice's board", () => {
  it('is not found, whatever the route, and stays as it was', async () => {
    const alder = await freshPractice(app, 'Alder Clinic')
    const birch = await freshPractice(app, 'Birch Clinic')
    const board = await createBoard(alder.owner, { title: 'Alder only' })
    for (const path of ['me', 'state', 'history', 'export.md']) {
      const res = await birch.owner.get(`/api/boards/${board.id}/${path}`)
      expect(res.status, path).toBe(404)
      expect(JSON.stringify(res.body)).not.toContain('Alder only')
    }
    for (const [path, body] of [
      ['ticket', undefined],
      ['guest-links', {}],
      ['archive', { archived: true }],
    ] as const) {
      expect(
        (await birch.owner.request('POST', `/api/boards/${board.id}/${path}`, body)).status,
      ).toBe(404)
    }
    expect((await birch.owner.get(`/api/boards/${board.id}/evidence`)).status).toBe(404)
    expect((await birch.owner.get('/api/boards')).body.items).toEqual([])
    const state = await alder.owner.get(`/api/boards/${board.id}/state`)
    expect(state.body.board).toEqual(board)
  })
})

describe('who may do what on a board', () => {
  it('makes the creator, owners and managers facilitators, and other staff participants', async () => {
    const { owner, ownerId } = await freshPractice(app)
    const staff = await addMember(app, owner, 'staff')
    const manager = await addMember(app, owner, 'manager')
    const committee = await addMember(app, owner, 'committee')
    const board = await createBoard(staff.member)
    expect(board.facilitatorId).toBe(`u_${staff.userId}`)

    const me = async (caller: typeof owner) => (await caller.get(`/api/boards/${board.id}/me`)).body
    expect(await me(staff.member)).toMatchObject({
      participant: { id: `u_${staff.userId}`, kind: 'staff' },
      facilitator: true,
      canSearchEvidence: true,
      canManageActions: true,
      // Staff read cases but do not open them.
      canOpenCases: false,
    })
    expect((await me(owner)).facilitator).toBe(true)
    expect((await me(owner)).participant.id).toBe(`u_${ownerId}`)
    expect((await me(manager.member)).facilitator).toBe(true)
    expect(await me(committee.member)).toMatchObject({
      facilitator: false,
      canSearchEvidence: true,
      canOpenCases: true,
    })
    expect((await me(owner)).csrfToken).toBe(owner.csrfToken)

    // Only facilitators make guest links or archive.
    const refused = await committee.member.post(`/api/boards/${board.id}/guest-links`, {})
    expect(refused.status).toBe(403)
    expect(
      (await committee.member.post(`/api/boards/${board.id}/archive`, { archived: true })).status,
    ).toBe(403)
    expect((await manager.member.post(`/api/boards/${board.id}/guest-links`, {})).status).toBe(201)
  })

  it('needs the CSRF token on writes', async () => {
    const { owner } = await freshPractice(app)
    const board = await createBoard(owner)
    const noToken = owner.clone()
    noToken.csrfToken = ''
    const res = await noToken.post(`/api/boards/${board.id}/ticket`)
    expect([res.status, res.body.field]).toEqual([403, 'x-csrf-token'])
  })
})

describe('tickets, history and archiving', () => {
  it('answers a ticket with the socket address of the host the request came to', async () => {
    const { owner } = await freshPractice(app)
    const board = await createBoard(owner)
    const res = await owner.request('POST', `/api/boards/${board.id}/ticket`, undefined, {
      host: 'meeting-room.local:8787',
    })
    expect(res.status).toBe(200)
    expect(res.body.socketUrl).toBe('ws://meeting-room.local:8787/ws')
    expect(res.body.ticket).toMatch(/^[\w-]{43}$/)
    const seconds = (Date.parse(res.body.expiresAt) - Date.now()) / 1000
    expect(seconds).toBeGreaterThan(50)
    expect(seconds).toBeLessThanOrEqual(60)

    const configured = createApp({
      config: testConfig({ BOARD_SOCKET_URL: 'wss://ws.example.test/live' }),
      db,
      mailer: outboxMessenger(db),
    })
    const viaAws = await configured.request(`/api/boards/${board.id}/ticket`, {
      method: 'POST',
      headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrfToken },
    })
    expect(((await viaAws.json()) as { socketUrl: string }).socketUrl).toBe(
      'wss://ws.example.test/live',
    )
  })

  it('pages through the history', async () => {
    const { owner, ownerId, practiceId } = await freshPractice(app)
    const board = await createBoard(owner)
    const actor = { participant: staffOf(ownerId), facilitator: true }
    for (const text of ['one', 'two', 'three']) {
      await commitOperation(db, {
        practiceId,
        boardId: board.id,
        opId: ulid(),
        op: {
          type: 'note.add',
          noteId: ulid(),
          area: 'see',
          text,
          colour: 'yellow',
          anonymous: false,
        },
        actor,
        at: new Date(),
      })
    }
    const first = await owner.get(`/api/boards/${board.id}/history?limit=2`)
    expect(first.body.entries.map((e: Entry) => e.seq)).toEqual([1, 2])
    expect(first.body.next).toBe(2)
    const rest = await owner.get(`/api/boards/${board.id}/history?after=2&limit=2`)
    expect(rest.body.entries.map((e: Entry) => e.seq)).toEqual([3])
    expect(rest.body.next).toBeNull()
    expect((await owner.get(`/api/boards/${board.id}/history`)).body.entries).toHaveLength(3)
  })

  it('archives through the write path, tells connected clients, and then refuses operations', async () => {
    const { owner, ownerId, practiceId } = await freshPractice(app)
    const board = await createBoard(owner)
    const res = await owner.post(`/api/boards/${board.id}/archive`, { archived: true })
    expect(res.status).toBe(200)
    expect(res.body.board).toMatchObject({ id: board.id, archived: true, seq: 1 })

    const sent = published.filter((p) => p.boardId === board.id)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({
      practiceId,
      entry: { seq: 1, op: { type: 'board.archive', archived: true }, actor: staffOf(ownerId) },
    })
    const history = await owner.get(`/api/boards/${board.id}/history`)
    expect(history.body.entries).toEqual([sent[0]?.entry])
    expect((await owner.get(`/api/boards/${board.id}/state`)).body.board.archived).toBe(true)

    // Asking again changes nothing.
    const again = await owner.post(`/api/boards/${board.id}/archive`, { archived: true })
    expect(again.body.board.seq).toBe(1)

    const refused = commitOperation(db, {
      practiceId,
      boardId: board.id,
      opId: ulid(),
      op: {
        type: 'note.add',
        noteId: ulid(),
        area: 'see',
        text: 'Too late',
        colour: 'yellow',
        anonymous: false,
      },
      actor: { participant: staffOf(ownerId), facilitator: true },
      at: new Date(),
    })
    await expect(refused).rejects.toMatchObject({ code: 'board-archived', status: 409 })
    // An archived board takes no new guests either.
    const link = await owner.post(`/api/boards/${board.id}/guest-links`, {})
    expect([link.status, link.body.type]).toEqual([
      409,
      'https://touchpoint.dev/problems/board-archived',
    ])
  })
})
