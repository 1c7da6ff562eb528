/**
 * Figure 11, the response export: `GET /api/responses.csv` of a practice with 10,000 and one with
 * 100,000 responses (BENCH_EXPORT_SIZES changes them), each through a full local server of its own,
 * the file read to its end as a browser saves it. The server's peak resident memory (VmHWM) is read
 * from /proc before and after: the export streams page by page, so the 100,000 file must not take
 * ten times the memory of the 10,000 one (an export built in memory did). Run alone with
 * `BENCH_ONLY=export npm run bench` (or `npx tsx test/bench/export.ts`).
 */
import { readFileSync } from 'node:fs'
import { startDynamoDbLocal } from '../../functions/src/local/dynamodb-local'
import { createDb } from '../../functions/src/store/db'
import { ensureTable } from '../../functions/src/store/ensure-table'
import { loadPractice } from './analytics-load'
import { startServer } from './targets'

export interface ExportRun {
  responses: number
  rows: number
  bytes: number
  seconds: number
  /** The server's resident memory before the export and its peak by the end, in MB. */
  rssBeforeMb: number
  peakRssMb: number
}

export interface ExportFigures {
  runs: ExportRun[]
  date: string
  loadAverage: number
}

const megabytes = (kb: number) => kb / 1024
function memoryOf(pid: number): { rssKb: number; hwmKb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN)
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') }
}

export async function measureExport(
  sizes: number[],
  step: (text: string) => void,
): Promise<ExportFigures> {
  const loadAverage = (await import('node:os')).loadavg()[0] ?? 0
  const dynamo = await startDynamoDbLocal()
  const runs: ExportRun[] = []
  try {
    for (const size of sizes) {
      const table = `bench-export-${size}-${Date.now()}`
      const db = createDb({ table, region: 'us-east-1', endpoint: dynamo.endpoint })
      await ensureTable(db)
      // A fresh server per size: its peak memory is this export's alone.
      const server = await startServer('full', { endpoint: dynamo.endpoint, table })
      try {
        step(`export: loading ${size.toLocaleString('en-US')} responses`)
        const practice = await loadPractice(server.url, db, size, `Bench Export ${size}`)
        const before = memoryOf(server.pid)
        step(`export: GET /api/responses.csv of ${size.toLocaleString('en-US')} responses`)
        const began = performance.now()
        const res = await fetch(`${server.url}/api/responses.csv?from=2000-01-01`, {
          headers: { cookie: practice.cookie },
        })
        if (res.status !== 200)
          throw new Error(`export answered ${res.status}: ${await res.text()}`)
        let bytes = 0
        let lines = 0
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          bytes += chunk.byteLength
          for (const byte of chunk) if (byte === 10) lines++
        }
        const seconds = (performance.now() - began) / 1000
        const after = memoryOf(server.pid)
        runs.push({
          responses: size,
          rows: lines - 1,
          bytes,
          seconds,
          rssBeforeMb: megabytes(before.rssKb),
          peakRssMb: megabytes(after.hwmKb),
        })
        step(
          `export: ${(lines - 1).toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(1)} MB in ` +
            `${seconds.toFixed(1)} s, peak RSS ${megabytes(after.hwmKb).toFixed(0)} MB`,
        )
      } finally {
        await server.stop()
      }
    }
  } finally {
    await dynamo.stop()
  }
  return { runs, date: new Date().toISOString(), loadAverage }
}

export const exportHeading = '## Response export (figure 11)'

export function exportSection(f: ExportFigures, command: string): string[] {
  const [small, large] = [f.runs[0]!, f.runs.at(-1)!]
  const ratio = large.peakRssMb / small.peakRssMb
  return [
    exportHeading,
    '',
    '| # | Responses | Rows in the file | File size | Time | Server RSS before | Peak server RSS |',
    '|---|---|---|---|---|---|---|',
    ...f.runs.map(
      (run, i) =>
        `| 11${'abcdefgh'[i]} | ${run.responses.toLocaleString('en-US')} | ${run.rows.toLocaleString('en-US')} | ${(run.bytes / 1e6).toFixed(1)} MB | ${run.seconds.toFixed(1)} s | ${run.rssBeforeMb.toFixed(0)} MB | **${run.peakRssMb.toFixed(0)} MB** |`,
    ),
    '',
    `- Peak RSS ratio, ${large.responses.toLocaleString('en-US')} against ${small.responses.toLocaleString('en-US')} responses: **${ratio.toFixed(2)}×** for ${(large.bytes / small.bytes).toFixed(1)}× the bytes. The`,
    '  export streams: each page of 500 responses is read, written as CSV and sent before the next is',
    '  read. In Lambda the same pieces go to S3 in 5 MB parts (multipart upload) and the answer is a',
    '  303 to a 5-minute presigned link, so no answer comes near the 6 MB limit.',
    `- Each size through a fresh full local server (createLocalApp + listen) on one in-memory DynamoDB Local; the file read to its end with fetch. Measured ${f.date} with \`${command}\`; 1-minute load average ${f.loadAverage.toFixed(2)} at the start.`,
    '',
  ]
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = (process.env.BENCH_EXPORT_SIZES ?? '10000,100000').split(',').map(Number)
  const figures = await measureExport(sizes, (text) => process.stdout.write(`${text}\n`))
  process.stdout.write(`${exportSection(figures, 'npx tsx test/bench/export.ts').join('\n')}\n`)
}
