import { expect, test, type Page } from '@playwright/test'
import { expectNoViolations } from './helpers'

/**
 * The demo practice shows the governance committee at work: a visitor who tries the demo finds
 * three cases on the Cases page, one of them past its 72-hour review clock, and the check-in
 * case's text-ahead pre-registration fix reads "Improved" on its run chart.
 */

/** axe in both themes: the demo's content (clocks, nudges, the chart) must pass as empty pages do. */
async function bothThemes(page: Page, state: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await expectNoViolations(page, `${state} (${colorScheme})`)
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

// Making the demo writes some 2,000 responses (demo-practice.ts measured 99-116 s here).
test.describe.configure({ timeout: 240_000 })

test('a visitor to the demo finds the committee’s cases and a fix that improved check-in', async ({
  page,
}) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Explore a demo practice' }).click()
  await expect(page).toHaveURL('/dashboard', { timeout: 180_000 })

  await page.goto('/cases')
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible()
  for (const title of [
    'Check-in lines at the front desk',
    'Billing statements patients cannot read',
    'Biopsy results took more than two weeks to reach a patient',
  ])
    await expect(page.getByRole('link', { name: title })).toBeVisible()
  const late = page.getByRole('region', { name: 'Past 72 hours' })
  await expect(
    late.getByRole('link', { name: 'Biopsy results took more than two weeks to reach a patient' }),
  ).toBeVisible()
  await expect(late.getByRole('link')).toHaveCount(1)
  await bothThemes(page, 'the demo’s cases')

  await page.getByRole('link', { name: 'Check-in lines at the front desk' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: 'Check-in lines at the front desk' }),
  ).toBeVisible()
  const fix = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Text-ahead pre-registration' }) })
  await expect(fix.getByText('Stronger', { exact: true })).toBeVisible()
  await expect(fix.locator('.verdict')).toHaveText(/^\W*Improved$/, { timeout: 20_000 })
  await expect(fix.getByRole('img', { name: /run chart/i })).toBeVisible()
  await bothThemes(page, 'the demo’s check-in case')

  await page.goto('/governance')
  await expect(page.getByText('Marisol Vega').first()).toBeVisible()
  await bothThemes(page, 'the demo’s committee')
})
