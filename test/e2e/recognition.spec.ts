import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { isoWeekOf } from '../../functions/src/domain/moments/iso-week'
import { expectNoViolations, inviteColleague, signUpViaApi } from './helpers'

const views = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const

/** axe at a phone's and a laptop's size, in the light and the dark theme. */
async function axeEverywhere(page: Page, state: string) {
  for (const view of views) {
    await page.setViewportSize(view)
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await expectNoViolations(page, `${state} at ${view.width}px, ${colorScheme}`)
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

/** A published visit-pulse survey; answers post through the public route, as a patient's phone does. */
async function publicSurvey(request: APIRequestContext, headers: Record<string, string>) {
  const created = await request.post('/api/surveys', {
    headers,
    data: { templateId: 'visit-pulse' },
  })
  expect(created.status()).toBe(201)
  const { id } = (await created.json()) as { id: string }
  expect((await request.post(`/api/surveys/${id}/publish`, { headers, data: {} })).status()).toBe(
    200,
  )
  let n = 0
  return async (improve: string) => {
    const answered = await request.post(`/api/public/surveys/${id}/responses`, {
      data: {
        idempotencyKey: `recognition-${Date.now()}-${n++}-${Math.random().toString(36).slice(2)}`,
        language: 'en',
        answers: { recommend: 10, booking: 5, 'check-in': 5, visit: 5, improve },
      },
    })
    expect(answered.status(), await answered.text()).toBe(201)
  }
}

async function candidateNames(request: APIRequestContext): Promise<string[]> {
  const res = await request.get('/api/moments/candidates')
  expect(res.status()).toBe(200)
  const { items } = (await res.json()) as { items: { staff: { name: string }[] }[] }
  return items.flatMap((item) => item.staff.map((s) => s.name))
}

test('the owner gives a staffer an alias, patients praise her by it, and her "don\'t feature me" takes her off the candidates and the wall', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000)
  const owner = await signUpViaApi(page)
  const headers = { 'x-csrf-token': owner.csrfToken }
  const maria = await inviteColleague(page, browser, owner.csrfToken, 'Maria Lopez', 'staff')
  const comment = await publicSurvey(page.request, headers)

  // The owner adds "Mari" on the team page: type, Enter; a second one is removed again with ×.
  await page.goto('/settings/team')
  await page.getByRole('button', { name: 'Edit aliases of Maria Lopez' }).click()
  const dialog = page.getByRole('dialog', { name: 'Aliases of Maria Lopez' })
  const aliases = dialog.getByLabel('Aliases', { exact: true })
  await aliases.fill('Mari')
  await aliases.press('Enter')
  await aliases.fill('Lopecita')
  await aliases.press('Enter')
  await aliases.fill('mari')
  await aliases.press('Enter')
  await expect(dialog.getByText('“mari” is already there')).toBeVisible()
  await dialog.getByRole('button', { name: 'Remove Lopecita' }).click()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status')).toHaveText('Saved the aliases of Maria Lopez.')
  await expect(page.getByRole('list', { name: 'Aliases of Maria Lopez' })).toHaveText('Mari')

  // A patient praises her by the alias: she is a candidate, and on the wall.
  await comment('The wait was long but Mari at the front desk kept us informed the whole time.')
  expect(await candidateNames(page.request)).toContain('Maria Lopez')
  await page.goto('/moments/recognition')
  const wall = page.getByRole('list', { name: 'Most recognised first' })
  await expect(wall.getByRole('link', { name: 'Maria Lopez' })).toBeVisible()
  await expect(wall).toContainText('Mentioned by patients 1 time this quarter')
  await expect(
    wall.getByRole('list', { name: 'What patients praised Maria Lopez for' }),
  ).toContainText('Kept us informed')

  // Maria opts out on her own account page.
  await maria.page.goto('/settings/account')
  await expect(maria.page.getByRole('list', { name: 'Aliases added' })).toHaveText(/Mari/)
  // Her own page speaks to her, not about her.
  await expect(maria.page.getByRole('textbox', { name: 'Aliases' })).toHaveAccessibleDescription(
    'What patients call you in comments and reviews. Press Enter after each one.',
  )
  const optOut = maria.page.getByRole('checkbox', { name: 'Don’t feature me' })
  await expect(optOut).toHaveAccessibleDescription(
    'You will not appear in moments, on the recognition wall or in the team view, and patients’ stories that name you are not suggested.',
  )
  await optOut.check()
  await maria.page.getByRole('button', { name: 'Save' }).click()
  await expect(maria.page.getByRole('status')).toHaveText('Saved. You will not be featured.')
  await maria.page.reload()
  await expect(maria.page.getByRole('checkbox', { name: 'Don’t feature me' })).toBeChecked()
  await maria.context.close()

  // The manager's candidates no longer name her, and the wall no longer lists her.
  expect(await candidateNames(page.request)).not.toContain('Maria Lopez')
  await page.goto('/moments/recognition')
  await expect(
    page.getByRole('heading', { name: 'No one recognised this quarter yet' }),
  ).toBeVisible()
  await expect(page.getByText('Maria Lopez')).toHaveCount(0)
  await page.goto('/settings/team')
  await expect(page.getByRole('row', { name: /Maria Lopez/ })).toContainText('Not featured')
})

