import { expect, test } from '@playwright/test'
import { newOwner } from './helpers'

test('sign-up finds a time zone by city and creates the practice in it', async ({ page }) => {
  const owner = newOwner()
  await page.goto('/signup')
  await page.getByLabel('Practice name').fill(owner.practiceName)
  await page.getByLabel('Specialty').selectOption({ label: 'Primary care' })
  // The same searchable field as settings: typing a city narrows the list.
  await page.getByLabel('Find a city or region').fill('madrid')
  await expect(page.getByText(/^\d+ zones? match/)).toBeVisible()
  await page.getByLabel('Time zone', { exact: true }).selectOption('Europe/Madrid')
  await page.getByLabel('Your name').fill(owner.ownerName)
  await page.getByLabel('E-mail').fill(owner.email)
  await page.getByLabel('Password').fill(owner.password)
  await page.getByRole('button', { name: 'Create practice' }).click()
  await expect(page).toHaveURL('/home')

  await page.goto('/settings')
  await expect(page.getByLabel('Time zone', { exact: true })).toHaveValue('Europe/Madrid')
})
