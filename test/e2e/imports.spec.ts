import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { expectNoViolations, signUpViaApi } from './helpers'

test.describe.configure({ timeout: 300_000 })

const csvCell = (value: string | number) => {
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
const csvOf = (rows: (string | number)[][]) =>
  rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'

async function newLocation(page: Page, csrfToken: string, name: string) {
  const res = await page.request.post('/api/locations', {
    headers: { 'x-csrf-token': csrfToken },
    data: { name },
  })
  expect(res.status()).toBe(201)
}

test('a manager imports 3,000 Healthgrades reviews, watches the progress and reads the rejected rows', async ({
  page,
}) => {
  const owner = await signUpViaApi(page)
  await newLocation(page, owner.csrfToken, 'North Clinic')
  // A file of the person's own: other column names, US dates, no site column; every 100th row
  // has 7 stars and is rejected.
  const rows: (string | number)[][] = [['Review date', 'Rating', 'Comment', 'Reviewer', 'Clinic']]
  for (let n = 0; n < 3000; n++) {
    const stars = n % 100 === 7 ? 7 : (n % 5) + 1
    const text = n === 7 ? '=HYPERLINK("http://x") bad' : `Kind staff, visit ${n}`
    rows.push([`${1 + (n % 12)}/${1 + (n % 28)}/2025`, stars, text, `Patient ${n}`, 'North Clinic'])
  }

  await page.goto('/reviews/import')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import reviews')
  await expect(page.getByText(/Healthgrades, Vitals and Zocdoc\s+have no export/)).toBeVisible()
  await expectNoViolations(page, 'the review import page')
  const template = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download the template (CSV)' }).click()
  const templateText = await readFile((await (await template).path())!, 'utf8')
  expect(templateText).toMatch(
    /^\uFEFFsource,date,stars,text,author,url,reply,reply_date,location,external_id\r\n/,
  )

  await page.getByLabel('CSV file of reviews').setInputFiles({
    name: 'healthgrades.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csvOf(rows)),
  })
  await expect(page.getByText('healthgrades.csv: 3,000 rows, 5 columns.')).toBeVisible()
  // The columns were guessed onto the template; the site is chosen for the whole file.
  await expect(page.getByLabel('Read “Rating” as')).toHaveValue('stars')
  await expect(page.getByLabel('Read “Review date” as')).toHaveValue('date')
  await expect(page.getByLabel('Read “Reviewer” as')).toHaveValue('author')
  await page.getByLabel('Site of every review in this file').selectOption('healthgrades')
  await expect(page.getByLabel('How the file writes dates')).toHaveValue('mdy')
  const preview = page.getByRole('region', { name: 'Preview of the first rows' })
  await expect(preview.getByRole('row')).toHaveCount(11)
  await expect(preview.getByRole('row').nth(1)).toContainText('healthgrades2025-01-011')
  await expectNoViolations(page, 'the mapped review file')

  await page.getByRole('button', { name: 'Import 3,000 rows' }).click()
  const progress = page.locator('progress')
  const said = page.getByRole('status').filter({ hasText: / of 3,000 rows$/ })
  await expect(said).toHaveText('1,000 of 3,000 rows', {
    timeout: 120_000,
  })
  expect(Number(await progress.getAttribute('value'))).toBeGreaterThanOrEqual(1000)
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({
    timeout: 240_000,
  })
  await expect(said).toHaveText('3,000 of 3,000 rows')
  await expect(page.getByText('2,970 reviews imported')).toBeVisible()
  await expect(page.getByText('30 rows rejected')).toBeVisible()
  const rejected = page.getByRole('table', { name: 'Rejected rows' })
  // Numbered as in the file: data row n is file row n + 2, across the 1,000-row parts.
  await expect(rejected.getByRole('row').nth(1)).toHaveText(
    '9stars: expected a whole number from 1 to 5',
  )
  await expect(rejected.getByRole('row').nth(30)).toHaveText(
    '2909stars: expected a whole number from 1 to 5',
  )
  await expectNoViolations(page, 'the review import summary')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download rejected rows (CSV)' }).click()
  const text = await readFile((await (await download).path())!, 'utf8')
  const lines = text.trimEnd().split('\r\n')
  expect(lines).toHaveLength(31)
  expect(lines[0]).toBe('\uFEFFrow,reason,Review date,Rating,Comment,Reviewer,Clinic')
  // Spreadsheet-safe: the formula a reviewer typed is neutralised.
  expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"") bad"`)

  // The same file again changes nothing.
  await page.getByRole('button', { name: 'Import 3,000 rows' }).click()
  await expect(page.getByText('0 reviews imported')).toBeVisible({ timeout: 240_000 })
  await expect(page.getByText('2,970 already here, unchanged')).toBeVisible()
})

