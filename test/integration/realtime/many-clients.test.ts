import { ulid } from 'ulid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { entriesAfter } from '../../../functions/src/store/board-ops'
import {
  BoardClient,
  freshBoard,
  person,
  serverState,
  startLocalServer,
  type LocalBoards,
} from '../../support/board'

// A workshop's busiest minute: everyone writes at once. Every client must end with the server's
// board, and the log must hold each operation once, numbered without gaps.
let local: LocalBoards

beforeAll(async () => {
  local = await startLocalServer()
})
afterAll(() => local?.server.close())

const clients = 30
const notesEach = 5
const areas = ['says', 'thinks', 'does', 'feels']

describe('a board with many clients', () => {
  it('converges on the server’s board when 30 clients add 5 notes each at once', async () => {
    const t = await freshBoard(local.db)
    const snapshot = await serverState(t)
    const everyone = await Promise.all(
      Array.from({ length: clients }, (_, i) =>
        BoardClient.join(local.socketUrl, t, person(i % 3 === 0 ? 'staff' : 'guest'), snapshot),
      ),
    )
    try {
      everyone.forEach((client, i) => {
        for (let n = 0; n < notesEach; n++) {
          client.op({
            type: 'note.add',
            noteId: ulid(),
            area: areas[(i + n) % areas.length]!,
            text: `Note ${n} from client ${i}`,
          })
        }
      })
      const total = clients * notesEach
      await Promise.all(
        everyone.map((c) => c.until(() => c.replica!.seq === total, `seq ${total}`)),
      )

      const server = await serverState(t)
      expect(Object.keys(server.notes)).toHaveLength(total)
      for (const client of everyone) {
        expect(client.replica!.state).toEqual(server)
        expect(client.replica!.hasGap).toBe(false)
        expect(client.all('refused')).toEqual([])
      }
      const log = await entriesAfter(t.db, t.practiceId, t.board.id, 0, 1000)
      expect(log.map((e) => e.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1))
      expect(new Set(log.map((e) => e.opId)).size).toBe(total)
      // One process applies a board's operations one at a time, so entries go out in order.
      for (const client of everyone) {
        const seqs = client.all('entry').map((m) => m.entry.seq)
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
      }
    } finally {
      await Promise.all(everyone.map((c) => c.close()))
    }
  })
})
