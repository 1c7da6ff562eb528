import { expect, test, type Page } from '@playwright/test'
import { expectNoViolations, signUpViaApi, uniqueEmail } from './helpers'

const chosenTheme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme)

async function visit(page: Page, path: string, heading: string | RegExp) {
  await page.goto(path)
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme })

    test('public pages have no axe violations', async ({ page }) => {
      await visit(page, '/', /Hear from your patients/)
      await expectNoViolations(page, 'the welcome page')

      await visit(page, '/signup', 'Create your practice')
      await expectNoViolations(page, 'sign-up')
      await page.getByRole('button', { name: 'Create practice' }).click()
      await expect(page.getByRole('alert')).toContainText('There is a problem')
      await expectNoViolations(page, 'sign-up with errors')

      await visit(page, '/signin', 'Sign in')
      await expectNoViolations(page, 'sign-in')
      await page.getByLabel('E-mail').fill(uniqueEmail('nobody'))
      await page.getByLabel('Password').fill('not a real password')
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expect(page.getByRole('alert')).toContainText('do not match')
      await expectNoViolations(page, 'sign-in with a wrong password')

      await visit(page, '/join', 'Join a practice')
      await expectNoViolations(page, 'join without a link')
      await visit(page, '/join#token=not-a-real-token', 'This invitation cannot be used')
      await expectNoViolations(page, 'join with an unusable link')

      await visit(page, '/no-such-page', 'Page not found')
      await expectNoViolations(page, 'the not-found page')
    })

    test('signed-in pages have no axe violations', async ({ page }) => {
      // One sweep over every signed-in page and state, each with an axe run: long on a busy machine.
      test.setTimeout(120_000)
      const owner = await signUpViaApi(page)
      const headers = { 'x-csrf-token': owner.csrfToken }
      const location = await page.request.post('/api/locations', {
        headers,
        data: { name: 'Main Street clinic', address: '12 Main St' },
      })
      expect(location.status()).toBe(201)
      const { id } = (await location.json()) as { id: string }
      const provider = await page.request.post('/api/providers', {
        headers,
        data: { name: 'Dr. Ana Ruiz', title: 'MD', locationIds: [id] },
      })
      expect(provider.status()).toBe(201)

      await visit(page, '/home', 'Welcome, Dana')
      await expectNoViolations(page, 'home')

      await page.getByRole('button', { name: owner.ownerName }).click()
      await expect(page.getByRole('menu')).toBeVisible()
      await expectNoViolations(page, 'the open user menu')
      await page.keyboard.press('Escape')

      await visit(page, '/settings', 'Practice settings')
      await expectNoViolations(page, 'practice settings')
      await page.getByRole('button', { name: 'Save changes' }).click()
      await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible()
      await expectNoViolations(page, 'practice settings after saving')

      await visit(page, '/settings/locations', 'Locations')
      await expectNoViolations(page, 'locations')
      await page.getByRole('button', { name: 'Edit Main Street clinic' }).click()
      await expect(page.getByRole('dialog', { name: 'Edit location' })).toBeVisible()
      await expectNoViolations(page, 'the edit-location dialog')
      await page.keyboard.press('Escape')
      await page.getByRole('button', { name: 'Remove Main Street clinic' }).click()
      await expect(page.getByRole('alertdialog')).toBeVisible()
      await expectNoViolations(page, 'the remove-location confirmation')
      await page.keyboard.press('Escape')

      await visit(page, '/settings/providers', 'Providers')
      await expectNoViolations(page, 'providers')

      await visit(page, '/settings/team', 'Team')
      await page.getByLabel('E-mail').fill(uniqueEmail('staff'))
      await page.getByRole('button', { name: 'Send invitation' }).click()
      await expect(page.getByLabel('Invitation link')).toBeVisible()
      await expectNoViolations(page, 'team with a new invitation')

      await visit(page, '/outbox', 'Outbox')
      await expect(page.getByRole('link', { name: /Open link/ }).first()).toBeVisible()
      await expectNoViolations(page, 'the outbox')

      await page.setViewportSize({ width: 360, height: 740 })
      await visit(page, '/home', 'Welcome, Dana')
      await page.getByRole('button', { name: 'Menu' }).click()
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
      await expectNoViolations(page, 'home at 360 px with the menu open')
    })
  })
}

test('the theme chosen in the user menu applies at once and is remembered', async ({ page }) => {
  const owner = await signUpViaApi(page)
  await page.emulateMedia({ colorScheme: 'light' })
  await visit(page, '/home', 'Welcome, Dana')

  await page.getByRole('button', { name: owner.ownerName }).click()
  await page.getByRole('menuitemradio', { name: 'Dark' }).click()
  await expect.poll(() => chosenTheme(page)).toBe('dark')
  await page.keyboard.press('Escape')
  await expectNoViolations(page, 'home in the chosen dark theme')

  await page.reload()
  await expect.poll(() => chosenTheme(page)).toBe('dark')
  await page.getByRole('button', { name: owner.ownerName }).click()
  await expect(page.getByRole('menuitemradio', { name: 'Dark' })).toBeChecked()
  await page.getByRole('menuitemradio', { name: 'System' }).click()
  await expect.poll(() => chosenTheme(page)).toBeUndefined()
})
