import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { z } from 'zod'
import { Gone, NotFound } from '../domain/errors'
import { Id } from '../domain/practice'
import { Survey, SurveyVersion } from '../domain/survey-records'
import type { SurveyDefinition } from '../domain/surveys'
import type { Db } from './db'
import { conditionFailedAt, fromItem, isConditionFailure, nowIso, toItem } from './items'
import * as keys from './keys'
import { queryAll } from './query'

/**
 * A survey link's lookup. It exists from the survey's creation to its deletion, so the patient page
 * can say what is true: no lookup is a link that never existed (mistyped); `closed` is a draft not
 * yet published or an archived survey ("isn't taking answers"); else `version` is live.
 */
const PublicLookup = z.object({
  practiceId: Id,
  surveyId: Id,
  version: z.number().int().positive().optional(),
  closed: z.boolean().optional(),
})

export async function create(db: Db, practiceId: string, survey: Survey): Promise<void> {
  await db.client.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: db.table,
            Item: toItem(keys.survey(practiceId, survey.id), 'survey', survey),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: db.table,
            Item: toItem(keys.publicSurvey(survey.id), 'public-survey', {
              practiceId,
              surveyId: survey.id,
              closed: true,
            }),
          },
        },
      ],
    }),
  )
}

export async function get(
  db: Db,
  practiceId: string,
  surveyId: string,
): Promise<Survey | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({
      TableName: db.table,
      Key: keys.survey(practiceId, surveyId),
      ConsistentRead: true,
    }),
  )
  return Item ? fromItem(Survey, Item) : undefined
}

/** Newest first. */
export async function list(db: Db, practiceId: string): Promise<Survey[]> {
  return (await queryAll(db, keys.surveys(practiceId)))
    .map((item) => fromItem(Survey, item))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/**
 * Replace the draft; the live version is untouched until the next publish. `unpublishedChanges`
 * says whether the draft now differs from the live version (the caller compares them).
 */
export async function saveDraft(
  db: Db,
  practiceId: string,
  surveyId: string,
  draft: SurveyDefinition,
  unpublishedChanges = true,
): Promise<Survey> {
  try {
    const { Attributes } = await db.client.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.survey(practiceId, surveyId),
        UpdateExpression: 'SET draft = :draft, updatedAt = :now, unpublishedChanges = :changed',
        ConditionExpression: 'attribute_exists(pk) AND #status <> :archived',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':draft': draft,
          ':now': nowIso(),
          ':changed': unpublishedChanges,
          ':archived': 'archived',
        },
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    )
    return fromItem(Survey, Attributes ?? {})
  } catch (err) {
    if (isConditionFailure(err)) {
      if ((err as { Item?: unknown }).Item)
        throw new Gone('This survey is archived; copy it to edit.')
      throw new NotFound('survey', surveyId)
    }
    throw err
  }
}

/**
 * Publish the draft as the next version, in one transaction: the immutable version item, the
 * survey's pointer to it, and the public lookup the patient's link opens.
 */
export async function publish(
  db: Db,
  practiceId: string,
  surveyId: string,
): Promise<SurveyVersion> {
  const survey = await get(db, practiceId, surveyId)
  if (!survey) throw new NotFound('survey', surveyId)
  if (survey.status === 'archived') throw new Gone('This survey is archived.')
  if (survey.publishedVersion && !survey.unpublishedChanges) {
    // Nothing changed since the live version: publishing again would only add an identical one.
    const live = await getVersion(db, practiceId, surveyId, survey.publishedVersion)
    if (live) return live
  }
  const version = (survey.publishedVersion ?? 0) + 1
  const published: SurveyVersion = {
    surveyId,
    version,
    definition: survey.draft,
    publishedAt: nowIso(),
  }
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: db.table,
              Item: toItem(
                keys.surveyVersion(practiceId, surveyId, version),
                'survey-version',
                published,
              ),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Update: {
              TableName: db.table,
              Key: keys.survey(practiceId, surveyId),
              UpdateExpression:
                'SET publishedVersion = :version, #status = :published, unpublishedChanges = :false, updatedAt = :now',
              // Someone else publishing meanwhile makes this one fail rather than skip a version.
              ConditionExpression: survey.publishedVersion
                ? 'publishedVersion = :previous'
                : 'attribute_not_exists(publishedVersion) OR publishedVersion = :null',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':version': version,
                ':published': 'published',
                ':false': false,
                ':now': published.publishedAt,
                ...(survey.publishedVersion
                  ? { ':previous': survey.publishedVersion }
                  : { ':null': null }),
              },
            },
          },
          {
            Put: {
              TableName: db.table,
              Item: toItem(keys.publicSurvey(surveyId), 'public-survey', {
                practiceId,
                surveyId,
                version,
              }),
            },
          },
        ],
      }),
    )
  } catch (err) {
    if (conditionFailedAt(err, 0) || conditionFailedAt(err, 1)) {
      throw new Gone('Someone published this survey at the same moment; reload and try again.')
    }
    throw err
  }
  return published
}

