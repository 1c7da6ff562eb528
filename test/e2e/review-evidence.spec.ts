import { expect, test } from '@playwright/test'
import { signUpViaApi } from './helpers'

// A board page keeps a socket open; on a busy 2-core machine its first load takes a while.
test.describe.configure({ timeout: 120_000 })

test("a review found in a board's evidence panel is labelled with its site, the patient's details redacted, the provider's name kept", async ({
  page,
}) => {
  const owner = await signUpViaApi(page)
  const headers = { 'x-csrf-token': owner.csrfToken }
  const provider = await page.request.post('/api/providers', {
    headers,
    data: { name: 'Anna Reyes', title: 'NP' },
  })
  expect(provider.status()).toBe(201)

  // A Healthgrades review, as the CSV import stores it: the writer's name, phone and visit date, and
  // the provider's name, which the redaction would take too were it not the practice's own.
  const fiveDaysAgo = new Date(Date.now() - 5 * 86400_000).toISOString().slice(0, 10)
  const text =
    'My name is Maria Lopez, call me at 312-555-0147. On 11/20/2026 Anna Reyes explained everything kindly.'
  const imported = await page.request.post('/api/reviews/import', {
    headers: { ...headers, 'content-type': 'text/csv' },
    data: `source,date,stars,text,author,external_id\r\nhealthgrades,${fiveDaysAgo},5,"${text}",Maria L.,hg-evidence-1\r\n`,
  })
  expect(imported.status()).toBe(200)
  expect(((await imported.json()) as { imported: number }).imported).toBe(1)

  const board = await page.request.post('/api/boards', {
    headers,
    data: {
      title: 'Visit huddle',
      persona: 'Parent of a new patient',
      canvasId: 'empathy-map-classic',
    },
  })
  expect(board.status()).toBe(201)
  const boardId = ((await board.json()) as { board: { id: string } }).board.id
  await page.goto(`/w/${boardId}`)
  await expect(page.getByText('Live', { exact: true })).toBeVisible({ timeout: 30_000 })

  await page.getByRole('tab', { name: 'Evidence' }).click()
  await page.getByLabel('Words').fill('explained')
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  const found = page.getByRole('list', { name: 'Comments found' }).getByRole('listitem').filter({
    hasText: 'explained everything kindly',
  })
  await expect(found).toHaveCount(1, { timeout: 20_000 })
  await expect(found).toContainText('Review · Healthgrades · 5 stars')
  const quote = found.getByRole('blockquote')
  await expect(quote).toHaveText(
    '“My name is [removed name], call me at [phone removed]. On [date removed] Anna Reyes explained everything kindly.”',
  )
  // Nothing of the patient anywhere in the panel: not the name, the phone, the date or the author.
  const panel = page.getByRole('tabpanel', { name: 'Evidence' })
  await expect(panel).toContainText('explained everything kindly')
  for (const secret of ['Maria', 'Lopez', '312-555-0147', '11/20/2026']) {
    await expect(panel).not.toContainText(secret)
  }
})
