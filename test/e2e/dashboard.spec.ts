import { readFile } from 'node:fs/promises'
import { expect, test } from './demo-practice'
import { expectNoViolations, signUpViaApi } from './helpers'

// The demo tests read one demo practice per worker (see demo-practice.ts); the budget is theirs.
test.describe.configure({ timeout: 150_000 })

const panels = [
  'NPS over time',
  'The journey curve',
  'Touch points by month',
  'CAHPS composites',
  'What patients write about',
]

test("the demo practice's dashboard shows every chart with its table and exports", async ({
  page,
  demoOwner,
}) => {
  await page.context().addCookies(demoOwner)
  await page.goto('/dashboard')
  await expect(page.getByRole('heading', { name: 'The journey curve' })).toBeVisible({
    timeout: 30_000,
  })

  // Headline cards: NPS with its margin, responses, top box for each touch point.
  const nps = page.getByRole('article').filter({ hasText: 'Net Promoter Score' })
  await expect(nps).toContainText(/[+−]?\d+\s*± \d+/)
  await expect(nps).toContainText(/95% sure it lies/)
  const responses = page.getByRole('article').filter({ hasText: 'Responses' })
  await expect(responses).toContainText(/\d{3,}/)
  await expect(page.getByRole('heading', { level: 4, name: 'Check-in and waiting' })).toBeVisible()

  for (const title of panels) {
    const panel = page.getByRole('region', { name: title })
    await expect(panel.getByRole('img')).toBeVisible()
    await panel.getByText(`${title}: the numbers as a table`).click()
    const table = panel.getByRole('table', { name: title })
    await expect(table).toBeVisible()
    expect(await table.getByRole('row').count()).toBeGreaterThan(2)
  }
  // The demo's story: check-in dipped, and the heat map's table says so month by month.
  const heatmap = page.getByRole('table', { name: 'Touch points by month' })
  await expect(heatmap.getByRole('row', { name: /Check-in and waiting/ })).toContainText('%')

  const trend = page.getByRole('region', { name: 'NPS over time' })
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    trend.getByRole('button', { name: 'Download NPS over time as CSV' }).click(),
  ])
  expect(csv.suggestedFilename()).toBe('nps-by-week.csv')
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    trend.getByRole('button', { name: 'Download NPS over time as PNG' }).click(),
  ])
  expect(png.suggestedFilename()).toBe('nps-by-week.png')

  // A theme's quotes lead to its responses.
  const themes = page.getByRole('region', { name: 'What patients write about' })
  await themes.getByRole('link', { name: 'See the responses about wait time' }).click()
  await expect(page).toHaveURL(/\/responses\?.*theme=wait-time/)
  await expect(page.getByRole('heading', { level: 1, name: 'Responses' })).toBeVisible()
})

test('"Needs attention" opens the responses that rated that touch point low, as many as it says', async ({
  page,
  demoOwner,
}) => {
  await page.context().addCookies(demoOwner)
  await page.goto('/dashboard')
  const attention = page.getByRole('region', { name: 'Needs attention' })
  // The demo's story: check-in sagged in this period, so it is listed.
  const link = attention.getByRole('link', { name: /^Read the [\d,]+ responses? rating it 1–3$/ })
  await expect(link.first()).toBeVisible({ timeout: 30_000 })
  const [, digits] = /Read the ([\d,]+)/.exec((await link.first().textContent()) ?? '') ?? []
  const said = Number(digits?.replaceAll(',', ''))
  expect(said).toBeGreaterThan(0)
  await link.first().click()
  await expect(page).toHaveURL(/\/responses\?.*touchpoint=[a-z-]+.*rating=low/)
  await expect(page.getByRole('status').filter({ hasText: /^[\d,]+ responses?$/ })).toHaveText(
    `${said.toLocaleString('en')} ${said === 1 ? 'response' : 'responses'}`,
    {
      timeout: 30_000,
    },
  )
  await expect(page.getByLabel('Touch point rating')).toHaveValue('low')
})

test('filters live in the address and narrow every figure', async ({ page, demoOwner }) => {
  await page.context().addCookies(demoOwner)
  await page.goto('/dashboard')
  const count = page.getByRole('article').filter({ hasText: 'Responses' }).locator('.big')
  // A first load of the demo's dashboard reads six months of counters: as slow as the others above.
  await expect(count).toHaveText(/\d+/, { timeout: 30_000 })
  const whole = Number((await count.textContent())!.replace(/\D/g, ''))

  await page.getByLabel('Location or provider').selectOption({ label: 'Riverside Clinic' })
  await expect(page).toHaveURL(/place=L%3A/)
  await expect
    .poll(async () => Number((await count.textContent())!.replace(/\D/g, '')))
    .toBeLessThan(whole)

  await page.getByLabel('Trend by').selectOption('month')
  await expect(page).toHaveURL(/interval=month/)
  await page.reload()
  await expect(page.getByLabel('Trend by')).toHaveValue('month')
  await expect(page.getByLabel('Location or provider')).toHaveValue(/^L:/)
})

