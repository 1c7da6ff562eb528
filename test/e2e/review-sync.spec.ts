import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { googleReview } from '../support/fake-review-sites/google'
import type { FakeGoogleChange, FakeGoogleState } from '../support/fake-review-sites/e2e-google'
import { expectNoViolations, signUpViaApi } from './helpers'

test.describe.configure({ timeout: 180_000 })

/** The e2e server's fake Google (support/e2e-server.ts starts it and names its control address). */
async function fakeGoogle(change?: FakeGoogleChange): Promise<FakeGoogleState> {
  const control = readFileSync(
    join(tmpdir(), `touchpoint-e2e-${process.env.E2E_PORT}.fake-google`),
    'utf8',
  )
  const res = await fetch(control, {
    method: change ? 'POST' : 'GET',
    ...(change ? { body: JSON.stringify(change) } : {}),
  })
  expect(res.status).toBe(200)
  return (await res.json()) as FakeGoogleState
}

async function newLocation(page: Page, csrfToken: string, name: string) {
  const res = await page.request.post('/api/locations', {
    headers: { 'x-csrf-token': csrfToken },
    data: { name },
  })
  expect(res.status()).toBe(201)
}

const countOf = (page: Page) => page.getByRole('status').filter({ hasText: /^\d+ reviews?$/ })

