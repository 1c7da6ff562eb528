import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { Submission } from '../domain/moments/moment'
import type { Db } from './db'
import { fromItem, toItem } from './items'
import * as keys from './keys'

/** Keep a colleague's "I saw this happen" in its week. */
export async function add(db: Db, practiceId: string, submission: Submission): Promise<void> {
  await db.client.send(
    new PutCommand({
      TableName: db.table,
      Item: toItem(
        keys.momentSubmission(practiceId, submission.week, submission.id),
        'moment-submission',
        submission,
      ),
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  )
}

/** The week's submissions, oldest first. */
export async function ofWeek(db: Db, practiceId: string, week: string): Promise<Submission[]> {
  const found: Submission[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.momentSubmissionsOf(practiceId, week) },
        ExclusiveStartKey,
      }),
    )
    for (const item of page.Items ?? []) found.push(fromItem(Submission, item))
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return found
}