test('a new practice sees "not enough responses yet" rather than numbers', async ({ page }) => {
  await signUpViaApi(page)
  await page.goto('/dashboard')
  const nps = page.getByRole('article').filter({ hasText: 'Net Promoter Score' })
  await expect(nps).toContainText('Not enough responses yet', { timeout: 30_000 })
  await expect(nps).toContainText('0 of 30 needed')
  await expect(page.getByText('No comments in this period yet.')).toBeVisible()
})

test('the dashboard has no axe violations, light or dark', async ({ page, demoOwner }) => {
  await page.context().addCookies(demoOwner)
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await page.goto('/dashboard')
    await expect(page.getByRole('heading', { name: 'The journey curve' })).toBeVisible({
      timeout: 30_000,
    })
    for (const title of panels) {
      await page
        .getByRole('region', { name: title })
        .getByText(`${title}: the numbers as a table`)
        .click()
    }
    await expectNoViolations(page, `the dashboard (${colorScheme})`)
  }
})

/** Records, on each canvas, the text its last drawing wrote (Chart.js clears before each draw). */
function recordCanvasText() {
  const proto = CanvasRenderingContext2D.prototype
  const { clearRect, fillText } = proto
  type Drawn = { text: string; x: number; y: number; width: number; align: string }
  const drawn = (canvas: HTMLCanvasElement) =>
    ((canvas as unknown as { drawn?: Drawn[] }).drawn ??= [])
  proto.clearRect = function (this: CanvasRenderingContext2D, ...args) {
    drawn(this.canvas).length = 0
    return clearRect.apply(this, args)
  }
  proto.fillText = function (this: CanvasRenderingContext2D, text, x, y, maxWidth) {
    const width = this.measureText(text).width
    drawn(this.canvas).push({ text, x, y, width, align: this.textAlign })
    // Canvases made for a moment (a PNG export) are gone afterwards: keep their words too.
    ;((window as unknown as { allDrawn?: string[] }).allDrawn ??= []).push(text)
    return maxWidth === undefined
      ? fillText.call(this, text, x, y)
      : fillText.call(this, text, x, y, maxWidth)
  }
}

interface CellLabel {
  text: string
  x: number
  y: number
  width: number
  /** The colour under the cell beside its label, as relative luminance (0 dark to 1 light). */
  luminance: number
  /** Centre-to-centre distance to the next cell of its row (the cell's width with its border). */
  pitch: number
}

/** The heat map's cell labels as drawn, each with its cell's colour. */
async function heatmapLabels(page: import('@playwright/test').Page): Promise<CellLabel[]> {
  const canvas = page.getByRole('region', { name: 'Touch points by month' }).locator('canvas')
  return canvas.evaluate((element: HTMLCanvasElement) => {
    type Drawn = { text: string; x: number; y: number; width: number; align: string }
    const all = ((element as unknown as { drawn?: Drawn[] }).drawn ?? []).filter(
      (d) => d.align === 'center' && /^\d+%$/.test(d.text),
    )
    const xs = [...new Set(all.map((d) => Math.round(d.x)))].sort((a, b) => a - b)
    const pitch = xs.length > 1 ? xs[1]! - xs[0]! : element.clientWidth
    const scale = element.width / element.clientWidth
    const context = element.getContext('2d')!
    return all.map((d) => {
      // Beside the text, still inside the cell: a third of the way to the cell's edge.
      const [r, g, b] = context.getImageData(
        Math.round((d.x + pitch * 0.33) * scale),
        Math.round(d.y * scale),
        1,
        1,
      ).data as unknown as [number, number, number]
      const lin = (c: number) =>
        c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4
      return {
        text: d.text,
        x: d.x,
        y: d.y,
        width: d.width,
        pitch,
        luminance: 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b),
      }
    })
  })
}