test('a provider gets aliases and "don\'t feature" in Settings → Providers', async ({ page }) => {
  await signUpViaApi(page)
  await page.goto('/settings/providers')
  await page.getByLabel('Name', { exact: true }).fill('Dr. Helen Okafor')
  const aliases = page.getByLabel('Aliases', { exact: true })
  await aliases.fill('Dr. O')
  await aliases.press('Enter')
  await page.getByRole('button', { name: 'Add provider' }).click()
  await expect(page.getByRole('status')).toHaveText('Added Dr. Helen Okafor.')
  await expect(page.getByText('Also known as Dr. O')).toBeVisible()
  await page.getByRole('button', { name: 'Edit Dr. Helen Okafor' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit provider' })
  await dialog.getByRole('checkbox', { name: /Don’t feature this provider/ }).check()
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('Not featured')).toBeVisible()
  const { items } = (await (await page.request.get('/api/providers')).json()) as {
    items: { aliases: string[]; featureOptOut: boolean }[]
  }
  expect(items).toEqual([expect.objectContaining({ aliases: ['Dr. O'], featureOptOut: true })])
})

test("the wall, a person's wall and the history show this week's moment, its praise themes, and the share of weeks with one", async ({
  page,
}) => {
  test.setTimeout(180_000)
  const owner = await signUpViaApi(page)
  const headers = { 'x-csrf-token': owner.csrfToken }

  // A new practice: every page says what to do first.
  await page.goto('/moments/recognition')
  await expect(
    page.getByRole('heading', { name: 'No one recognised this quarter yet' }),
  ).toBeVisible()
  await axeEverywhere(page, 'the empty wall')
  await page.goto('/moments/history')
  await expect(page.getByText(/No moments this quarter yet/)).toBeVisible()

  const provider = await page.request.post('/api/providers', {
    headers,
    data: { name: 'Dr. Helen Okafor', title: 'MD', aliases: ['Dr. O'] },
  })
  const { id: okaforId } = (await provider.json()) as { id: string }
  const made = await page.request.post('/api/moments', {
    headers,
    data: {
      week: isoWeekOf(new Date(), 'America/Chicago'),
      quote: 'Dr. O listened to every worry my mother had and explained the results twice.',
      staff: [{ kind: 'provider', id: okaforId }],
      whatTheyDid: 'Sat down with the family after clinic hours',
      patientGain: 'My mother went home understanding her treatment and slept that night',
    },
  })
  expect(made.status(), await made.text()).toBe(201)

  await page.goto('/moments/recognition')
  const wall = page.getByRole('list', { name: 'Most recognised first' })
  await expect(wall).toContainText('1 moment')
  await axeEverywhere(page, 'the wall')
  await page.setViewportSize({ width: 1280, height: 800 })
  await wall.getByRole('link', { name: 'Dr. Helen Okafor' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dr. Helen Okafor')
  await expect(page.getByRole('blockquote')).toContainText('listened to every worry')
  await expect(page.getByText('recognised in 1 moment')).toBeVisible()
  await axeEverywhere(page, "a person's wall")

  await page.goto('/moments/history')
  await expect(page.getByText(/1 of \d+ weeks? had a moment this quarter/)).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Praise themes over time' })).toBeVisible()
  await page.getByText('Praise themes per month: the numbers as a table').click()
  await expect(page.getByRole('row', { name: /Listened/ })).toContainText('1')
  await expect(page.getByRole('row', { name: /Explained clearly/ })).toContainText('1')
  await axeEverywhere(page, 'the history')

  await page.getByLabel('Search moments').fill('slept')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/q=slept/)
  await expect(page.getByRole('heading', { name: 'Moments with “slept” (1)' })).toBeVisible()
  await page.getByLabel('Search moments').fill('parking')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(
    page.getByText('No moment this quarter has the words “parking”.', { exact: false }),
  ).toBeVisible()
  await page.getByLabel('Period').selectOption({ label: 'Last quarter' })
  await page.getByLabel('Search moments').fill('')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page.getByText(/No moments last quarter yet/)).toBeVisible()
})
