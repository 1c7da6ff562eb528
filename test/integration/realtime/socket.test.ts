import { ulid } from 'ulid'
import WebSocket from 'ws'
import { describe, expect, it } from 'vitest'
import { frameBudgetDefaults, frameCost } from '../../../functions/src/realtime/frame-budget'
import type { Entry } from '../../../functions/src/realtime/protocol'
import { entriesAfter } from '../../../functions/src/store/board-ops'
import { BoardClient, freshBoard, person, serverState, ticketFor } from '../../support/board'
import { useLocalBoardServer } from '../../support/local-board-server'

// The board socket end to end: the local server's /ws, its hub, and the board's write path on
// DynamoDB Local, driven by `ws` clients the way browsers drive it.
const local = useLocalBoardServer()
const { join } = local

const noteAdd = (area = 'says', text = 'The form asked for my insurance twice') => ({
  type: 'note.add' as const,
  noteId: ulid(),
  area,
  text,
})

describe('the board socket', () => {
  it('welcomes a client with who it is, then presence, then the entries it missed', async () => {
    const t = await freshBoard(local.db)
    const guest = person('guest', 'Avery Guest')
    const client = await join(t, guest)
    // Joining is announced to the board (presence) before the client asks for anything.
    const answer = client.received.slice(client.received.findIndex((m) => m.type === 'welcome'))
    const [welcome, presence, entries] = answer
    expect(welcome).toMatchObject({
      type: 'welcome',
      boardId: t.board.id,
      you: guest,
      facilitator: false,
    })
    expect(presence).toMatchObject({ type: 'presence' })
    expect(entries).toEqual({ type: 'entries', entries: [], upTo: 0, done: true })
  })

  it('sends an applied operation to everyone on the board with one sequence number', async () => {
    const t = await freshBoard(local.db)
    const [ana, ben] = [await join(t), await join(t)]
    const note = noteAdd()
    const opId = ana.op(note)
    const [atAna, atBen] = await Promise.all([ana.entryFor(opId), ben.entryFor(opId)])
    expect(atAna.seq).toBe(1)
    expect(atBen).toEqual(atAna)
    expect(atAna.changes.notes[0]).toMatchObject({ id: note.noteId, text: note.text })
    expect(ben.replica!.state).toEqual(await serverState(t))
  })

  it('refuses a vote beyond the limit to the voter only', async () => {
    const t = await freshBoard(local.db, { voteLimit: 1 })
    const voterPerson = person()
    const [voter, other] = [await join(t, voterPerson), await join(t)]
    const note = noteAdd()
    await other.entryFor(voter.op(note))
    await other.entryFor(voter.op({ type: 'vote.add', noteId: note.noteId }))

    const refused = await voter.refusalOf(voter.op({ type: 'vote.add', noteId: note.noteId }))
    expect(refused).toMatchObject({ status: 409, code: 'vote-limit', field: 'noteId' })
    // Whatever the server sent the other client about the refused vote would arrive before this.
    await other.entryFor(voter.op(noteAdd('feels')))
    expect(other.all('refused')).toEqual([])
    const state = await serverState(t)
    expect(state.board.seq).toBe(3) // note, vote, note
    expect(state.notes[note.noteId]?.votes).toEqual({ [voterPerson.id]: 1 })
  })

  it('refuses facilitator controls from a participant (403)', async () => {
    const t = await freshBoard(local.db)
    const participant = await join(t, person('staff'))
    const refused = await participant.refusalOf(
      participant.op({ type: 'board.lock', locked: true }),
    )
    expect(refused).toMatchObject({ status: 403, code: 'forbidden' })
    expect((await serverState(t)).board).toMatchObject({ locked: false, seq: 0 })
  })

  it('refuses a participant’s note on a locked board, and still takes the facilitator’s', async () => {
    const t = await freshBoard(local.db)
    const facilitator = await join(t, t.facilitator)
    const participant = await join(t)
    const lock = await participant.entryFor(facilitator.op({ type: 'board.lock', locked: true }))
    expect(lock.changes.board).toMatchObject({ locked: true })

    const refused = await participant.refusalOf(participant.op(noteAdd()))
    expect(refused).toMatchObject({ status: 409, code: 'board-locked' })
    const allowed = await participant.entryFor(facilitator.op(noteAdd()))
    expect(allowed.seq).toBe(2)
    expect(Object.keys((await serverState(t)).notes)).toHaveLength(1)
  })

  it('refuses a malformed operation naming the field', async () => {
    const t = await freshBoard(local.db)
    const client = await join(t)
    const opId = ulid()
    client.send({ type: 'op', opId, op: { type: 'note.add', noteId: ulid(), area: 'Not an area' } })
    expect(await client.refusalOf(opId)).toMatchObject({
      status: 400,
      code: 'invalid',
      field: 'area',
    })
  })

  it('refuses a quote the practice has no comment for, and any quote from a guest', async () => {
    const t = await freshBoard(local.db)
    const [staff, guest] = [await join(t, person('staff')), await join(t, person('guest'))]
    const quote = {
      ...noteAdd(),
      text: undefined,
      source: { kind: 'response' as const, id: 'nope' },
    }
    expect(await staff.refusalOf(staff.op(quote))).toMatchObject({
      status: 400,
      field: 'source',
    })
    expect(await guest.refusalOf(guest.op({ ...quote, noteId: ulid() }))).toMatchObject({
      status: 403,
      field: 'source',
    })
    expect((await serverState(t)).board.seq).toBe(0)
  })

  it('answers messages that are not JSON or not in the protocol with an error', async () => {
    const t = await freshBoard(local.db)
    const client = await join(t)
    client.socket.send('not json')
    client.socket.send(JSON.stringify({ type: 'shout' }))
    await client.until(() => client.all('error').length === 2, 'two errors')
    await client.roundTrip()
    expect(client.all('pong')).toEqual([{ type: 'pong', seq: 0 }])
  })

  it("answers a ping with the board's seq, so a client that missed the last entry notices", async () => {
    const t = await freshBoard(local.db)
    const client = await join(t)
    await client.entryFor(client.op(noteAdd()))
    await client.roundTrip()
    expect(client.all('pong').at(-1)).toEqual({ type: 'pong', seq: 1 })
  })

  it('acknowledges a resent operation without applying it twice', async () => {
    const t = await freshBoard(local.db)
    const [sender, other] = [await join(t), await join(t)]
    const note = noteAdd()
    const noteOpId = ulid()
    await sender.entryFor(sender.op(note, noteOpId))
    const voteOpId = ulid()
    await sender.entryFor(sender.op({ type: 'vote.add', noteId: note.noteId }, voteOpId))

    // After a reconnect a client resends what it has not seen confirmed, with the same ids.
    sender.op(note, noteOpId)
    sender.op({ type: 'vote.add', noteId: note.noteId }, voteOpId)
    await sender.until(() => sender.all('ack').length === 2, 'two acks')
    expect(sender.all('ack')).toEqual([
      { type: 'ack', opId: noteOpId, seq: 1 },
      { type: 'ack', opId: voteOpId, seq: 2 },
    ])
    await other.roundTrip()
    expect(other.all('entry')).toHaveLength(2)
    expect(sender.all('entry')).toHaveLength(2)

    const state = await serverState(t)
    expect(state.board.seq).toBe(2)
    expect(Object.keys(state.notes)).toEqual([note.noteId])
    expect(Object.values(state.notes[note.noteId]!.votes)).toEqual([1])
    const log = await entriesAfter(t.db, t.practiceId, t.board.id, 0, 100)
    expect(log.map((e) => [e.seq, e.opId])).toEqual([
      [1, noteOpId],
      [2, voteOpId],
    ])
  })

  it('catches a reconnecting client up on exactly the entries it missed', async () => {
    const t = await freshBoard(local.db)
    const who = person()
    const leaving = await join(t, who)
    const staying = await join(t)
    await staying.entryFor(leaving.op(noteAdd()))
    await leaving.close()
    const seenBefore = leaving.replica!.seq

    // More than one batch of entries (50 a message) happens while it is away.
    for (let i = 0; i < 55; i++) staying.op(noteAdd('thinks'))
    await staying.until(() => staying.replica!.seq === seenBefore + 55, '55 more entries')
    const missed: Entry[] = staying
      .all('entry')
      .map((m) => m.entry)
      .filter((e) => e.seq > seenBefore)

    const back = await BoardClient.open(local.socketUrl, await ticketFor(t, who))
    local.closeAfterTest(back)
    back.replica = leaving.replica
    back.send({ type: 'sync', since: seenBefore })
    await back.waitFor((m) => m.type === 'entries' && m.done)
    const batches = back.all('entries')
    expect(batches.map((b) => b.entries.length)).toEqual([50, 5])
    expect(batches.flatMap((b) => b.entries)).toEqual(missed)
    expect(back.replica!.state).toEqual(await serverState(t))
  })

  it('tells everyone who is on the board, once per person, and where they are writing', async () => {
    const t = await freshBoard(local.db)
    const zoe = person('guest', 'Zoe Guest')
    const first = await join(t, zoe)
    await join(t, zoe) // a second tab
    const facilitator = await join(t, t.facilitator)

    const names = (c: BoardClient) => c.all('presence').at(-1)?.participants
    await first.until(() => names(first)?.length === 2, 'presence of two people')
    expect(names(first)).toEqual([
      { ...t.facilitator, typing: null, facilitator: true },
      { ...zoe, typing: null, facilitator: false },
    ])

    first.send({ type: 'typing', area: 'feels' })
    await facilitator.until(
      () => names(facilitator)?.find((p) => p.id === zoe.id)?.typing === 'feels',
      'Zoe typing',
    )
    first.send({ type: 'typing', area: null })
    await facilitator.until(
      () => names(facilitator)?.find((p) => p.id === zoe.id)?.typing === null,
      'Zoe stopped typing',
    )

    await facilitator.close()
    await first.until(() => names(first)?.length === 1, 'the facilitator leaving')
    expect(names(first)?.[0]?.id).toBe(zoe.id)
  })

  it('never names whoever writes a note that may be anonymous, in any presence message', async () => {
    const t = await freshBoard(local.db, { anonymousAllowed: true })
    const ana = person('guest', 'Ana Writer')
    const writer = await join(t, ana)
    const watcher = await join(t)
    writer.send({ type: 'typing', area: 'feels', anonymous: true })
    const last = () => watcher.all('presence').at(-1)
    await watcher.until(() => last()?.anonymousTyping?.includes('feels') === true, 'someone typing')
    expect(last()?.participants.find((p) => p.id === ana.id)?.typing).toBeNull()
    // No presence message pairs Ana with the area, before or after.
    writer.send({ type: 'typing', area: null })
    await watcher.until(() => last()?.anonymousTyping?.length === 0, 'stopped')
    for (const message of watcher.all('presence')) {
      expect(message.participants.find((p) => p.id === ana.id)?.typing ?? null).toBeNull()
    }
  })

  it('folds 1,000 typing frames into a handful of presence messages to everyone else', async () => {
    const t = await freshBoard(local.db)
    const flooder = await join(t)
    const watchers = [await join(t), await join(t)]
    await Promise.all(watchers.map((w) => w.roundTrip()))
    const before = watchers.map((w) => w.all('presence').length)
    for (let i = 0; i < 1000; i++) {
      flooder.send({ type: 'typing', area: i % 2 === 0 ? 'says' : null })
    }
    // The flood closes the flooder's socket; the others hear of it leaving, then nothing more.
    expect((await flooder.closed).code).toBe(4429)
    await new Promise((done) => setTimeout(done, 600))
    await Promise.all(watchers.map((w) => w.roundTrip()))
    watchers.forEach((w, i) => {
      const got = w.all('presence').length - before[i]!
      // A budget of 40 frames, at most one presence message per 250 ms: a few, never hundreds.
      expect(got).toBeGreaterThan(0)
      expect(got).toBeLessThanOrEqual(8)
    })
  })

  it('answers a burst of sync frames with a bounded number of catch-ups, then refuses', async () => {
    const t = await freshBoard(local.db)
    const client = await join(t)
    await client.entryFor(client.op(noteAdd()))
    const entriesBefore = client.all('entries').length
    const started = Date.now()
    for (let i = 0; i < 1000; i++) client.send({ type: 'sync', since: 0 })
    expect((await client.closed).code).toBe(4429)
    const answered = client.all('entries').length - entriesBefore
    // What the frame budget allows: its burst, plus what it refilled while a busy machine worked
    // through the frames (a wall-clock limit here would test the machine, not the budget).
    const seconds = Math.ceil((Date.now() - started) / 1000)
    const { burst, perSecond } = frameBudgetDefaults
    expect(answered).toBeLessThanOrEqual(Math.floor((burst + perSecond * seconds) / frameCost.sync))
    expect(client.all('error').some((m) => m.code === 'rate-limited')).toBe(true)
  })

  it('refuses the handshake from a page of another site (403), and takes its own', async () => {
    const t = await freshBoard(local.db)
    const ticket = await ticketFor(t, person())
    const handshake = (origin: string) =>
      new Promise<number>((done) => {
        const socket = new WebSocket(`${local.socketUrl}?ticket=${ticket}`, { origin })
        socket.once('unexpected-response', (_req, res) => done(res.statusCode ?? 0))
        socket.once('open', () => {
          socket.close()
          done(101)
        })
        socket.once('error', () => undefined)
      })
    expect(await handshake('https://evil.example')).toBe(403)
    // Refused before the ticket was read: it still opens the socket from the server's own page.
    expect(await handshake(local.server.url)).toBe(101)
  })

  it('closes a socket opened with a missing, unknown or used ticket (4401)', async () => {
    const t = await freshBoard(local.db)
    for (const ticket of [undefined, 'not-a-ticket']) {
      const client = await BoardClient.open(local.socketUrl, ticket)
      expect((await client.closed).code).toBe(4401)
    }
    const ticket = await ticketFor(t, person())
    const first = await BoardClient.open(local.socketUrl, ticket)
    local.closeAfterTest(first)
    first.send({ type: 'ping' })
    await first.waitFor((m) => m.type === 'pong')
    const second = await BoardClient.open(local.socketUrl, ticket)
    expect(await second.closed).toEqual({ code: 4401, reason: 'Ticket missing, used or expired' })
  })
})
