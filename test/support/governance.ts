import { ulid } from 'ulid'
import type { App } from '../../functions/src/api/app'
import type { Participant } from '../../functions/src/domain/boards/board'
import { Operation, type OperationInput } from '../../functions/src/domain/boards/operations'
import { commitOperation } from '../../functions/src/store/board-ops'
import type { Db } from '../../functions/src/store/db'
import { addMember, Caller, freshPractice } from './api'
import { createBoard, staffOf } from './boards'
import { newKey, publishedSurvey, pulseAnswers } from './surveys'

/** A detractor's comment naming the patient, a phone number, a date, and a staffer ("Sam"). */
export const detractorComment =
  'My name is Jennifer Walsh. I waited 90 minutes on 11/24/2026 and nobody told me why. ' +
  'The wait was terrible and frustrating. Sam staff at the desk was kind. Call me at 555-010-0199.'

/**
 * A practice ready for governance tests: its owner, a committee member and a staffer ("Sam
 * staff"), a published survey with one detractor's commented response (its evidence id), and a
 * board with a note and a follow-up action owned by the staffer.
 */
export async function governancePractice(app: App, db: Db, name = 'Alder Dermatology') {
  const practice = await freshPractice(app, name)
  const { owner, practiceId } = practice
  const staff = await addMember(app, owner, 'staff')
  const committee = await addMember(app, owner, 'committee')
  const survey = await publishedSurvey(owner)
  const sent = await new Caller(app).post(`/api/public/surveys/${survey.id}/responses`, {
    idempotencyKey: newKey(),
    language: 'en',
    answers: pulseAnswers(2, { improve: detractorComment }),
  })
  if (sent.status !== 201) throw new Error(`could not respond: ${JSON.stringify(sent.body)}`)
  const board = await createBoard(owner)
  const found = await owner.get(`/api/boards/${board.id}/evidence`)
  const responseId = found.body.items[0]?.source.id as string
  if (!responseId) throw new Error('the response is not evidence yet')
  const noteId = ulid()
  const actionId = ulid()
  const apply = (participant: Participant, input: OperationInput) =>
    commitOperation(db, {
      practiceId,
      boardId: board.id,
      opId: ulid(),
      op: Operation.parse(input),
      actor: { participant, facilitator: true },
      at: new Date(),
    })
  const me = staffOf(practice.ownerId)
  await apply(me, {
    type: 'note.add',
    noteId,
    area: 'pains',
    text: 'Patients are not told how long the wait will be',
  })
  await apply(me, {
    type: 'action.add',
    actionId,
    text: 'Post the expected wait at the desk',
    noteId,
    owner: { id: `u_${staff.userId}`, name: 'Sam staff' },
    due: '2026-12-20',
  })
  return {
    ...practice,
    staff,
    committee,
    surveyId: survey.id,
    responseId,
    boardId: board.id as string,
    noteId,
    actionId,
  }
}

/** A valid new case by hand at check-in. */
export const handCase = (overrides: Record<string, unknown> = {}) => ({
  title: 'Long unexplained waits at check-in',
  description: 'Patients wait over an hour without being told why.',
  touchpointId: 'check-in',
  severity: 'high',
  ...overrides,
})
