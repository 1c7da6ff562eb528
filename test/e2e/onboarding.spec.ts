import { expect, test } from '@playwright/test'
import { goodPassword, newOwner, signOut, signUp, signUpViaApi } from './helpers'

test('a new owner creates a practice, signs out and signs back in', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('link', { name: 'Create your practice' }).click()
  await expect(page.getByRole('heading', { name: 'Create your practice' })).toBeVisible()

  const owner = await signUp(page)
  await expect(page).toHaveTitle(/Home/)
  await expect(page.getByRole('banner')).toContainText(owner.practiceName)
  await expect(page.getByRole('heading', { name: 'Getting started' })).toBeVisible()
  await expect(page.getByRole('link', { name: /Add your locations/ })).toBeVisible()

  await page.getByRole('button', { name: owner.ownerName }).click()
  await expect(page.getByRole('menu')).toContainText(`Signed in as ${owner.ownerName} · Owner`)
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  await expect(page).toHaveURL('/')

  // Signed out, the app's pages send people to sign in.
  await page.goto('/home')
  await expect(page).toHaveURL(/\/signin\?next=%2Fhome/)

  await page.getByLabel('E-mail').fill(owner.email)
  await page.getByLabel('Password').fill(owner.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL('/home')
  await expect(page.getByRole('banner')).toContainText(owner.practiceName)
})

test('a wrong password is refused with a clear message', async ({ page, browser }) => {
  // The owner signs up in a context of their own; this page stays signed out.
  const ownerContext = await browser.newContext()
  const owner = await signUpViaApi(await ownerContext.newPage())
  await ownerContext.close()

  await page.goto('/signin')
  await page.getByLabel('E-mail').fill(owner.email)
  await page.getByLabel('Password').fill('not the right password')
  await page.getByRole('button', { name: 'Sign in' }).click()

  await expect(page.getByRole('alert')).toContainText('That e-mail and password do not match.')
  await expect(page).toHaveURL('/signin')
  // The e-mail stays, so only the password needs typing again.
  await expect(page.getByLabel('E-mail')).toHaveValue(owner.email)
})

test('after signing in, people return to the page they asked for', async ({ page, browser }) => {
  const ownerContext = await browser.newContext()
  const owner = await signUpViaApi(await ownerContext.newPage())
  await ownerContext.close()

  await page.goto('/settings/team')
  await expect(page).toHaveURL(/\/signin\?next=/)
  await page.getByLabel('E-mail').fill(owner.email)
  await page.getByLabel('Password').fill(owner.password)
  await page.getByRole('button', { name: 'Sign in' }).click()

  await expect(page).toHaveURL('/settings/team')
  await expect(page.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible()
})

test('sign-up shows each problem beside its field and focuses the first', async ({
  page,
  browser,
}) => {
  const taken = newOwner()
  const context = await browser.newContext()
  await signUpViaApi(await context.newPage(), taken)
  await context.close()

  await page.goto('/signup')
  await page.getByRole('button', { name: 'Create practice' }).click()
  await expect(page.getByRole('alert')).toContainText('There is a problem')
  await expect(page.getByLabel('Practice name')).toBeFocused()
  await expect(page.getByLabel('Practice name')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/at least 12 characters/i)

  // The server's answer for an e-mail already in use lands beside the E-mail field.
  await page.getByLabel('Practice name').fill('Second Practice')
  await page.getByLabel('Specialty').selectOption({ label: 'Dental' })
  await page.getByLabel('Your name').fill('Someone Else')
  await page.getByLabel('E-mail').fill(taken.email)
  await page.getByLabel('Password').fill(goodPassword)
  await page.getByRole('button', { name: 'Create practice' }).click()

  const email = page.getByLabel('E-mail')
  await expect(email).toBeFocused()
  await expect(email).toHaveAttribute('aria-invalid', 'true')
  await expect(email).toHaveAccessibleDescription(/already exists/)
  await expect(page.getByLabel('Practice name')).not.toHaveAttribute('aria-invalid', 'true')
  await expect(page).toHaveURL('/signup')
})

test('signed-in visitors to the welcome page go to their home page', async ({ page }) => {
  const owner = await signUpViaApi(page)
  await page.goto('/')
  await expect(page).toHaveURL('/home')
  await signOut(page, owner.ownerName)
  await expect(page.getByRole('link', { name: 'Create your practice' })).toBeVisible()
})
