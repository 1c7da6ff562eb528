import { expect } from 'vitest'
import type { App } from '../../functions/src/api/app'
import type { Board, Participant } from '../../functions/src/domain/boards/board'
import { Caller } from './api'

/** Start a board through the API as `caller`; answers the board. */
export async function createBoard(
  caller: Caller,
  body: Record<string, unknown> = {},
): Promise<Board> {
  const res = await caller.post('/api/boards', {
    title: 'New patient books a skin check',
    persona: 'A new patient, booking online for the first time',
    canvasId: 'empathy-map',
    ...body,
  })
  if (res.status !== 201) throw new Error(`could not create board: ${JSON.stringify(res.body)}`)
  return res.body.board as Board
}

/** The token of a guest link (`…/guest#<token>`). */
export const linkToken = (url: string) => new URL(url).hash.slice(1)

/**
 * Join a board from a guest link as a browser would: the answer's `tp_guest` cookie and CSRF token
 * are kept on the returned caller.
 */
export async function joinAsGuest(app: App, url: string, name = 'Pat Guest') {
  const guest = new Caller(app, '192.0.2.44')
  const res = await guest.post('/api/guest/join', { token: linkToken(url), name })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const cookie = res.headers.get('set-cookie') ?? ''
  expect(cookie).toMatch(/^tp_guest=/)
  guest.cookie = cookie.split(';')[0] ?? ''
  return { guest, participant: res.body.participant as Participant, setCookie: cookie }
}

/** A staff member as they appear on boards. */
export const staffOf = (userId: string, name = 'Dana Owner'): Participant => ({
  id: `u_${userId}`,
  name,
  kind: 'staff',
})
