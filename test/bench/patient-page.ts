/**
 * The patient page's weight and Lighthouse scores, for `npm run bench` (run.ts calls this).
 *
 * - gzipBytes: the document, scripts and styles a phone downloads until the first question shows,
 *   each gzipped here with zlib (the local server does not compress; CloudFront does), so the
 *   figure is what travels in production. API JSON is not counted.
 * - lighthouse: mobile (Lighthouse's default: Moto G Power emulation, simulated slow 4G and 4x
 *   CPU slowdown), performance and accessibility, 0-100; the median of `runs` runs. By default
 *   Lighthouse loads the page through a small gzip proxy, as phones get it from CloudFront (whose
 *   distribution compresses): without it the simulated slow 4G spends ~0.5 s on bytes that never
 *   travel uncompressed in production. `compress: false` measures the local server as it is.
 *
 * @example
 * const figures = await measurePatientPage('http://localhost:8787', '/s/01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B')
 * // { gzipBytes: { document: 802, scripts: 51119, styles: 3029, total: 54950 },
 * //   lighthouse: { performance: 98, accessibility: 100 } }
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser } from '@playwright/test'
import lighthouse from 'lighthouse'
import { freePort } from '../../functions/src/local/dynamodb-local'

export interface PatientPageFigures {
  gzipBytes: { document: number; scripts: number; styles: number; total: number }
  lighthouse: { performance: number; accessibility: number }
}

export interface MeasureOptions {
  /** Lighthouse runs; the median of each score is reported. */
  runs?: number
  /** Lighthouse through a gzip proxy, as CloudFront serves the page (default true). */
  compress?: boolean
  chromiumPath?: string
}

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export async function measurePatientPage(
  baseUrl: string,
  surveyUrl: string,
  {
    runs = 3,
    compress = true,
    chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
  }: MeasureOptions = {},
): Promise<PatientPageFigures> {
  const url = new URL(surveyUrl, baseUrl).toString()
  const port = await freePort()
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, `--remote-debugging-port=${port}`],
  })
  const proxy = compress ? await gzipProxy(baseUrl) : undefined
  try {
    const gzipBytes = await weigh(browser, url)
    const audited = proxy ? new URL(new URL(url).pathname + new URL(url).search, proxy.url) : url
    const scores: { performance: number; accessibility: number }[] = []
    for (let run = 0; run < runs; run++) scores.push(await audit(audited.toString(), port))
    return {
      gzipBytes,
      lighthouse: {
        performance: median(scores.map((score) => score.performance)),
        accessibility: median(scores.map((score) => score.accessibility)),
      },
    }
  } finally {
    await browser.close()
    await proxy?.close()
  }
}

/** Loads the page as a phone would and gzips every document, script and style it fetched. */
async function weigh(browser: Browser, url: string): Promise<PatientPageFigures['gzipBytes']> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  })
  const page = await context.newPage()
  const pending: Promise<void>[] = []
  const sizes = { document: 0, scripts: 0, styles: 0 }
  const seen = new Set<string>()
  page.on('response', (response) => {
    const kind = response.request().resourceType()
    const key =
      kind === 'document'
        ? 'document'
        : kind === 'script'
          ? 'scripts'
          : kind === 'stylesheet'
            ? 'styles'
            : null
    if (!key || seen.has(response.url())) return
    seen.add(response.url())
    pending.push(
      response.body().then(
        (body) => void (sizes[key] += gzipSync(body).length),
        () => undefined, // a redirect or an aborted request has no body
      ),
    )
  })
  try {
    await page.goto(url)
    // The first question is shown: its heading is the first level-2 heading on the page.
    await page.getByRole('heading', { level: 2 }).first().waitFor({ timeout: 15_000 })
    await page.waitForLoadState('networkidle')
    await Promise.all(pending)
  } finally {
    await context.close()
  }
  return { ...sizes, total: sizes.document + sizes.scripts + sizes.styles }
}

async function audit(url: string, port: number) {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
  })
  const categories = result?.lhr.categories
  const score = (value: number | null | undefined) => Math.round((value ?? 0) * 100)
  return {
    performance: score(categories?.performance?.score),
    accessibility: score(categories?.accessibility?.score),
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0
}

/** Forwards to `target`, gzipping text answers for clients that accept it (as CloudFront does). */
async function gzipProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const headers = new Headers()
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string' && name !== 'host' && name !== 'accept-encoding') {
          headers.set(name, value)
        }
      }
      fetch(new URL(request.url ?? '/', target), {
        method: request.method,
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
        redirect: 'manual',
      })
        .then(async (upstream) => {
          let body = Buffer.from(await upstream.arrayBuffer())
          const type = upstream.headers.get('content-type') ?? ''
          const out: Record<string, string> = {}
          upstream.headers.forEach((value, name) => {
            if (!['content-length', 'content-encoding', 'transfer-encoding'].includes(name)) {
              out[name] = value
            }
          })
          const wantsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))
          if (wantsGzip && /text|javascript|css|json|svg/.test(type) && body.length > 1024) {
            body = gzipSync(body)
            out['content-encoding'] = 'gzip'
            out.vary = 'accept-encoding'
          }
          out['content-length'] = String(body.length)
          response.writeHead(upstream.status, out)
          response.end(body)
        })
        .catch(() => {
          response.writeHead(502)
          response.end()
        })
    })
  })
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((closed) => {
        server.close(() => closed())
        server.closeAllConnections()
      }),
  }
}
