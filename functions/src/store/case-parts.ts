import { z } from 'zod'
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { Analysis } from '../domain/governance/analysis'
import { Evidence } from '../domain/governance/evidence'
import type { HistoryEntry } from '../domain/governance/history'
import { Conflict, NotFound } from '../domain/errors'
import { historyPut } from './case-history'
import type { Db } from './db'
import { cancellationReasons, fromItem, toItem } from './items'
import * as keys from './keys'

/**
 * Patients' words linked to a case (`E#<kind>#<id>` in the case's own partition), kept redacted as
 * they were linked, beside the case's analysis, so one Query reads both.
 */

/** The Put that links one piece of evidence, refused when it is already linked. */
export function evidencePut(db: Db, practiceId: string, caseId: string, evidence: Evidence) {
  const { kind, ...rest } = Evidence.parse(evidence)
  return {
    Put: {
      TableName: db.table,
      // The store's own `kind` names the item's type: the evidence's is kept as `evidenceKind`.
      Item: toItem(keys.caseEvidence(practiceId, caseId, kind, rest.id), 'case-evidence', {
        ...rest,
        evidenceKind: kind,
      }),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }
}

/**
 * Link evidence to an existing case, with its history line. The same item twice is a 409
 * (`evidence-exists`): linking is not silently repeated, so the trail says it once.
 *
 * @example
 * await caseParts.link(db, practiceId, caseId, evidence, { at, by, what: 'evidence', change: 'Evidence linked: patient comment' })
 */
export async function link(
  db: Db,
  practiceId: string,
  caseId: string,
  evidence: Evidence,
  history: HistoryEntry,
): Promise<void> {
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          evidencePut(db, practiceId, caseId, evidence),
          {
            ConditionCheck: {
              TableName: db.table,
              Key: keys.governanceCase(practiceId, caseId),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
          historyPut(db, practiceId, caseId, history),
        ],
      }),
    )
  } catch (err) {
    const reasons = cancellationReasons(err)
    if (reasons?.[1] === 'ConditionalCheckFailed') throw new NotFound('case', caseId)
    if (reasons?.[0] === 'ConditionalCheckFailed') {
      throw new Conflict('This is already linked to the case.', 'evidence-exists', 'id')
    }
    throw err
  }
}

/** Unlink evidence, with its history line; NotFound when it was not linked. */
export async function unlink(
  db: Db,
  practiceId: string,
  caseId: string,
  evidence: { kind: string; id: string },
  history: HistoryEntry,
): Promise<void> {
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: db.table,
              Key: keys.caseEvidence(practiceId, caseId, evidence.kind, evidence.id),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
          historyPut(db, practiceId, caseId, history),
        ],
      }),
    )
  } catch (err) {
    if (cancellationReasons(err)?.[0] === 'ConditionalCheckFailed') {
      throw new NotFound('evidence', evidence.id)
    }
    throw err
  }
}

/**
 * A case's analysis (if saved) and its evidence, oldest link first, in one Query: the case's
 * partition sorts `ANALYSIS` and `E#…` before its history (`H#…`), which is left unread.
 *
 * @example
 * const { analysis, evidence } = await caseParts.partsOf(db, practiceId, caseId)
 */
export async function partsOf(
  db: Db,
  practiceId: string,
  caseId: string,
): Promise<{ analysis: Analysis | undefined; evidence: Evidence[] }> {
  const pk = keys.casePartsOf(practiceId, caseId)
  const items: Record<string, unknown>[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :low AND :high',
        ExpressionAttributeValues: {
          ':pk': pk,
          ':low': keys.caseAnalysis(practiceId, caseId).sk,
          ':high': `${keys.caseEvidenceAll(practiceId, caseId).skPrefix}\uffff`,
        },
        ExclusiveStartKey,
      }),
    )
    items.push(...(page.Items ?? []))
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  const analysisSk = keys.caseAnalysis(practiceId, caseId).sk
  const analysisItem = items.find((item) => item.sk === analysisSk)
  const evidence = items
    .filter((item) => item.sk !== analysisSk)
    .map((item) => {
      const { evidenceKind, ...rest } = item
      return Evidence.parse({
        ...fromItem(z.record(z.string(), z.unknown()), rest),
        kind: evidenceKind,
      })
    })
    .sort((a, b) => a.linkedAt.localeCompare(b.linkedAt))
  return { analysis: analysisItem ? fromItem(Analysis, analysisItem) : undefined, evidence }
}

/**
 * Save a case's analysis (one item), with its history line, while the case exists.
 *
 * @example
 * await caseParts.putAnalysis(db, practiceId, caseId, analysis, { at, by, what: 'analysis', change: analysisChange(before, analysis) })
 */
export async function putAnalysis(
  db: Db,
  practiceId: string,
  caseId: string,
  analysis: Analysis,
  history: HistoryEntry,
): Promise<Analysis> {
  const parsed = Analysis.parse(analysis)
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: db.table,
              Item: toItem(keys.caseAnalysis(practiceId, caseId), 'case-analysis', parsed),
            },
          },
          {
            ConditionCheck: {
              TableName: db.table,
              Key: keys.governanceCase(practiceId, caseId),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
          historyPut(db, practiceId, caseId, history),
        ],
      }),
    )
  } catch (err) {
    if (cancellationReasons(err)?.[1] === 'ConditionalCheckFailed')
      throw new NotFound('case', caseId)
    throw err
  }
  return parsed
}
