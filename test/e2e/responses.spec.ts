import { readFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

async function expectNoViolations(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze()
  const found = violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  )
  expect(found, `axe violations on ${state}`).toEqual([])
}

/** The polite status that says how many responses match, e.g. "1,234 responses". */
const countOf = (page: Page) => page.getByRole('status').filter({ hasText: /^[\d,]+ responses?$/ })

async function shownCount(page: Page): Promise<number> {
  const text = (await countOf(page).textContent()) ?? ''
  return Number(text.replace(/[^\d]/g, ''))
}

// Each test makes its own demo practice: a few seconds of writing on DynamoDB Local.
test.describe.configure({ timeout: 180_000 })

test('a visitor explores the demo practice: filters, pages and exports its responses', async ({
  page,
}) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Explore a demo practice' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Creating the demo practice…' }),
  ).toBeVisible()
  await expect(page).toHaveURL('/responses', { timeout: 90_000 })
  await expect(page.getByRole('heading', { level: 1, name: 'Responses' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Responses', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  )

  await expect(countOf(page)).toBeVisible({ timeout: 20_000 })
  const everything = await shownCount(page)
  expect(everything).toBeGreaterThan(400) // 90 days of a busy practice
  await expect(page.getByRole('article')).toHaveCount(25)
  await expect(page.getByText(`Showing 25 of ${everything.toLocaleString('en')}`)).toBeVisible()

  // The detractors of one clinic.
  await page.getByLabel('Location').selectOption({ label: 'Riverside Clinic' })
  await page.getByLabel('Likelihood to recommend').selectOption({ label: 'Detractors (0–6)' })
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page).toHaveURL(/[?&]score=detractors(&|$)/)
  await expect(page).toHaveURL(/[?&]location=[0-9A-Z]{26}(&|$)/)
  await expect(countOf(page)).not.toHaveText(`${everything.toLocaleString('en')} responses`)
  const detractors = await shownCount(page)
  expect(detractors).toBeGreaterThan(25) // the demo always has more than a page of them
  expect(detractors).toBeLessThan(everything)
  const cards = page.getByRole('article')
  await expect(cards).toHaveCount(25)
  for (const card of (await cards.all()).slice(0, 5)) {
    await expect(card).toContainText('Riverside Clinic')
    await expect(card).toContainText('Detractor')
  }

  // The address keeps the filters: a reload (or a shared link) shows the same view.
  const locationId = new URL(page.url()).searchParams.get('location')
  await page.reload()
  await expect(countOf(page)).toHaveText(`${detractors} responses`)
  await expect(page.getByLabel('Location')).toHaveValue(locationId!)
  await expect(page.getByLabel('Likelihood to recommend')).toHaveValue('detractors')

  // Page 2, and keyboard focus moves to its first response.
  await page.getByRole('button', { name: 'Load more' }).click()
  await expect(page.getByText(/^Showing (2[6-9]|[3-9]\d) of /)).toBeVisible()
  const shown = await cards.count()
  await expect(page.getByText(`Showing ${shown} of ${detractors}`)).toBeVisible()
  await expect(cards.nth(25).getByRole('heading', { level: 3 })).toBeFocused()

  // The same selection as CSV, by a plain link.
  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Export CSV' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^responses-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '')
  const [header, ...rows] = csv.trim().split(/\r?\n/)
  expect(header).toMatch(/^Submitted,Survey,Version,Language,Location,Provider,/)
  expect(header).toContain('How likely are you to recommend our practice')
  expect(rows).toHaveLength(detractors)
  expect(rows.every((row) => row.includes('Riverside Clinic'))).toBe(true)

  // Clearing the filters goes back to everything.
  const filtered = page.url()
  await page.getByRole('link', { name: 'Clear filters' }).first().click()
  await expect(page).toHaveURL('/responses')
  await expect(countOf(page)).toHaveText(`${everything.toLocaleString('en')} responses`)

  // Loading more until there is no more shows every matching response, each once.
  await page.goto(filtered)
  await expect(countOf(page)).toHaveText(`${detractors} responses`)
  while (await page.getByRole('button', { name: 'Load more' }).isVisible()) {
    const before = await cards.count()
    await page.getByRole('button', { name: 'Load more' }).click()
    await expect(cards).not.toHaveCount(before)
  }
  await expect(cards).toHaveCount(detractors)
})

test('the responses page has no axe violations in light and dark, and checks its dates', async ({
  page,
}) => {
  expect((await page.request.post('/api/demo')).status()).toBe(201)
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.goto('/responses')
    await expect(countOf(page)).toBeVisible({ timeout: 20_000 })
    await expect(page.getByRole('article').first()).toBeVisible()
    await expectNoViolations(page, `responses (${colorScheme})`)

    await page.goto('/responses?score=promoters&touchpoint=check-in')
    await expect(countOf(page)).toBeVisible({ timeout: 20_000 })
    await expectNoViolations(page, `filtered responses (${colorScheme})`)

    await page.goto('/responses?from=2020-01-01&to=2020-01-31')
    await expect(
      page.getByRole('heading', { name: 'No responses match these filters' }),
    ).toBeVisible()
    await expectNoViolations(page, `no matching responses (${colorScheme})`)

    // A first day after the last is refused beside the field, and the list stays as it was.
    await page.getByLabel('From').fill('2020-02-15')
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await expect(page.getByRole('alert').first()).toContainText(
      'Choose a day on or before the last day',
    )
    await expect(page.getByLabel('From')).toBeFocused()
    await expect(page).toHaveURL(/from=2020-01-01/)
    await expectNoViolations(page, `the filters with an error (${colorScheme})`)

    await page.setViewportSize({ width: 360, height: 740 })
    await page.goto('/responses')
    await expect(countOf(page)).toBeVisible({ timeout: 20_000 })
    await expect(page.getByLabel('Location')).toBeHidden()
    await page.getByRole('button', { name: 'Show filters' }).click()
    await expect(page.getByLabel('Location')).toBeVisible()
    await expectNoViolations(page, `responses at 360 px with the filters open (${colorScheme})`)
  }
})