export async function getVersion(
  db: Db,
  practiceId: string,
  surveyId: string,
  version: number,
): Promise<SurveyVersion | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.surveyVersion(practiceId, surveyId, version) }),
  )
  return Item ? fromItem(SurveyVersion, Item) : undefined
}

/** The practice and live version a public survey link opens; undefined if unknown or not live. */
export async function findPublic(
  db: Db,
  surveyId: string,
): Promise<{ practiceId: string; version: SurveyVersion } | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.publicSurvey(surveyId) }),
  )
  if (!Item) return undefined
  const lookup = fromItem(PublicLookup, Item)
  if (lookup.closed || !lookup.version) return undefined
  const version = await getVersion(db, lookup.practiceId, surveyId, lookup.version)
  return version ? { practiceId: lookup.practiceId, version } : undefined
}

/** Whether a link that is not live belongs to a survey (a draft, or archived) rather than to none. */
export async function isClosedLink(db: Db, surveyId: string): Promise<boolean> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.publicSurvey(surveyId) }),
  )
  return Item ? fromItem(PublicLookup, Item).closed === true : false
}

/** Stop accepting responses: the public link answers 410; the survey and its responses stay. */
export async function archive(db: Db, practiceId: string, surveyId: string): Promise<Survey> {
  try {
    const [{ Attributes }] = await Promise.all([
      db.client.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.survey(practiceId, surveyId),
          UpdateExpression: 'SET #status = :archived, updatedAt = :now',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':archived': 'archived', ':now': nowIso() },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    ])
    await db.client.send(
      new TransactWriteCommand({
        // Kept, marked closed: the link then says the survey isn't taking answers, not "no such link".
        TransactItems: [
          {
            Put: {
              TableName: db.table,
              Item: toItem(keys.publicSurvey(surveyId), 'public-survey', {
                practiceId,
                surveyId,
                closed: true,
              }),
            },
          },
        ],
      }),
    )
    return fromItem(Survey, Attributes ?? {})
  } catch (err) {
    if (isConditionFailure(err)) throw new NotFound('survey', surveyId)
    throw err
  }
}

/**
 * Undo an archive: a survey that was live accepts responses again at its last published version;
 * one never published goes back to being a draft.
 */
export async function restore(db: Db, practiceId: string, surveyId: string): Promise<Survey> {
  const survey = await get(db, practiceId, surveyId)
  if (!survey) throw new NotFound('survey', surveyId)
  if (survey.status !== 'archived') return survey
  const status = survey.publishedVersion ? 'published' : 'draft'
  const now = nowIso()
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: db.table,
              Key: keys.survey(practiceId, surveyId),
              UpdateExpression: 'SET #status = :status, updatedAt = :now',
              ConditionExpression: '#status = :archived',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':status': status,
                ':now': now,
                ':archived': 'archived',
              },
            },
          },
          ...(survey.publishedVersion
            ? [
                {
                  Put: {
                    TableName: db.table,
                    Item: toItem(keys.publicSurvey(surveyId), 'public-survey', {
                      practiceId,
                      surveyId,
                      version: survey.publishedVersion,
                    }),
                  },
                },
              ]
            : []),
        ],
      }),
    )
  } catch (err) {
    // Restored by someone else meanwhile: the survey is as wanted; answer with it as it is now.
    if (!conditionFailedAt(err, 0)) throw err
    return (await get(db, practiceId, surveyId)) ?? survey
  }
  return { ...survey, status, updatedAt: now }
}