test('an owner maps a SurveyMonkey export onto a survey and imports its past results', async ({
  page,
}) => {
  const owner = await signUpViaApi(page)
  await newLocation(page, owner.csrfToken, 'North Clinic')
  const headers = { 'x-csrf-token': owner.csrfToken }
  const created = await page.request.post('/api/surveys', {
    headers,
    data: { templateId: 'visit-pulse' },
  })
  const survey = (await created.json()) as { id: string }
  await page.request.post(`/api/surveys/${survey.id}/publish`, { headers, data: {} })

  // SurveyMonkey's two header rows: questions, then sub-headers.
  const file = csvOf([
    [
      'Respondent ID',
      'Collector ID',
      'Start Date',
      'End Date',
      'How likely are you to recommend us?',
      'Anything to improve?',
      'Which office?',
    ],
    ['', '', '', '', 'Response', 'Open-Ended Response', 'Response'],
    [
      '1001',
      '9',
      '03/14/2025 09:05:00 AM',
      '03/14/2025 09:07:00 AM',
      '9',
      'Kind nurse',
      'North Clinic',
    ],
    [
      '1002',
      '9',
      '03/15/2025 02:00:00 PM',
      '03/15/2025 02:03:00 PM',
      '4',
      'The wait was far too long',
      'North Clinic',
    ],
    ['1003', '9', '03/16/2025 10:00:00 AM', '03/16/2025 10:01:00 AM', 'eleven', '', 'North Clinic'],
  ])

  await page.goto('/responses')
  await page.getByRole('link', { name: 'Import past results' }).click()
  await expect(page).toHaveURL('/responses/import')
  await expectNoViolations(page, 'the response import page')
  await page.getByLabel('Survey the results answer').selectOption({ index: 1 })
  await page.getByLabel('CSV file of responses').setInputFiles({
    name: 'surveymonkey.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(file),
  })
  await expect(page.getByText(/3 rows, 7 columns \(two header rows, read as one\)/)).toBeVisible()
  await expect(page.getByLabel('Read “Respondent ID” as')).toHaveValue('external_id')
  await expect(page.getByLabel('Read “End Date” as')).toHaveValue('date')
  await page.getByLabel('Read “How likely are you to recommend us?” as').selectOption('recommend')
  await page.getByLabel('Read “Anything to improve?” as').selectOption('improve')
  await page.getByLabel('Read “Which office?” as').selectOption('location')
  const preview = page.getByRole('region', { name: 'Preview of the first rows' })
  await expect(preview.getByRole('row').nth(1)).toContainText('10012025-03-14T09:07:009')
  await expectNoViolations(page, 'the mapped response file')

  await page.getByRole('button', { name: 'Import 3 rows' }).click()
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({
    timeout: 60_000,
  })
  await expect(page.getByText('2 responses imported')).toBeVisible()
  const rejected = page.getByRole('table', { name: 'Rejected rows' })
  // The file's row 5: two header rows, then the third response.
  await expect(rejected.getByRole('row').nth(1)).toHaveText(
    '5recommend: Expected a whole number from 0 to 10',
  )

  await page.goto('/responses?from=2025-01-01')
  // Two years of month partitions are read for the total: on a busy machine more than 7 s.
  await expect(page.getByRole('status').filter({ hasText: /^2 responses$/ })).toBeVisible({
    timeout: 30_000,
  })
})
