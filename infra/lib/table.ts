import { RemovalPolicy } from 'aws-cdk-lib'
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb'
import type { Construct } from 'constructs'
import { tableDefinition } from '../../functions/src/store/table'

function stringKey(name: string): dynamodb.Attribute {
  return { name, type: dynamodb.AttributeType.STRING }
}

/**
 * The one table, declared from the same `tableDefinition` the local server uses. It holds patient
 * answers (PHI), so it survives `cdk destroy` and cannot be deleted by accident.
 */
export function createTable(scope: Construct, id: string): dynamodb.TableV2 {
  return new dynamodb.TableV2(scope, id, {
    partitionKey: stringKey(tableDefinition.partitionKey),
    sortKey: stringKey(tableDefinition.sortKey),
    timeToLiveAttribute: tableDefinition.ttlAttribute,
    globalSecondaryIndexes: tableDefinition.indexes.map((index) => ({
      indexName: index.name,
      partitionKey: stringKey(index.partitionKey),
      sortKey: stringKey(index.sortKey),
    })),
    // A small practice's traffic is tiny and bursty: paying per request beats provisioned capacity.
    billing: dynamodb.Billing.onDemand(),
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    // The AWS-managed KMS key (aws/dynamodb): every use is in CloudTrail for the practice's HIPAA
    // audit trail, with no key policy to maintain and no monthly key fee.
    encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
    removalPolicy: RemovalPolicy.RETAIN,
  })
}
