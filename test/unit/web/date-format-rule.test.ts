import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

// The root ESLint config, run on small files placed where pages live: dates are written by
// web/src/lib/dates.ts and nowhere else in the web app.
const root = new URL('../../..', import.meta.url).pathname
let eslint: ESLint
beforeAll(() => {
  eslint = new ESLint({ cwd: root })
})

async function dateRuleMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-syntax' || m.ruleId === 'no-restricted-properties')
    .map((m) => m.message)
}

const page = 'web/src/routes/(app)/dashboard/probe.ts'

describe('the one-date-format lint rule', () => {
  it.each([
    ['toLocaleDateString', `export const a = new Date().toLocaleDateString('en')\n`],
    ['toLocaleTimeString', `export const a = (d: Date) => d.toLocaleTimeString('en')\n`],
    ['new Intl.DateTimeFormat', `export const f = new Intl.DateTimeFormat('en-CA')\n`],
    ['Intl.DateTimeFormat()', `export const f = Intl.DateTimeFormat('en')\n`],
    ['Date#toLocaleString', `export const a = new Date(0).toLocaleString('en')\n`],
  ])('reports %s on a staff page', async (_name, code) => {
    const messages = await dateRuleMessages(code, page)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(/\$lib\/dates/)
  })

  it('reports it in a Svelte component’s markup too', async () => {
    const code = `<script lang="ts">\n  let { at }: { at: Date } = $props()\n</script>\n\n<p>{at.toLocaleDateString('en')}</p>\n`
    expect(await dateRuleMessages(code, 'web/src/routes/(app)/home/Probe.svelte')).toHaveLength(1)
  })

  it('leaves lib/dates.ts, which writes them, and numbers alone', async () => {
    const formatter = `export const f = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' })\n`
    expect(await dateRuleMessages(formatter, 'web/src/lib/dates.ts')).toEqual([])
    const number = `export const n = (left: number) => left.toLocaleString('en')\n`
    expect(await dateRuleMessages(number, page)).toEqual([])
  })
})