test('a manager connects Google to a local fake, syncs, reads, filters, replies safely and is told to reconnect', async ({
  page,
}) => {
  const owner = await signUpViaApi(page)
  await newLocation(page, owner.csrfToken, 'North Clinic')
  await newLocation(page, owner.csrfToken, 'South Clinic')

  // An account of this test's own on the fake, with two locations: 3 reviews north, 2 south.
  const account = `accounts/e2e${randomBytes(4).toString('hex')}`
  const north = `${account}/locations/1`
  const south = `${account}/locations/2`
  const risky = googleReview(north, 30, {
    starRating: 'ONE',
    reviewer: { displayName: 'Maria Lopez', isAnonymous: false },
    comment: 'My appointment started an hour late and the front desk never told me why.',
  })
  const google = await fakeGoogle({
    refreshToken: `1//refresh-${randomBytes(8).toString('hex')}`,
    revoked: false,
    reviews: {
      [north]: [
        googleReview(north, 10, { starRating: 'FIVE', reviewer: { displayName: 'Ann B.' } }),
        googleReview(north, 20, { starRating: 'FOUR', reviewer: { displayName: 'Carl D.' } }),
        risky,
      ],
      [south]: [
        googleReview(south, 40, { starRating: 'FIVE', reviewer: { displayName: 'Eve F.' } }),
        googleReview(south, 50, { starRating: 'TWO', reviewer: { displayName: 'Gus H.' } }),
      ],
    },
  })

  await page.goto('/settings/review-sites')
  const source = page.getByRole('region', { name: 'Google Business Profile' })
  await expect(source).toContainText('Not connected', { timeout: 20_000 })
  await source.getByLabel('Client ID').fill(google.clientId)
  await source.getByLabel('Client secret').fill(google.clientSecret)
  await source.getByLabel('Refresh token').fill(google.refreshToken)
  await source.getByLabel('Account id').fill(account)
  const place1 = source.getByRole('group', { name: 'Place 1' })
  await place1.getByLabel('Google location name').fill('locations/1')
  await place1.getByLabel('Practice location').selectOption({ label: 'North Clinic' })
  await source.getByRole('button', { name: 'Add another place' }).click()
  const place2 = source.getByRole('group', { name: 'Place 2' })
  await place2.getByLabel('Google location name').fill('locations/2')
  await place2.getByLabel('Practice location').selectOption({ label: 'South Clinic' })
  await source.getByRole('button', { name: 'Connect Google Business Profile' }).click()
  await expect(source.getByText('Connected', { exact: true })).toBeVisible()

  await source.getByRole('button', { name: 'Sync now' }).click()
  await expect(source.getByRole('status').filter({ hasText: 'Sync finished' })).toHaveText(
    'Sync finished. Fetched 5 reviews: 5 new, 0 changed, 0 removed.',
    { timeout: 30_000 },
  )
  const figures = source.getByRole('definition')
  await expect(figures.nth(2)).toHaveText('Fetched 5 reviews: 5 new, 0 changed, 0 removed.')
  // The last success is a time now, not "Not yet".
  await expect(figures.nth(1)).toHaveText(/\d{1,2}:\d{2}/)
  await expect(source.getByText('Last error')).toHaveCount(0)

  // Reviews: all five, then filtered by stars and by location.
  await page.goto('/reviews')
  await expect(countOf(page)).toHaveText('5 reviews', { timeout: 20_000 })
  await page.getByLabel('Most stars').selectOption('2')
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page).toHaveURL(/[?&]maxStars=2(&|$)/)
  await expect(countOf(page)).toHaveText('2 reviews')
  await expect(page.getByRole('article', { name: 'Gus H.' })).toBeVisible()
  await page.getByLabel('Location').selectOption({ label: 'North Clinic' })
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(countOf(page)).toHaveText('1 review')
  const review = page.getByRole('article', { name: 'Maria Lopez' })
  await expect(review.getByRole('img', { name: '1 of 5 stars' })).toBeVisible()
  await expect(review).toContainText('North Clinic')
  await expect(review).toContainText('My appointment started an hour late')

  // A draft naming the patient and "your appointment" is flagged with its reasons.
  await review.getByRole('button', { name: 'Reply', exact: true }).click()
  const draft = review.getByLabel('Reply', { exact: true })
  await draft.fill('Maria, we are so sorry your appointment started late.')
  await expect(review.getByRole('heading', { name: /^\d+ warnings$/ })).toBeVisible()
  await expect(review.locator('mark', { hasText: 'Maria' })).toBeVisible()
  await expect(review.locator('mark', { hasText: /your appointment/i })).toBeVisible()
  const composer = review.getByRole('form', { name: 'Your public reply' })
  await expect(composer).toContainText(
    'The HHS Office for Civil Rights has fined practices for replies that did',
  )
  await expectNoViolations(page, 'a flagged reply to a synced review')

  // Refused until acknowledged: nothing reaches Google.
  await review.getByRole('button', { name: 'Save reply' }).click()
  await expect(review.getByRole('alert')).toContainText('I have read the warnings')
  expect(Object.keys((await fakeGoogle()).replies)).not.toContain(risky.name)

  // The safe wording leaves the office's number to type: never posted with its "…" gap.
  await review.getByRole('button', { name: 'Use this wording' }).click()
  await expect(review.getByText('No warnings')).toBeVisible()
  await review.getByRole('button', { name: 'Save reply' }).click()
  await expect(review.getByRole('alert')).toHaveText(
    'Put the office’s phone number in place of “…” first.',
  )
  expect(Object.keys((await fakeGoogle()).replies)).not.toContain(risky.name)
  // The gap is selected: typing replaces it.
  await expect(draft).toBeFocused()
  await page.keyboard.type('(312) 555-0100')
  const safe = await draft.inputValue()
  expect(safe).toMatch(
    /^Thank you for your feedback\. .* call our office manager at \(312\) 555-0100 so we can talk\.$/,
  )
  await expect(review.getByText('No warnings')).toBeVisible()

  // The safe wording is posted to Google with updateReply, and the review says so.
  await review.getByRole('button', { name: 'Save reply' }).click()
  await expect(review.getByText('Posted on Google')).toBeVisible()
  expect((await fakeGoogle()).replies[String(risky.name)]?.comment).toBe(safe)
  await page.reload()
  await expect(
    page.getByRole('article', { name: 'Maria Lopez' }).getByText('Posted on Google'),
  ).toBeVisible({ timeout: 20_000 })

  // Google revokes the refresh token (its access tokens die with it): the next sync says reconnect.
  await fakeGoogle({ revoked: true, expireTokens: true })
  await page.goto('/settings/review-sites')
  await source.getByRole('button', { name: 'Sync now' }).click()
  await expect(source.getByText('Reconnect needed')).toBeVisible({ timeout: 30_000 })
  await expect(source).toContainText('Reconnect Google Business Profile.')
  const lastError = source.getByRole('definition').filter({ hasText: 'refresh token' })
  await expect(lastError).toContainText('Google says the refresh token has expired or was revoked.')
  await expect(lastError).toContainText('Enter new ones under "Replace credentials" to reconnect.')
  // The form to reconnect is open, its secret fields empty.
  await expect(source.getByLabel('Refresh token')).toHaveValue('')
  await expect(source.getByLabel('Refresh token')).toBeVisible()
})
