import { expect, test, type Browser, type Page } from '@playwright/test'
import { expectNoViolations, newOwner, signUpViaApi, type Owner } from './helpers'

const newPassword = 'harbour lanterns at dusk'

/** Another browser signed in as the same person: the laptop at the front desk. */
async function otherBrowser(browser: Browser, owner: Owner) {
  const context = await browser.newContext()
  const page = await context.newPage()
  const signedIn = await page.request.post('/api/session', {
    data: { email: owner.email, password: owner.password },
  })
  expect(signedIn.status()).toBe(200)
  await page.goto('/home')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Dana')
  return { context, page }
}

async function resetLinkIn(page: Page, email: string): Promise<string> {
  const { items } = (await (await page.request.get('/api/outbox')).json()) as {
    items: { to: string; subject: string; link?: string }[]
  }
  const mail = items.find(
    (item) => item.to === email && item.subject === 'Reset your Touchpoint password',
  )
  if (!mail?.link) throw new Error('no reset e-mail in the outbox')
  return mail.link
}

async function expectSignedOut(page: Page) {
  await page.goto('/home')
  await expect(page).toHaveURL(/\/signin/)
}

test('a forgotten password is reset from the sign-in page, and every session ends', async ({
  page,
  browser,
}) => {
  const owner = await signUpViaApi(page)
  const laptop = await otherBrowser(browser, owner)
  // The person who forgot, on a browser that is not signed in.
  const visitor = await (await browser.newContext()).newPage()

  await visitor.goto('/signin')
  await expect(visitor.getByText('Ask your practice owner to invite you again')).toHaveCount(0)
  await visitor.getByRole('link', { name: 'Forgot your password?' }).click()
  await expect(visitor).toHaveURL('/forgot-password')
  await visitor.getByLabel('E-mail').fill(owner.email)
  await visitor.getByRole('button', { name: 'Send reset link' }).click()
  await expect(visitor.getByRole('status')).toContainText('works once, for 30 minutes')
  await expectNoViolations(visitor, 'reset link sent')

  await visitor.goto(await resetLinkIn(page, owner.email))
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Choose a new password')
  await visitor.getByLabel('New password').fill('password1234')
  await visitor.getByRole('button', { name: 'Save new password' }).click()
  await expect(visitor.getByRole('alert')).toContainText('commonly used password')
  await expectNoViolations(visitor, 'reset with a common password')
  await visitor.getByLabel('New password').fill(newPassword)
  await visitor.getByRole('button', { name: 'Save new password' }).click()
  await expect(visitor).toHaveURL('/signin?reset=1')
  await expect(visitor.getByRole('status')).toContainText('Your new password is saved')

  await visitor.getByLabel('E-mail').fill(owner.email)
  await visitor.getByLabel('Password').fill(newPassword)
  await visitor.getByRole('button', { name: 'Sign in' }).click()
  await expect(visitor).toHaveURL('/home')

  // The laptop's next click lands on sign-in, saying why.
  await laptop.page.getByRole('link', { name: 'Dashboard' }).click()
  await expect(laptop.page).toHaveURL(/\/signin\?.*expired=1/)
  await expect(laptop.page.getByRole('status')).toContainText('you were signed out')
  await expectSignedOut(page)

  // The link works once.
  await visitor.goto(await resetLinkIn(visitor, owner.email))
  await visitor.getByLabel('New password').fill('another fine passphrase')
  await visitor.getByRole('button', { name: 'Save new password' }).click()
  await expect(visitor.getByRole('alert').first()).toContainText('already used')
  await laptop.context.close()
})

test('the account page changes the password and signs out everywhere', async ({
  page,
  browser,
}) => {
  const owner = await signUpViaApi(page)
  const laptop = await otherBrowser(browser, owner)
  await page.goto('/home')
  await page.getByRole('button', { name: owner.ownerName }).click()
  await page.getByRole('menuitem', { name: 'Your account' }).click()
  await expect(page).toHaveURL('/settings/account')
  await expectNoViolations(page, 'the account page')

  await page.getByLabel('Current password').fill(owner.password)
  await page.getByLabel('New password').fill(newPassword)
  await page.getByRole('button', { name: 'Change password' }).click()
  // The page has a status line per section (password, how patients name you).
  await expect(
    page.getByRole('region', { name: 'Change your password' }).getByRole('status'),
  ).toContainText('Password changed')
  // This browser stays signed in; the laptop does not.
  await page.getByRole('link', { name: 'Dashboard' }).click()
  await expect(page).toHaveURL('/dashboard')
  await expectSignedOut(laptop.page)

  const phone = await otherBrowser(browser, { ...owner, password: newPassword })
  await page.goto('/settings/account')
  await page.getByRole('button', { name: 'Sign out everywhere' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Sign out everywhere' }).click()
  await expect(page).toHaveURL('/signin?signedOut=everywhere')
  await expect(page.getByRole('status')).toContainText('signed out on every device')
  await expectSignedOut(phone.page)
  await laptop.context.close()
  await phone.context.close()
})

test('sign-up says so when it is closed', async ({ page }) => {
  await page.route('/api/config', async (route) => {
    const response = await route.fetch()
    await route.fulfill({ response, json: { ...(await response.json()), signupOpen: false } })
  })
  await page.goto('/')
  await expect(page.getByRole('link', { name: 'Create your practice' })).toHaveCount(0)
  await page.goto('/signup')
  await expect(page.getByRole('status')).toContainText('Sign-up is closed on this installation')
  await expect(page.getByLabel('Practice name')).toHaveCount(0)
  await expectNoViolations(page, 'sign-up closed')
})

test('sign-up refuses a common password beside the field', async ({ page }) => {
  const owner = { ...newOwner(), password: 'password1234' }
  await page.goto('/signup')
  await page.getByLabel('Practice name').fill(owner.practiceName)
  await page.getByLabel('Specialty').selectOption({ label: 'Primary care' })
  await page.getByLabel('Your name').fill(owner.ownerName)
  await page.getByLabel('E-mail').fill(owner.email)
  await page.getByLabel('Password').fill(owner.password)
  await page.getByRole('button', { name: 'Create practice' }).click()
  await expect(page.getByRole('alert')).toContainText('commonly used password')
  await expect(page).toHaveURL('/signup')
})
