import { expect, test } from '@playwright/test'
import { expectNoViolations, inviteColleague, signUpViaApi } from './helpers'

// Staff read reviews but neither connect sites, sync, import nor reply: those routes answer them
// 403, so the pages show them none of those controls, and say whom to ask.

const oneReview =
  'source,date,stars,text,author,url,reply,reply_date,location,external_id\r\n' +
  'healthgrades,2026-03-14,4,Friendly front desk,J. P.,,,,,hg-1\r\n'

test('a staff member sees no review control that would answer 403, and whom to ask', async ({
  page,
  browser,
}) => {
  const owner = await signUpViaApi(page)
  const { context, page: staff } = await inviteColleague(
    page,
    browser,
    owner.csrfToken,
    'Sam Staff',
    'staff',
  )

  await staff.goto('/settings')
  const settingsNav = staff.getByRole('navigation', { name: 'Settings' })
  await expect(settingsNav.getByRole('link', { name: 'Team' })).toBeVisible()
  await expect(settingsNav.getByRole('link', { name: 'Review sites' })).toHaveCount(0)

  // Opened directly, the page says whom to ask instead of failing.
  await staff.goto('/settings/review-sites')
  await expect(staff.getByText('Ask an owner or manager')).toBeVisible()
  await expect(staff.getByRole('button', { name: /Sync now|Connect|Save/ })).toHaveCount(0)
  await expect(staff.getByRole('link', { name: /Import reviews/ })).toHaveCount(0)
  await expectNoViolations(staff, 'review sites, as staff')

  await staff.goto('/reviews')
  await expect(staff.getByRole('heading', { name: 'No reviews yet' })).toBeVisible()
  await expect(staff.getByText('Ask an owner or manager.')).toBeVisible()
  await expect(staff.getByRole('link', { name: 'Settings → Review sites' })).toHaveCount(0)
  await expect(staff.getByRole('link', { name: 'Import a CSV file' })).toHaveCount(0)

  await staff.goto('/dashboard')
  const panel = staff.getByRole('region', { name: 'Reviews on other sites' })
  await expect(panel).toContainText('No reviews in this period.', { timeout: 30_000 })
  await expect(panel.getByRole('link')).toHaveCount(0)
  await expect(panel).toContainText('An owner or manager can connect Google, Yelp or Facebook')

  await staff.goto('/responses')
  await expect(staff.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(staff.getByRole('link', { name: 'Import past results' })).toHaveCount(0)

  // With a review to answer: the owner may reply, the staff member may read it only.
  const imported = await page.request.post('/api/reviews/import', {
    headers: { 'x-csrf-token': owner.csrfToken, 'content-type': 'text/csv' },
    data: oneReview,
  })
  expect(imported.status()).toBe(200)
  await page.goto('/reviews')
  await expect(page.getByText('Friendly front desk')).toBeVisible()
  await expect(page.getByRole('button', { name: /^Reply/ })).toBeVisible()
  await staff.goto('/reviews')
  await expect(staff.getByText('Friendly front desk')).toBeVisible()
  await expect(staff.getByRole('button', { name: /^Reply/ })).toHaveCount(0)
  await context.close()
})

test("an owner's empty Reviews page links to Settings → Review sites and the import itself", async ({
  page,
}) => {
  await signUpViaApi(page)
  await page.goto('/reviews')
  await expect(page.getByRole('heading', { name: 'No reviews yet' })).toBeVisible()
  await page.getByRole('link', { name: 'Settings → Review sites' }).click()
  await expect(page).toHaveURL('/settings/review-sites')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review sites')
  await page.goBack()
  await page.getByRole('link', { name: 'Import a CSV file' }).click()
  await expect(page).toHaveURL('/reviews/import')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import reviews')
})
