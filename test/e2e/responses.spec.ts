import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './demo-practice'
import { signUpViaApi } from './helpers'

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

// The first test makes its demo practice from the welcome page, as a visitor does; the axe test
// reads the worker's (demo-practice.ts).
test.describe.configure({ timeout: 180_000 })

test('a visitor explores the demo practice: filters, pages and exports its responses', async ({
  page,
}) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Explore a demo practice' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Creating the demo practice…' }),
  ).toBeVisible()
  // The demo opens on its dashboard; its responses are one click away.
  await expect(page).toHaveURL('/dashboard', { timeout: 90_000 })
  await page.getByRole('link', { name: 'Responses', exact: true }).click()
  await expect(page).toHaveURL('/responses')
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
  // A reload loads the app and counts the selection again, as the first load did.
  await expect(countOf(page)).toHaveText(`${detractors} responses`, { timeout: 20_000 })
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
  expect(header).toMatch(/^Submitted \([\w/]+\),Survey,Version,Language,Location,Provider,/)
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

/**
 * A bilingual practice with one published pulse survey and five comments that read clearly: two
 * negative about waiting (English and Spanish), two positive about the staff, one neutral. Small
 * and made through the API, so the test does not wait for a demo practice.
 */
async function practiceWithComments(page: Page) {
  const owner = await signUpViaApi(page)
  const headers = { 'x-csrf-token': owner.csrfToken }
  const practice = await page.request.patch('/api/practice', {
    headers,
    data: { languages: ['en', 'es'] },
  })
  expect(practice.status()).toBe(200)
  const created = await page.request.post('/api/surveys', {
    headers,
    data: { templateId: 'visit-pulse' },
  })
  const { id } = (await created.json()) as { id: string }
  expect(
    (await page.request.post(`/api/surveys/${id}/publish`, { headers, data: {} })).status(),
  ).toBe(200)
  const comments = [
    ['en', 2, 'We waited over an hour and nobody told us why'],
    ['es', 3, 'Esperamos más de una hora'],
    ['es', 10, 'El personal fue muy amable'],
    ['en', 9, 'The front desk staff were lovely and kind'],
    ['en', 8, 'The visit was fine'],
  ] as const
  for (const [language, recommend, improve] of comments) {
    const sent = await page.request.post(`/api/public/surveys/${id}/responses`, {
      data: {
        idempotencyKey: randomBytes(16).toString('base64url'),
        language,
        answers: { recommend, 'check-in': recommend < 7 ? 2 : 5, improve },
      },
    })
    expect(sent.status()).toBe(201)
  }
}

test('a manager reads the negative comments about waiting, and follows a dashboard link', async ({
  page,
}) => {
  await practiceWithComments(page)
  await page.goto('/responses')
  await expect(countOf(page)).toHaveText('5 responses', { timeout: 20_000 })

  await page.getByLabel('Theme', { exact: true }).selectOption({ label: 'Wait time' })
  await page.getByLabel('Sentiment').selectOption({ label: 'Negative' })
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page).toHaveURL(/[?&]theme=wait-time(&|$)/)
  await expect(page).toHaveURL(/[?&]sentiment=negative(&|$)/)
  await expect(countOf(page)).toHaveText('2 responses')

  // Each comment says how it reads, in words, and names its themes, whatever its language.
  const cards = page.getByRole('article')
  await expect(cards).toHaveCount(2)
  for (const card of await cards.all()) {
    await expect(card.getByText('Negative', { exact: true })).toBeVisible()
    await expect(card.getByRole('list', { name: 'Themes' }).getByRole('listitem')).toHaveText([
      'Wait time',
    ])
  }
  await expect(cards.filter({ hasText: 'Esperamos más de una hora' })).toHaveCount(1)

  // The address keeps both: a reload shows the same view with the same choices.
  await page.reload()
  await expect(countOf(page)).toHaveText('2 responses', { timeout: 20_000 })
  await expect(page.getByLabel('Theme', { exact: true })).toHaveValue('wait-time')
  await expect(page.getByLabel('Sentiment')).toHaveValue('negative')

  // The export has the same rows, each ending with its reading.
  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Export CSV' }).click()
  const csv = (await readFile(await (await downloading).path(), 'utf8')).replace(/^\uFEFF/, '')
  const [header, ...rows] = csv.trim().split(/\r?\n/)
  expect(header).toMatch(/,Sentiment,Themes$/)
  expect(rows).toHaveLength(2)
  expect(rows.every((row) => row.endsWith(',negative,Wait time'))).toBe(true)

  // The other way round: the kind words about the staff.
  await page.getByLabel('Theme', { exact: true }).selectOption({ label: 'Staff courtesy' })
  await page.getByLabel('Sentiment').selectOption({ label: 'Positive' })
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(countOf(page)).toHaveText('2 responses')
  await expect(cards.first().getByText('Positive', { exact: true })).toBeVisible()
  await expect(cards.filter({ hasText: 'El personal fue muy amable' })).toHaveCount(1)

  // A link from elsewhere with filters in the address: check-in, scores of 6 or less.
  await page.goto('/responses?touchpoint=check-in&maxScore=6')
  await expect(countOf(page)).toHaveText('2 responses', { timeout: 20_000 })
  await expect(page.getByLabel('Likelihood to recommend')).toHaveValue('detractors')
  await expect(page.getByLabel('Touch point', { exact: true })).toHaveValue('check-in')
  await expect(page.getByLabel('Theme', { exact: true })).toHaveValue('')
  for (const card of await cards.all()) await expect(card).toContainText('Detractor')
})

// One test per colour scheme: six axe runs over a page of demo responses took 90 s on a busy
// two-core machine, so both in one test did not fit its 180 s.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`the responses page has no axe violations in ${colorScheme}, and checks its dates`, async ({
    page,
    demoOwner,
  }) => {
    await page.context().addCookies(demoOwner)
    await page.emulateMedia({ colorScheme })
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.goto('/responses')
    await expect(countOf(page)).toBeVisible({ timeout: 20_000 })
    await expect(page.getByRole('article').first()).toBeVisible()
    await expectNoViolations(page, `responses (${colorScheme})`)

    await page.goto('/responses?score=promoters&touchpoint=check-in')
    await expect(countOf(page)).toBeVisible({ timeout: 20_000 })
    await expectNoViolations(page, `filtered responses (${colorScheme})`)

    await page.goto('/responses?theme=wait-time&sentiment=negative')
    await expect(countOf(page)).toBeVisible({ timeout: 20_000 })
    await expect(page.getByRole('list', { name: 'Themes' }).first()).toBeVisible()
    await expectNoViolations(page, `responses by theme and sentiment (${colorScheme})`)

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
    await page.goto('/responses?theme=wait-time')
    await expect(countOf(page)).toBeVisible({ timeout: 20_000 })
    await expect(page.getByLabel('Location')).toBeHidden()
    await expect(page.getByText('Wait time', { exact: true }).first()).toBeVisible()
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await page.getByRole('button', { name: 'Show filters' }).click()
    await expect(page.getByLabel('Location')).toBeVisible()
    await expect(page.getByLabel('Theme', { exact: true })).toHaveValue('wait-time')
    await expectNoViolations(page, `responses at 360 px with the filters open (${colorScheme})`)
  })
}
