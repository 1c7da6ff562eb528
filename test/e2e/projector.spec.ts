import { expect, test, type Page } from '@playwright/test'
import { signUpViaApi } from './helpers'

// A journey map on a room's projector: 1920×1080, read from the back of the room.
test.describe.configure({ timeout: 120_000 })
test.use({ viewport: { width: 1920, height: 1080 } })

async function startJourneyMap(page: Page, csrfToken: string): Promise<string> {
  const response = await page.request.post('/api/boards', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      title: 'Skin check, end to end',
      persona: 'New patient booking a skin check',
      canvasId: 'journey-map',
    },
  })
  expect(response.status()).toBe(201)
  return ((await response.json()) as { board: { id: string } }).board.id
}

/** The journey's column titles that lie wholly inside the window. */
async function columnsInView(page: Page): Promise<number> {
  return page.locator('.column-title').evaluateAll(
    (titles) =>
      titles.filter((title) => {
        const box = title.getBoundingClientRect()
        return box.width > 0 && box.left >= 0 && box.right <= window.innerWidth
      }).length,
  )
}

test('a journey map fits its seven touch points with the side panel hidden, and presents', async ({
  page,
}) => {
  const owner = await signUpViaApi(page)
  const boardId = await startJourneyMap(page, owner.csrfToken)
  await page.goto(`/w/${boardId}`)
  await expect(page.getByText('Live', { exact: true })).toBeVisible({ timeout: 30_000 })
  await expect(page.locator('.column-title')).toHaveCount(7)

  const toggle = page.getByRole('button', { name: 'Hide board tools' })
  await toggle.click()
  await expect(page.getByRole('complementary', { name: 'Board tools' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Show board tools' })).toHaveAttribute(
    'aria-expanded',
    'false',
  )
  expect(await columnsInView(page)).toBe(7)
  const scroller = page.locator('.journey-scroll')
  expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1920)

  // Remembered: the projector laptop keeps the panel hidden on the next board it opens.
  await page.reload()
  await expect(page.getByText('Live', { exact: true })).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('button', { name: 'Show board tools' })).toBeVisible()
  await expect(page.getByRole('complementary', { name: 'Board tools' })).toHaveCount(0)

  // Presenter mode: the header goes, the type grows, Esc brings it all back.
  const before = await page
    .locator('.column-title')
    .first()
    .evaluate((el) => getComputedStyle(el).fontSize)
  await page.getByRole('button', { name: 'Presenter mode' }).click()
  await expect(page.getByRole('banner')).toHaveCount(0)
  await expect(page.getByText('Presenter mode · Esc leaves')).toBeVisible()
  const presenting = await page
    .locator('.column-title')
    .first()
    .evaluate((el) => getComputedStyle(el).fontSize)
  expect(parseFloat(presenting)).toBeGreaterThan(parseFloat(before))
  expect(await columnsInView(page)).toBe(7)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('banner')).toHaveCount(1)
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toBeVisible()

  await page.getByRole('button', { name: 'Show board tools' }).click()
  await expect(page.getByRole('complementary', { name: 'Board tools' })).toBeVisible()
})
