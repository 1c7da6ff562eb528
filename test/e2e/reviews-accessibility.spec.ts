import { expect, test, type Page } from '@playwright/test'
import { expectNoViolations, signUpViaApi } from './helpers'

// The pages issue 13 added, each in its fullest state, at a phone's and a laptop's size in both
// themes. (The dashboard's reviews panel has its own sweep in dashboard-reviews.spec.ts.)
test.describe.configure({ timeout: 180_000 })

const sizes = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const

/** Axe, and no sideways scrolling, at each size in light and dark. */
async function sweep(page: Page, state: string) {
  for (const size of sizes) {
    await page.setViewportSize(size)
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      const where = `${state} at ${size.width}px (${colorScheme})`
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      )
      expect(overflow, `sideways scrolling on ${where}`).toBeLessThanOrEqual(1)
      await expectNoViolations(page, where)
    }
  }
}

async function practiceWithLocation(page: Page) {
  const owner = await signUpViaApi(page)
  const headers = { 'x-csrf-token': owner.csrfToken }
  const res = await page.request.post('/api/locations', { headers, data: { name: 'North Clinic' } })
  expect(res.status()).toBe(201)
  return { headers, locationId: ((await res.json()) as { id: string }).id }
}

test('Settings → Review sites passes axe on a phone and a laptop, light and dark', async ({
  page,
}) => {
  const { headers, locationId } = await practiceWithLocation(page)
  // One site connected (its status and places form), the others not (their connect forms, the guide).
  const yelp = await page.request.put('/api/review-sources/yelp', {
    headers,
    data: {
      apiKey: 'yelp-key-for-axe-0123456789',
      locations: [{ externalId: 'north-clinic', locationId }],
    },
  })
  expect(yelp.status()).toBe(200)
  await page.goto('/settings/review-sites')
  await expect(
    page.getByRole('region', { name: 'Yelp' }).getByText('Connected', { exact: true }),
  ).toBeVisible({
    timeout: 20_000,
  })
  // With the form's errors shown, as a manager who pressed Connect too soon sees it.
  const google = page.getByRole('region', { name: 'Google Business Profile' })
  await google.getByRole('button', { name: 'Connect Google Business Profile' }).click()
  await expect(google.getByRole('alert')).toContainText('Client ID')
  await sweep(page, 'review sites')
})

test('Reviews, with a flagged reply open, passes axe on a phone and a laptop, light and dark', async ({
  page,
}) => {
  const { headers } = await practiceWithLocation(page)
  const day = (n: number) => new Date(Date.now() - n * 86400_000).toISOString().slice(0, 10)
  const imported = await page.request.post('/api/reviews/import', {
    headers: { ...headers, 'content-type': 'text/csv' },
    data: [
      'source,date,stars,text,author,url,location,external_id',
      `yelp,${day(2)},1,The front desk was rude on the phone.,Jordan K.,https://www.yelp.com/biz/x?hrid=1,North Clinic,a11y-1`,
      `healthgrades,${day(4)},5,Kind nurses and a quick visit.,Sam P.,,North Clinic,a11y-2`,
      `zocdoc,${day(6)},3,,,,North Clinic,a11y-3`,
    ].join('\r\n'),
  })
  expect(imported.status()).toBe(200)
  await page.goto('/reviews')
  await expect(page.getByRole('status').filter({ hasText: /^3 reviews$/ })).toBeVisible({
    timeout: 20_000,
  })
  const review = page.getByRole('article', { name: 'Jordan K.' })
  await review.getByRole('button', { name: 'Reply', exact: true }).click()
  await review
    .getByLabel('Reply', { exact: true })
    .fill('Jordan, we checked your chart and your appointment was on time.')
  await expect(review.getByRole('heading', { name: /warnings$/ })).toBeVisible()
  await sweep(page, 'reviews with a flagged reply')
})

const csvCell = (value: string) =>
  /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
const csvOf = (rows: string[][]) =>
  rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'

test('Reviews → Import, with a file mapped, passes axe on a phone and a laptop, light and dark', async ({
  page,
}) => {
  await practiceWithLocation(page)
  await page.goto('/reviews/import')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import reviews', {
    timeout: 20_000,
  })
  await page.getByLabel('CSV file of reviews').setInputFiles({
    name: 'vitals.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      csvOf([
        ['Review date', 'Rating', 'Comment', 'Reviewer', 'Clinic'],
        ['3/14/2025', '4', 'Kind staff, short wait', 'Ana P.', 'North Clinic'],
        ['3/15/2025', '9', 'Too many stars', 'Ben Q.', 'North Clinic'],
      ]),
    ),
  })
  await expect(page.getByText('vitals.csv: 2 rows, 5 columns.')).toBeVisible()
  await page.getByLabel('Site of every review in this file').selectOption('vitals')
  await expect(page.getByRole('region', { name: 'Preview of the first rows' })).toBeVisible()
  await sweep(page, 'the review import, mapped')
})

test('Responses → Import, with a file mapped, passes axe on a phone and a laptop, light and dark', async ({
  page,
}) => {
  const { headers } = await practiceWithLocation(page)
  const created = await page.request.post('/api/surveys', {
    headers,
    data: { templateId: 'visit-pulse' },
  })
  expect(created.status()).toBe(201)
  const survey = (await created.json()) as { id: string }
  await page.request.post(`/api/surveys/${survey.id}/publish`, { headers, data: {} })
  await page.goto('/responses/import')
  await page.getByLabel('Survey the results answer').selectOption({ index: 1 })
  await page.getByLabel('CSV file of responses').setInputFiles({
    name: 'forms.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      csvOf([
        ['Timestamp', 'How likely are you to recommend us?', 'Anything to improve?'],
        ['2025-03-14 09:05:00', '9', 'Kind nurse'],
        ['2025-03-15 14:00:00', 'eleven', ''],
      ]),
    ),
  })
  await expect(page.getByText(/forms\.csv: 2 rows, 3 columns/)).toBeVisible({ timeout: 20_000 })
  await expect(page.getByRole('region', { name: 'Preview of the first rows' })).toBeVisible()
  await sweep(page, 'the response import, mapped')
})
