import { randomBytes } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test'

const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** Runs axe on the page as it is now; a failure lists each rule with the elements that break it. */
export async function expectNoViolations(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(axeTags).analyze()
  const found = violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  )
  expect(found, `axe violations on ${state}`).toEqual([])
}

/** Fresh for every call, so tests never share a practice and can run in parallel. */
export const uniqueEmail = (who: string) =>
  `${who}-${Date.now()}-${randomBytes(3).toString('hex')}@example.test`

export const goodPassword = 'a long enough password'

export interface Owner {
  practiceName: string
  ownerName: string
  email: string
  password: string
}

export function newOwner(): Owner {
  const id = randomBytes(2).toString('hex')
  return {
    practiceName: `Riverside Family Practice ${id}`,
    ownerName: 'Dana Whitfield',
    email: uniqueEmail('owner'),
    password: goodPassword,
  }
}

/** Creates a practice through the sign-up page, as a new owner would, and waits for /home. */
export async function signUp(page: Page, owner: Owner = newOwner()): Promise<Owner> {
  await page.goto('/signup')
  await page.getByLabel('Practice name').fill(owner.practiceName)
  await page.getByLabel('Specialty').selectOption({ label: 'Primary care' })
  await page.getByLabel('Time zone').selectOption('America/Chicago')
  await page.getByLabel('Your name').fill(owner.ownerName)
  await page.getByLabel('E-mail').fill(owner.email)
  await page.getByLabel('Password').fill(owner.password)
  await page.getByRole('button', { name: 'Create practice' }).click()
  await expect(page).toHaveURL('/home')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Dana')
  return owner
}

/**
 * Creates a practice through the API with the page's own cookie jar, so the page is signed in as
 * its owner. For tests about other pages, where the sign-up form is not the point.
 */
export async function signUpViaApi(
  page: Page,
  owner: Owner = newOwner(),
): Promise<Owner & { csrfToken: string }> {
  const response = await page.request.post('/api/practices', {
    data: {
      practiceName: owner.practiceName,
      specialty: 'dermatology',
      timeZone: 'America/Chicago',
      ownerName: owner.ownerName,
      email: owner.email,
      password: owner.password,
    },
  })
  expect(response.status()).toBe(201)
  const me = (await response.json()) as { csrfToken: string }
  return { ...owner, csrfToken: me.csrfToken }
}

/** Opens the user menu (its button reads the person's name) and signs out. */
export async function signOut(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name }).click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  await expect(page).toHaveURL('/')
}

/**
 * Invites a colleague through the API (as the team page does) and has them accept, in a browser
 * context of their own, so they are signed in there. Close the context when done.
 */
export async function inviteColleague(
  page: Page,
  browser: Browser,
  csrfToken: string,
  name: string,
  role: 'manager' | 'staff' | 'committee' = 'staff',
): Promise<{ context: BrowserContext; page: Page }> {
  const invited = await page.request.post('/api/invitations', {
    headers: { 'x-csrf-token': csrfToken },
    data: { email: uniqueEmail(role), role },
  })
  expect(invited.status()).toBe(201)
  const { link } = (await invited.json()) as { link: string }
  const context = await browser.newContext()
  const colleague = await context.newPage()
  const joined = await colleague.request.post('/api/join', {
    data: { token: new URL(link).hash.replace('#token=', ''), name, password: goodPassword },
  })
  expect(joined.status()).toBe(201)
  return { context, page: colleague }
}
