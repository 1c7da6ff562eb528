/**
 * The one DynamoDB table, described once. The local server creates it from this description and the
 * CDK stack declares it from the same values, so local and cloud tables never drift.
 *
 * @example
 * import { tableDefinition } from '../functions/src/store/table'
 * new dynamodb.TableV2(this, 'Table', { partitionKey: { name: tableDefinition.partitionKey, ... } })
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Items with this attribute (epoch seconds) are removed by DynamoDB's TTL after that time. */
  ttlAttribute: 'expiresAt',
  /** One general-purpose index for access patterns that cross partitions inside a practice. */
  indexes: [{ name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
} as const

export interface CreateTableInput {
  TableName: string
  BillingMode: 'PAY_PER_REQUEST'
  AttributeDefinitions: { AttributeName: string; AttributeType: 'S' }[]
  KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[]
  GlobalSecondaryIndexes: {
    IndexName: string
    KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[]
    Projection: { ProjectionType: 'ALL' }
  }[]
}

/** The CreateTable request for `tableDefinition`, used by the local server and the tests. */
export function createTableInput(tableName: string): CreateTableInput {
  const { partitionKey, sortKey, indexes } = tableDefinition
  const attributes = new Set<string>([partitionKey, sortKey])
  for (const index of indexes) {
    attributes.add(index.partitionKey)
    attributes.add(index.sortKey)
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map((name) => ({
      AttributeName: name,
      AttributeType: 'S',
    })),
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' },
      { AttributeName: sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  }
}
