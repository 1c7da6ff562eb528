import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const folder = new URL('../../../../functions/src/domain/visits/', import.meta.url)

/** Every module a file reaches through relative imports, itself included. */
function reach(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen
  seen.add(file)
  const source = readFileSync(new URL(file, folder), 'utf8')
  for (const [, path] of source.matchAll(/^import (?!type )[^'"]*['"](\.\/[^'"]+)['"]/gm))
    reach(`${path!.slice(2)}.ts`, seen)
  return seen
}

const nodeImport = /^import (?!type )[^'"]*['"](node:[^'"]+)['"]/m

describe('what the browser import preview can run', () => {
  // The import page maps columns and previews rows in the browser before anything is sent: these
  // must never reach node:crypto (hashing and ids happen on the server, in visits-csv).
  it.each(['visit-row.ts', 'visit-columns.ts', 'visit.ts', 'phone.ts'])(
    '%s reaches no Node module',
    (file) => {
      for (const reached of reach(file)) {
        const source = readFileSync(new URL(reached, folder), 'utf8')
        expect(nodeImport.exec(source)?.[1], reached).toBeUndefined()
      }
    },
  )
})
