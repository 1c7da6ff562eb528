import { readFile } from 'node:fs/promises'
import { expect, test } from './demo-practice'
import { expectNoViolations, signUpViaApi } from './helpers'

// The demo tests read one demo practice per worker (see demo-practice.ts); the budget is theirs.
test.describe.configure({ timeout: 150_000 })

const openDashboard = async (page: import('@playwright/test').Page) => {
  await page.goto('/dashboard')
  const panel = page.getByRole('region', { name: 'Reviews on other sites' })
  await expect(panel).toBeVisible({ timeout: 30_000 })
  return panel
}

test("the demo's reviews panel shows average stars with its interval, sites, locations, trend and themes", async ({
  page,
  demoOwner,
}) => {
  await page.context().addCookies(demoOwner)
  await page.goto('/dashboard?period=26w')
  const panel = page.getByRole('region', { name: 'Reviews on other sites' })
  await expect(panel).toBeVisible({ timeout: 30_000 })

  const stars = panel.getByRole('article').filter({ hasText: 'Average stars' })
  await expect(stars).toContainText(/[1-5]\.\d of 5/)
  await expect(stars).toContainText(
    /95% sure it lies between [1-5]\.\d and [1-5]\.\d, from \d+ ratings/,
  )
  const reviews = panel.getByRole('article').filter({ hasText: 'Reviews' })
  await expect(reviews).toContainText(
    /Facebook recommendations \(\d+ yes, \d+ no\) count here but not in the stars/,
  )
  const whole = Number((await reviews.locator('.big').textContent())!.replace(/\D/g, ''))
  expect(whole).toBeGreaterThan(100)

  const sites = panel.getByRole('table', { name: 'By site' })
  for (const site of ['Google', 'Yelp', 'Facebook', 'Healthgrades']) {
    await expect(sites.getByRole('row', { name: new RegExp(site) })).toBeVisible()
  }
  await expect(sites.getByRole('row', { name: /Facebook/ })).toContainText('no stars')
  const places = panel.getByRole('table', { name: 'By location' })
  await expect(places.getByRole('row', { name: /Lakeview Clinic/ })).toBeVisible()
  await expect(places.getByRole('row', { name: /Riverside Clinic/ })).toBeVisible()
  await expect(panel.getByRole('heading', { name: 'What reviewers write about' })).toBeVisible()

  // The trend: a chart with its numbers as a table, a CSV with n, and a PNG.
  const trend = page.getByRole('region', { name: 'Reviews over time' })
  await expect(trend.getByRole('img')).toBeVisible()
  await trend.getByText('Reviews over time: the numbers as a table').click()
  expect(
    await trend.getByRole('table', { name: 'Reviews over time' }).getByRole('row').count(),
  ).toBeGreaterThan(20)
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    trend.getByRole('button', { name: 'Download Reviews over time as CSV' }).click(),
  ])
  expect(csv.suggestedFilename()).toBe('reviews-by-week.csv')
  const lines = (await readFile((await csv.path())!, 'utf8')).trim().split(/\r?\n/)
  expect(lines[0]).toBe('Week of,Reviews,Average stars,n')
  const counted = lines.slice(1).reduce((sum, line) => sum + Number(line.split(',')[1]), 0)
  expect(counted).toBe(whole)
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    trend.getByRole('button', { name: 'Download Reviews over time as PNG' }).click(),
  ])
  expect(png.suggestedFilename()).toBe('reviews-by-week.png')

  // The dashboard's location filter narrows the reviews too.
  await page.getByLabel('Location or provider').selectOption({ label: 'Riverside Clinic' })
  await expect(page).toHaveURL(/place=L%3A|place=L:/)
  await expect
    .poll(async () => Number((await reviews.locator('.big').textContent())!.replace(/\D/g, '')))
    .toBeLessThan(whole)
  await expect(panel.getByRole('table', { name: 'By location' })).not.toContainText('Lakeview')
})

test('a practice without reviews is pointed to Settings → Review sites and Reviews → Import', async ({
  page,
}) => {
  await signUpViaApi(page)
  const panel = await openDashboard(page)
  await expect(panel).toContainText('No reviews in this period.')
  await expect(panel.getByRole('link', { name: 'Settings → Review sites' })).toHaveAttribute(
    'href',
    '/settings/review-sites',
  )
  await expect(panel.getByRole('link', { name: 'Reviews → Import' })).toHaveAttribute(
    'href',
    '/reviews/import',
  )
})

test('the reviews panel has no axe violations at phone, laptop and projector widths, light or dark', async ({
  page,
  demoOwner,
}) => {
  await page.context().addCookies(demoOwner)
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height })
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      const panel = await openDashboard(page)
      await expect(panel.getByRole('table', { name: 'By site' })).toBeVisible()
      await panel.getByText('Reviews over time: the numbers as a table').click()
      // Nothing in the panel is wider than the page.
      const overflow = await panel.evaluate((el) => el.scrollWidth - el.clientWidth)
      expect(overflow, `${width}px ${colorScheme}`).toBeLessThanOrEqual(1)
      await expectNoViolations(page, `the reviews panel at ${width}px (${colorScheme})`)
    }
  }
})
