import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import type { IncomingReview } from '../../functions/src/domain/reviews/review'
import { expectNoViolations, signUpViaApi } from './helpers'

test.describe.configure({ timeout: 180_000 })

/**
 * Store reviews in the e2e server's database (support/e2e-server.ts names it), as a sync would:
 * this branch has no sync yet.
 */
function seedReviews(practiceId: string, reviews: IncomingReview[]) {
  const endpoint = readFileSync(
    join(tmpdir(), `touchpoint-e2e-${process.env.E2E_PORT}.dynamodb`),
    'utf8',
  )
  const root = new URL('../..', import.meta.url).pathname
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'test/support/seed-reviews-cli.ts', endpoint, practiceId],
    { cwd: root, input: JSON.stringify(reviews), encoding: 'utf8' },
  )
  expect(run.status, run.stderr).toBe(0)
}

let next = 0
function incomingReview(changes: Partial<IncomingReview> & { daysAgo: number }): IncomingReview {
  const { daysAgo, ...rest } = changes
  const at = new Date(Date.now() - daysAgo * 86400_000).toISOString()
  return {
    source: 'google',
    externalId: `e2e-${Date.now()}-${++next}`,
    stars: 4,
    text: '',
    createdAt: at,
    updatedAt: at,
    origin: 'sync',
    ...rest,
  }
}

const countOf = (page: Page) => page.getByRole('status').filter({ hasText: /^\d+ reviews?$/ })

test('a manager filters reviews, is warned off a risky reply, and saves safe and acknowledged ones', async ({
  page,
}) => {
  await signUpViaApi(page)
  const me = (await (await page.request.get('/api/me')).json()) as { practice: { id: string } }
  seedReviews(me.practice.id, [
    incomingReview({
      externalId: 'google-1',
      daysAgo: 2,
      stars: 2,
      authorName: 'Maria G.',
      text: 'We waited an hour and nobody told us why.',
    }),
    incomingReview({
      source: 'yelp',
      externalId: 'yelp-1',
      daysAgo: 5,
      stars: 1,
      authorName: 'Jordan K.',
      text: 'The front desk was rude on the phone.',
      url: 'https://www.yelp.com/biz/example?hrid=1',
    }),
    incomingReview({
      source: 'facebook',
      externalId: 'fb-1',
      daysAgo: 9,
      stars: 5,
      recommendation: 'positive',
      authorName: 'Sam P.',
      text: 'Kind and quick.',
    }),
  ])

  await page.goto('/home')
  await page.getByRole('link', { name: 'Reviews', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible()
  // The first load of the app and of two years of reviews, on a busy machine.
  await expect(countOf(page)).toHaveText('3 reviews', { timeout: 20_000 })
  await expect(page.getByRole('img', { name: '2 of 5 stars' })).toBeVisible()
  await expectNoViolations(page, 'the reviews page')

  // Yelp only: the filter goes to the address.
  await page.getByLabel('Site').selectOption({ label: 'Yelp' })
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page).toHaveURL(/[?&]source=yelp(&|$)/)
  await expect(countOf(page)).toHaveText('1 review')
  const yelp = page.getByRole('article', { name: 'Jordan K.' })
  await expect(yelp.getByRole('link', { name: 'View on Yelp' })).toHaveAttribute(
    'href',
    'https://www.yelp.com/biz/example?hrid=1',
  )

  // A risky draft is flagged as it is typed, with the reason, the words and a safe wording.
  await yelp.getByRole('button', { name: 'Reply', exact: true }).click()
  await yelp
    .getByLabel('Reply', { exact: true })
    .fill('Sorry Jordan, we checked your chart and your appointment on Tuesday was on time.')
  await expect(yelp.getByRole('heading', { name: /warnings$/ })).toBeVisible()
  await expect(yelp.locator('mark', { hasText: 'checked your chart' })).toBeVisible()
  await expect(yelp.getByRole('form', { name: 'Your public reply' })).toContainText(
    'The HHS Office for Civil Rights has fined practices for replies that did',
  )
  await expect(yelp.getByRole('link', { name: 'Elite Dental, 2019' })).toBeVisible()
  await expectNoViolations(page, 'a reply with warnings')
  await yelp.getByRole('button', { name: 'Use this wording' }).click()
  await expect(yelp.getByLabel('Reply', { exact: true })).toHaveValue(
    /^Thank you for your feedback\. We take every concern seriously/,
  )
  // The office's number goes where the wording leaves a gap (selected, so typing replaces it).
  await page.keyboard.type('(312) 555-0100')
  await expect(yelp.getByText('No warnings')).toBeVisible()
  await yelp.getByRole('button', { name: 'Save reply' }).click()
  await expect(yelp.getByText('Saved here: copy it to the site')).toBeVisible()
  await expect(yelp.getByRole('button', { name: 'Copy' })).toBeVisible()

  // A flagged reply is saved only once the warnings are acknowledged.
  await page.getByRole('link', { name: 'Clear filters' }).first().click()
  await expect(countOf(page)).toHaveText('3 reviews')
  const google = page.getByRole('article', { name: 'Maria G.' })
  await google.getByRole('button', { name: 'Reply', exact: true }).click()
  await google
    .getByLabel('Reply', { exact: true })
    .fill('Maria, we are sorry about the wait. Please call us.')
  await expect(google.getByRole('heading', { name: /warnings?$/ })).toBeVisible()
  await google.getByRole('button', { name: 'Save reply' }).click()
  await expect(google.getByRole('alert')).toContainText('I have read the warnings')
  await expect(google.getByLabel('I have read the warnings')).toBeFocused()
  await google.getByLabel('I have read the warnings').check()
  await google.getByRole('button', { name: 'Save reply' }).click()
  await expect(google.getByText('Saved here, not posted yet')).toBeVisible()

  // Both replies are kept: a reload shows them from the API.
  await page.reload()
  await expect(page.getByText('Saved here, not posted yet')).toBeVisible()
  await expect(page.getByText('Saved here: copy it to the site')).toBeVisible()
  await page.getByLabel('Replied').selectOption({ label: 'Not replied yet' })
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(countOf(page)).toHaveText('1 review')
})

test('a practice without reviews is shown where to get them', async ({ page }) => {
  await signUpViaApi(page)
  await page.goto('/reviews')
  await expect(page.getByRole('heading', { name: 'No reviews yet' })).toBeVisible({
    timeout: 20_000,
  })
  await expect(page.getByRole('link', { name: 'Settings → Review sites' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Import a CSV file' })).toBeVisible()
  await expectNoViolations(page, 'the empty reviews page')
})
