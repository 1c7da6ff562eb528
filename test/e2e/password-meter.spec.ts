import { expect, test } from '@playwright/test'
import { expectNoViolations, newOwner, signUpViaApi } from './helpers'

// The meter under a new-password field says, while the person types, what the server will say at
// submit: its reason for a weak password, or "Strong enough".

test('sign-up says why password1234 is weak before submit, and "Strong enough" for a strong one', async ({
  page,
}) => {
  const owner = newOwner()
  const submits: string[] = []
  page.on('request', (request) => {
    if (request.url().endsWith('/api/practices')) submits.push(request.method())
  })
  await page.goto('/signup')
  await page.getByLabel('Practice name').fill(owner.practiceName)
  await page.getByLabel('Your name').fill(owner.ownerName)
  await page.getByLabel('E-mail').fill(owner.email)
  const password = page.getByLabel('Password')
  const meter = page.locator('.password-meter [aria-live="polite"]')

  await password.pressSequentially('password123', { delay: 20 })
  await expect(meter).toHaveText('Use at least 12 characters')
  await password.press('4')
  await expect(meter).toContainText('This is similar to a commonly used password')
  // Typing was never held up: the field has every character.
  await expect(password).toHaveValue('password1234')
  expect(submits, 'nothing was submitted').toEqual([])
  await expectNoViolations(page, 'sign-up with a weak password noted')

  await password.fill('')
  await password.pressSequentially('tranquil otter sings at dawn', { delay: 15 })
  await expect(meter).toHaveText(/Strong enough/)
  expect(submits).toEqual([])

  // The meter is advice; the form still submits and the server decides.
  await page.getByLabel('Specialty').selectOption({ label: 'Primary care' })
  await page.getByRole('button', { name: 'Create practice' }).click()
  await expect(page).toHaveURL('/home')
})

test('the account page checks a new password against the same rule', async ({ page }) => {
  await signUpViaApi(page)
  await page.goto('/settings/account')
  const meter = page.locator('.password-meter [aria-live="polite"]')
  await page.getByLabel('New password').fill('touchpoint2026')
  // The service's own name counts as a known word, as it does when the change is saved.
  await expect(meter).toHaveText(/There should not be any personal or page related data/)
  await page.getByLabel('New password').fill('marigold tuesday lantern')
  await expect(meter).toHaveText(/Strong enough/)
})
