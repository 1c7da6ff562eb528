import { expect, test, type Browser, type Page } from '@playwright/test'
import { signUpViaApi } from './helpers'

// What people see of a board's privacy and access rules: a revoked guest link takes its guest off
// the board at once, and a note that may be anonymous is written by "someone".
test.describe.configure({ timeout: 120_000 })

async function startBoard(page: Page, csrfToken: string, title: string): Promise<string> {
  const response = await page.request.post('/api/boards', {
    headers: { 'x-csrf-token': csrfToken },
    data: { title, persona: 'New patient booking a skin check', canvasId: 'empathy-map-classic' },
  })
  expect(response.status()).toBe(201)
  return ((await response.json()) as { board: { id: string } }).board.id
}

async function waitLive(page: Page) {
  await expect(page.getByText('Live', { exact: true })).toBeVisible({ timeout: 30_000 })
}

async function joinAsGuest(browser: Browser, link: string, name: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(link)
  await page.getByLabel('Your name (shown to the group)').fill(name)
  await page.getByRole('button', { name: 'Join the workshop' }).click()
  await expect(page).toHaveURL(/\/w\/[0-9A-Z]{26}$/)
  await waitLive(page)
  return { context, page }
}

test('revoking a guest link in the share panel takes its guest off the board at once', async ({
  page,
  browser,
}) => {
  const owner = await signUpViaApi(page)
  const boardId = await startBoard(page, owner.csrfToken, 'Front desk huddle')
  await page.goto(`/w/${boardId}`)
  await waitLive(page)
  await page.getByRole('tab', { name: 'Share & export' }).click()
  await page.getByRole('button', { name: 'Create guest link' }).click()
  const link = await page.getByLabel('Guest link', { exact: true }).inputValue()
  const guest = await joinAsGuest(browser, link, 'Ana Lima')

  // The list says who made the link and how many joined, and never shows its token.
  await page.getByRole('tab', { name: 'Share & export' }).click()
  const row = page.getByTestId('guest-link-row')
  await page.getByRole('button', { name: 'Create another link' }).click() // re-reads the list
  await expect(row).toHaveCount(2)
  const first = row.filter({ hasText: 'Link 1,' })
  await expect(first).toContainText('by Dana')
  await expect(first).toContainText('1 guest joined')
  await first.getByRole('button', { name: 'Revoke link 1' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Link 1 revoked' })).toBeVisible()
  await expect(first).toContainText('Revoked')

  await expect(
    guest.page.getByRole('heading', { name: 'You are not on this board any more' }),
  ).toBeVisible({ timeout: 15_000 })
  await expect(guest.page.getByText('expired or was revoked')).toBeVisible()
  await guest.context.close()
})

test('where anonymous notes are allowed, the writing line names nobody', async ({
  page,
  browser,
}) => {
  const owner = await signUpViaApi(page)
  const boardId = await startBoard(page, owner.csrfToken, 'Anonymous pains')
  const response = await page.request.post(`/api/boards/${boardId}/guest-links`, {
    headers: { 'x-csrf-token': owner.csrfToken },
    data: {},
  })
  const link = ((await response.json()) as { url: string }).url
  await page.goto(`/w/${boardId}`)
  await waitLive(page)
  // On by default on this canvas; the test turns it on if a default changes.
  const allow = page.getByRole('switch', { name: 'Allow anonymous notes' })
  await expect(allow).toBeVisible()
  if (!(await allow.isChecked())) await allow.press('Space')
  await expect(allow).toBeChecked()

  const guest = await joinAsGuest(browser, link, 'Ana Lima')
  await guest.page.getByRole('button', { name: 'Add a note to Thinks' }).click()
  await guest.page.getByLabel('Post anonymously').check()
  await guest.page.getByLabel('Your note for Thinks').fill('I am scared of the biopsy')
  await expect(page.getByText('Someone is writing in Thinks')).toBeVisible()
  await expect(page.getByText('Ana Lima is writing')).toHaveCount(0)
  await guest.context.close()
})
