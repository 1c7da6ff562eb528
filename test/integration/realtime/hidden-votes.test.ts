import { ulid } from 'ulid'
import { describe, expect, it } from 'vitest'
import { BoardClient, freshBoard, person, ticketFor } from '../../support/board'
import { useLocalBoardServer } from '../../support/local-board-server'

// "Hide votes until reveal" over the local /ws: what each socket is sent, end to end.
const local = useLocalBoardServer()
const { join } = local

/** Every vote count for `note` that reached `client`, by voter id. */
function votersSeen(client: BoardClient, noteId: string): string[] {
  const ids = new Set<string>()
  for (const message of client.received) {
    const entries =
      message.type === 'entry' ? [message.entry] : message.type === 'entries' ? message.entries : []
    for (const entry of entries)
      for (const note of entry.changes.notes)
        if (note.id === noteId) for (const id of Object.keys(note.votes)) ids.add(id)
  }
  return [...ids].sort()
}

describe('hidden votes on the board socket', () => {
  it('sends each participant only their own dots, and where the others went only after the reveal', async () => {
    const t = await freshBoard(local.db, { voteLimit: 3 })
    const [ana, ben] = [person(), person()]
    const host = await join(t, t.facilitator)
    const atAna = await join(t, ana)
    const atBen = await join(t, ben)
    const noteId = ulid()
    await atBen.entryFor(atAna.op({ type: 'note.add', noteId, area: 'says', text: 'Long wait' }))
    await atBen.entryFor(host.op({ type: 'board.hideVotes', hidden: true }))

    const anaVote = atAna.op({ type: 'vote.add', noteId })
    const anaOwn = await atAna.entryFor(anaVote)
    expect(anaOwn.changes.notes[0]?.votes).toEqual({ [ana.id]: 1 })
    // Ben learns the sequence moved on, not which note got the dot, nor whose it was.
    const atBenOfAna = await atBen.entryFor(anaVote)
    expect(atBenOfAna).toMatchObject({ op: null, actor: null, changes: { notes: [] } })
    await atAna.entryFor(atBen.op({ type: 'vote.add', noteId }))
    // An edit carries the whole note: still only the reader's own dots in it.
    const edit = atAna.op({ type: 'note.edit', noteId, text: 'Long wait at check-in' })
    await Promise.all([atBen.entryFor(edit), host.entryFor(edit)])

    expect(votersSeen(atBen, noteId)).toEqual([ben.id])
    expect(votersSeen(atAna, noteId)).toEqual([ana.id])
    expect(votersSeen(host, noteId)).toEqual([]) // the facilitator is a voter like the rest

    // Reconnecting while hidden: the log cannot be filtered per person, so the client reloads.
    const back = await BoardClient.open(local.socketUrl, await ticketFor(t, ben))
    local.closeAfterTest(back)
    back.send({ type: 'sync', since: 0 })
    await back.waitFor((m) => m.type === 'reload')
    expect(back.all('entries')).toEqual([])

    await atBen.entryFor(host.op({ type: 'board.hideVotes', hidden: false }))
    // After the reveal entries carry everyone's dots again.
    const after = atAna.op({ type: 'note.edit', noteId, text: 'Long wait at the desk' })
    const seen = await atBen.entryFor(after)
    expect(seen.changes.notes[0]?.votes).toEqual({ [ana.id]: 1, [ben.id]: 1 })
  })

  it('refuses the switch from a participant (403) and changes nothing', async () => {
    const t = await freshBoard(local.db)
    const someone = await join(t, person('staff'))
    const refused = await someone.refusalOf(someone.op({ type: 'board.hideVotes', hidden: true }))
    expect(refused).toMatchObject({ status: 403, code: 'forbidden' })
  })
})
