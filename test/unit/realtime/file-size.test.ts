import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const realtime = new URL('../../../functions/src/realtime/', import.meta.url)

describe('the realtime folder (house style: small files with one job)', () => {
  it('keeps every file under 400 lines', () => {
    const long = readdirSync(realtime)
      .filter((name) => name.endsWith('.ts'))
      .map((name) => ({
        name,
        lines: readFileSync(new URL(name, realtime), 'utf8').split('\n').length,
      }))
      .filter(({ lines }) => lines >= 400)
    expect(long).toEqual([])
  })
})
