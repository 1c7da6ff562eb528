import { expect, test, type Page } from '@playwright/test'
import { signUpViaApi } from './helpers'

// The column-mapping step of both import pages on a phone: every column's select is on screen
// (not scrolled off to the side of a squeezed table), and the page never scrolls sideways.

const reviewFile =
  'Review date,Rating,Comment from the patient,Reviewer display name,Clinic location\r\n' +
  '3/14/2025,5,"Kind staff, short wait and the doctor explained everything clearly",Jordan P.,North\r\n'
const responseFile =
  'Timestamp,How likely are you to recommend us to a friend or colleague?,' +
  'Anything else you would like to tell us about your visit today?\r\n' +
  '2025-03-14T10:00:00Z,9,"Front desk was friendly and quick"\r\n'

async function expectEverySelectOnScreen(page: Page, columns: string[]) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))
  expect(scrollWidth, 'the page does not scroll sideways').toBeLessThanOrEqual(clientWidth)
  for (const column of columns) {
    const select = page.getByLabel(`Read “${column}” as`)
    // Scrolled into view vertically only: a box that scrolls sideways must not be scrolled for it.
    const seen = await select.evaluate((element) => {
      const top = element.getBoundingClientRect().top + window.scrollY
      window.scrollTo(0, top - window.innerHeight / 2)
      const rect = element.getBoundingClientRect()
      const at = document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2)
      let sideways = false
      for (let box = element.parentElement; box; box = box.parentElement) {
        if (
          box.scrollWidth > box.clientWidth + 1 &&
          getComputedStyle(box).overflowX !== 'visible'
        ) {
          sideways = true
        }
      }
      return {
        left: rect.left,
        right: rect.right,
        hit: at === element || element.contains(at),
        sideways,
      }
    })
    expect(seen.left, `the select for ${column} starts on screen`).toBeGreaterThanOrEqual(0)
    expect(seen.right, `the select for ${column} ends on screen`).toBeLessThanOrEqual(clientWidth)
    expect(seen.hit, `the select for ${column} is not covered or clipped`).toBe(true)
    expect(seen.sideways, `nothing around the select for ${column} scrolls sideways`).toBe(false)
  }
}

test('at 390 px the review import maps each column on a card, every select fully visible', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await signUpViaApi(page)
  await page.goto('/reviews/import')
  await page.getByLabel('CSV file of reviews').setInputFiles({
    name: 'healthgrades.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(reviewFile),
  })
  await expect(page.getByLabel('Read “Rating” as')).toHaveValue('stars')
  await expectEverySelectOnScreen(page, [
    'Review date',
    'Rating',
    'Comment from the patient',
    'Reviewer display name',
    'Clinic location',
  ])
  // The sample value stays readable beside its column.
  await expect(page.getByText('Kind staff, short wait')).toBeVisible()

  // A laptop still gets the table with its column headers.
  await page.setViewportSize({ width: 1280, height: 800 })
  await expect(page.getByRole('columnheader', { name: 'Read as' })).toBeVisible()
})

test('at 390 px the response import maps each column with its select fully visible', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  const owner = await signUpViaApi(page)
  const headers = { 'x-csrf-token': owner.csrfToken }
  const created = await page.request.post('/api/surveys', {
    headers,
    data: { templateId: 'visit-pulse' },
  })
  const survey = (await created.json()) as { id: string }
  await page.request.post(`/api/surveys/${survey.id}/publish`, { headers, data: {} })

  await page.goto('/responses/import')
  await page.getByLabel('Survey the results answer').selectOption({ index: 1 })
  await page.getByLabel('CSV file of responses').setInputFiles({
    name: 'google-forms.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(responseFile),
  })
  await expect(page.getByLabel('Read “Timestamp” as')).toBeVisible()
  await expectEverySelectOnScreen(page, [
    'Timestamp',
    'How likely are you to recommend us to a friend or colleague?',
    'Anything else you would like to tell us about your visit today?',
  ])
})