test('on a phone the heat map writes no label wider than its cell', async ({ page, demoOwner }) => {
  await page.addInitScript(recordCanvasText)
  await page.setViewportSize({ width: 390, height: 844 })
  await page.context().addCookies(demoOwner)
  await page.goto('/dashboard')
  const panel = page.getByRole('region', { name: 'Touch points by month' })
  await expect(panel.getByRole('img')).toBeVisible({ timeout: 30_000 })
  await expect.poll(async () => (await heatmapLabels(page)).length).toBeGreaterThan(0)
  const labels = await heatmapLabels(page)
  for (const label of labels) {
    // 2 px of border on each side of a cell: the text must stay clear of its neighbours.
    expect(label.width, `"${label.text}" in a cell ${label.pitch}px wide`).toBeLessThanOrEqual(
      label.pitch - 4,
    )
  }
  // Every number is still there to read, in the table.
  await panel.getByText('Touch points by month: the numbers as a table').click()
  await expect(panel.getByRole('table')).toContainText('%')
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`in the ${colorScheme} theme the heat map's caption says which way its colours go`, async ({
    page,
    demoOwner,
  }) => {
    await page.addInitScript(recordCanvasText)
    await page.emulateMedia({ colorScheme })
    await page.context().addCookies(demoOwner)
    await page.goto('/dashboard')
    const panel = page.getByRole('region', { name: 'Touch points by month' })
    await expect(panel.getByRole('img')).toBeVisible({ timeout: 30_000 })
    await expect.poll(async () => (await heatmapLabels(page)).length).toBeGreaterThan(3)
    const labels = await heatmapLabels(page)
    const share = (label: CellLabel) => Number(label.text.replace('%', ''))
    const best = labels.reduce((a, b) => (share(b) > share(a) ? b : a))
    const worst = labels.reduce((a, b) => (share(b) < share(a) ? b : a))
    expect(share(best)).toBeGreaterThan(share(worst))
    const said = best.luminance > worst.luminance ? 'lighter is better' : 'darker is better'
    await expect(panel).toContainText(said)
  })
}

test('chart downloads say what they show: PNG with title, period and n; CSV with numbers', async ({
  page,
  demoOwner,
}) => {
  await page.addInitScript(recordCanvasText)
  await page.context().addCookies(demoOwner)
  await page.goto('/dashboard')
  const heatmap = page.getByRole('region', { name: 'Touch points by month' })
  await expect(heatmap.getByRole('img')).toBeVisible({ timeout: 30_000 })
  const range = (await page.locator('.lead .range').textContent())!.split(' · ')[0]!.trim()

  await page.evaluate(() => ((window as unknown as { allDrawn?: string[] }).allDrawn = []))
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    heatmap.getByRole('button', { name: 'Download Touch points by month as PNG' }).click(),
  ])
  expect(png.suggestedFilename()).toBe('touchpoints-by-month.png')
  const written = await page.evaluate(() => (window as unknown as { allDrawn: string[] }).allDrawn)
  expect(written).toContain('Touch points by month')
  expect(written.find((text) => text.startsWith(range))).toMatch(/ · [\d,]+ responses$/)

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    heatmap.getByRole('button', { name: 'Download Touch points by month as CSV' }).click(),
  ])
  const text = (await readFile((await csv.path())!, 'utf8')).replace(/^\uFEFF/, '')
  const [header, ...lines] = text.trim().split(/\r\n/)
  expect(header).toBe('Touch point,Month,Top box (4-5),n')
  expect(text).not.toContain('%')
  for (const line of lines) {
    // Touch point, month as YYYY-MM, the share as a number from 0 to 1 (empty below the minimum), n.
    const [, month, share, n] = /^[^,]+,([^,]+),([^,]*),([^,]+)$/.exec(line) ?? []
    expect(month, line).toMatch(/^\d{4}-\d{2}$/)
    expect(share, line).toMatch(/^$|^(0|1|0\.\d+)$/)
    expect(n, line).toMatch(/^\d+$/)
  }
  expect(lines.some((line) => /,0\.\d+,\d+$/.test(line))).toBe(true)
})

test('any date range can be chosen, kept in the address and shown on the page', async ({
  page,
  demoOwner,
}) => {
  await page.context().addCookies(demoOwner)
  await page.goto('/dashboard')
  // The line under the heading: "Sep 2, 2026 – Dec 1, 2026 · 836 responses · figures need …".
  const range = page.locator('.lead .range')
  await expect(range).toContainText('responses', { timeout: 30_000 })
  const responses = async () =>
    Number(
      /· ([\d,]+) responses? ·/.exec((await range.textContent()) ?? '')?.[1]?.replaceAll(',', ''),
    )
  const whole = await responses()

  await page.getByLabel('Period').selectOption({ label: 'Choose dates…' })
  const today = new Date()
  const day = (daysAgo: number) =>
    new Date(today.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10)
  await page.getByLabel('First day', { exact: true }).fill(day(20))
  await page.getByLabel('Last day', { exact: true }).fill(day(6))
  await page.getByLabel('Last day', { exact: true }).dispatchEvent('change')
  await expect(page).toHaveURL(new RegExp(`from=${day(20)}&to=${day(6)}`))
  await expect.poll(responses).toBeLessThan(whole)
  await expect.poll(responses).toBeGreaterThan(0)
  await page.reload()
  await expect(page.getByLabel('Period')).toHaveValue('custom')
  await expect(page.getByLabel('First day', { exact: true })).toHaveValue(day(20))
  await expect(page.getByLabel('Last day', { exact: true })).toHaveValue(day(6))
})
