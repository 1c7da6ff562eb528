import { randomBytes } from 'node:crypto'
import { expect, test, type Page } from '@playwright/test'
import { expectNoViolations, inviteColleague, signUpViaApi } from './helpers'

/**
 * The weekly customer-experience moment, as a manager and a staffer meet it: this week's comments
 * arrive through the public survey route, the manager picks the best, is held to "what did the
 * patient gain?", saves and recognises the staffer, who opens the moment from the e-mail's link
 * and tells a story of their own, which the manager then sees among the candidates.
 */

const viewports = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const

/** axe at a phone's and a laptop's size, light and dark; ends at 1280x800, light. */
async function expectAccessible(page: Page, state: string) {
  for (const viewport of viewports) {
    await page.setViewportSize(viewport)
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await expectNoViolations(page, `${state} at ${viewport.width}px, ${colorScheme}`)
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.emulateMedia({ colorScheme: 'light' })
}

async function publishPulse(page: Page, csrfToken: string): Promise<string> {
  const headers = { 'x-csrf-token': csrfToken }
  const created = await page.request.post('/api/surveys', {
    headers,
    data: { templateId: 'visit-pulse' },
  })
  const { id } = (await created.json()) as { id: string }
  expect(
    (await page.request.post(`/api/surveys/${id}/publish`, { headers, data: {} })).status(),
  ).toBe(200)
  return id
}

async function comment(page: Page, surveyId: string, recommend: number, improve: string) {
  const sent = await page.request.post(`/api/public/surveys/${surveyId}/responses`, {
    data: {
      idempotencyKey: randomBytes(16).toString('base64url'),
      language: 'en',
      answers: { recommend, 'check-in': 5, improve },
    },
  })
  expect(sent.status()).toBe(201)
}

test("a manager picks this week's moment and recognises the staffer, who opens it and tells one of their own", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000)
  const owner = await signUpViaApi(page)
  const headers = { 'x-csrf-token': owner.csrfToken }
  expect(
    (
      await page.request.post('/api/providers', {
        headers,
        data: { name: 'Dr. Helen Okafor', title: 'MD' },
      })
    ).status(),
  ).toBe(201)
  const staffer = await inviteColleague(page, browser, owner.csrfToken, 'Maria Gonzalez')
  const surveyId = await publishPulse(page, owner.csrfToken)
  const recovery =
    'The wait was long but Maria at the front desk kept us informed and got us in. Call me at 555-010-0199.'
  await comment(page, surveyId, 9, recovery)
  await comment(page, surveyId, 10, 'Dr. Okafor listened to every worry I had.')
  await comment(page, surveyId, 2, 'Maria was rude at the desk.')
  await comment(page, surveyId, 8, 'Parking was fine.')

  // The week's candidates, ranked, each with who it names and why it is here.
  await page.goto('/moments')
  await expect(page.getByRole('heading', { level: 1, name: 'Moments' })).toBeVisible()
  await expect(page.getByText(/^Week of /)).toBeVisible()
  const candidates = page.locator('article.candidate')
  await expect(candidates).toHaveCount(2, { timeout: 20_000 })
  const maria = candidates.filter({ has: page.getByRole('heading', { name: /Maria Gonzalez/ }) })
  await expect(maria).toContainText('#1')
  await expect(maria).toContainText('Why it is here:')
  await expect(maria).toContainText('Tells of a failure put right')
  await expect(maria).toContainText('Kept us informed')
  await expect(maria).toContainText('Survey comment')
  await expect(maria).not.toContainText('555-010-0199')
  await expect(candidates.filter({ hasText: 'Dr. Helen Okafor' })).toContainText('Listened')
  await expect(page.getByText('rude')).toHaveCount(0)
  await expectAccessible(page, 'the candidates')

  // The composer, prefilled from the candidate; refused without what the patient gained.
  const composerHref = await maria
    .getByRole('link', { name: 'Make this the moment' })
    .getAttribute('href')
  await maria.getByRole('link', { name: 'Make this the moment' }).click()
  await expect(page).toHaveURL(/\/moments\/new\?week=/)
  await expect(page.getByLabel('The patient’s story')).toHaveValue(/kept us informed/)
  await expect(page.getByRole('checkbox', { name: /^Maria Gonzalez/ })).toBeChecked()
  await expect(page.getByRole('checkbox', { name: /^Dr. Helen Okafor/ })).not.toBeChecked()
  await expect(page.getByText('“We started texting reminders.”')).toBeVisible()
  await page
    .getByLabel('What they did')
    .fill('Came out to the waiting room with an update every fifteen minutes.')
  await page.getByRole('button', { name: 'Save the moment' }).click()
  const gain = page.getByLabel(/What did the patient gain\?/)
  await expect(gain).toHaveAttribute('aria-invalid', 'true')
  await expect(gain).toBeFocused()
  await expect(page.getByRole('alert')).toContainText('What did the patient gain?: Required')
  await expect(page).toHaveURL(/\/moments\/new/)
  await expectAccessible(page, 'the composer with an error')
  await gain.fill('She knew where she stood and stopped worrying she had been forgotten.')
  await page.getByRole('button', { name: 'Save the moment' }).click()

  // The moment: the quote (de-identified), who, what they did, what the patient gained.
  await expect(page).toHaveURL(/\/moments\/[0-9A-Z]{26}$/)
  const momentPath = new URL(page.url()).pathname
  await expect(page.getByRole('heading', { level: 1, name: 'Maria Gonzalez' })).toBeVisible()
  await expect(page.locator('blockquote')).toContainText('kept us informed')
  await expect(page.locator('blockquote')).not.toContainText('555-010-0199')
  await expect(page.getByText('stopped worrying she had been forgotten')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible()
  await expectAccessible(page, 'the moment, as its manager')
  await page.getByRole('button', { name: 'Recognise' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Told:' })).toContainText(
    'Told: Maria Gonzalez',
  )

  // The same story twice is one moment: the composer says so and links to it.
  await page.goto(composerHref!)
  await page.getByLabel('What they did').fill('Again')
  await page.getByLabel(/What did the patient gain\?/).fill('Again')
  await page.getByRole('button', { name: 'Save the moment' }).click()
  await expect(page.getByRole('alert')).toContainText('This story is already a moment')
  await expect(
    page.getByRole('link', { name: 'Open the moment this story became' }),
  ).toHaveAttribute('href', momentPath)
  await page.goto('/moments')
  await expect(maria).toContainText('Already this week’s moment')

  // The staffer opens the link the e-mail carries (the local outbox).
  const outbox = (await (await page.request.get('/api/outbox')).json()) as {
    items: { subject: string; text: string; link?: string }[]
  }
  const message = outbox.items.find((m) => m.subject.startsWith('You were recognised'))
  expect(message?.link).toBeDefined()
  expect(message?.text).not.toContain('kept us informed')
  const colleague = staffer.page
  await colleague.goto(new URL(message!.link!).pathname)
  await expect(colleague.getByRole('heading', { level: 1, name: 'Maria Gonzalez' })).toBeVisible()
  await expect(colleague.locator('blockquote')).toContainText('kept us informed')
  await expect(colleague.getByRole('button', { name: 'Recognise' })).toHaveCount(0)
  await expectAccessible(colleague, 'the moment, as the recognised staffer')

  // "I saw this happen": the staffer tells one, and the manager sees it among the candidates.
  await colleague.goto('/moments')
  await expect(colleague.getByRole('heading', { name: 'This week’s moment' })).toBeVisible()
  await expect(colleague.getByRole('link', { name: 'Open the moment' })).toBeVisible()
  await expectAccessible(colleague, '"I saw this happen"')
  await colleague
    .getByLabel('What happened')
    .fill('Dr. Okafor stayed after hours to call a worried family back with the results.')
  await colleague.getByRole('checkbox', { name: /^Dr. Helen Okafor/ }).check()
  await colleague.getByRole('button', { name: 'Send to the manager' }).click()
  await expect(colleague.getByRole('status')).toContainText(
    'Your manager will see your story among this week’s candidates',
  )
  await staffer.context.close()

  await page.reload()
  const told = candidates.filter({ hasText: 'stayed after hours' })
  await expect(told).toContainText('A colleague saw this')
  await expect(told.getByRole('heading')).toContainText('Dr. Helen Okafor')
})
