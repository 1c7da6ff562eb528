/**
 * The setup of a test file that drives the board socket over the local server: the server starts
 * once before the file's tests, every socket a test opened through it is closed after that test,
 * and the server stops after the last test.
 */
import { afterAll, afterEach, beforeAll } from 'vitest'
import { BoardClient, person, startLocalServer, type LocalBoards, type TestBoard } from './board'

/**
 * Call at the top of a test file; the returned object is read inside tests (the server is not
 * started before `beforeAll` ran).
 *
 * @example
 * const local = useLocalBoardServer()
 * it('…', async () => {
 *   const t = await freshBoard(local.db)
 *   const ana = await local.join(t)
 * })
 */
export function useLocalBoardServer() {
  let started: LocalBoards | undefined
  const open: BoardClient[] = []

  beforeAll(async () => {
    started = await startLocalServer()
  })
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()))
  })
  afterAll(() => started?.server.close())

  const server = (): LocalBoards => {
    if (!started) throw new Error('The local board server starts in beforeAll: use it in a test')
    return started
  }
  const closeAfterTest = (client: BoardClient): BoardClient => {
    open.push(client)
    return client
  }

  return {
    get db() {
      return server().db
    },
    get server() {
      return server().server
    },
    get socketUrl() {
      return server().socketUrl
    },
    /** Closes `client` after the test. */
    closeAfterTest,
    /** `who` on the board, synced, and closed after the test. */
    async join(t: TestBoard, who = person()): Promise<BoardClient> {
      return closeAfterTest(await BoardClient.join(server().socketUrl, t, who))
    },
  }
}
