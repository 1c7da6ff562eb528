import { describe, expect, it } from 'vitest'
import { createTableInput, tableDefinition } from '../../../functions/src/store/table'

describe('table definition', () => {
  it('declares every key attribute of the table and its indexes exactly once', () => {
    const input = createTableInput('t')
    const declared = input.AttributeDefinitions.map((a) => a.AttributeName).sort()
    const used = [
      ...input.KeySchema.map((k) => k.AttributeName),
      ...input.GlobalSecondaryIndexes.flatMap((index) =>
        index.KeySchema.map((k) => k.AttributeName),
      ),
    ]
    expect(declared).toEqual([...new Set(used)].sort())
    expect(input.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ])
  })
})
