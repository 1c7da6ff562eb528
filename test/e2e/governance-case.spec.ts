import { randomBytes } from 'node:crypto'
import { expect, test, type Page } from '@playwright/test'
import { expectNoViolations, inviteColleague, signUpViaApi } from './helpers'

/**
 * The case pages as the governance committee uses them: a chair opens a case from a detractor's
 * response, draws the fishbone, plans a stronger fix with two actions and sees its outcome; staff
 * read it without write controls; the register shows the 72-hour clock.
 */

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

async function detractor(page: Page, surveyId: string, improve: string) {
  const sent = await page.request.post(`/api/public/surveys/${surveyId}/responses`, {
    data: {
      idempotencyKey: randomBytes(16).toString('base64url'),
      language: 'en',
      answers: { recommend: 2, 'check-in': 1, improve },
    },
  })
  expect(sent.status()).toBe(201)
}

async function bothThemes(page: Page, state: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await expectNoViolations(page, `${state} (${colorScheme})`)
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

async function axeAtBothSizes(page: Page, state: string) {
  for (const size of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(size)
    await bothThemes(page, `${state} at ${size.width}px`)
  }
}

test('a committee chair opens a case from a detractor’s response, draws the fishbone, adds a stronger fix and two actions, and sees its outcome', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000)
  const owner = await signUpViaApi(page)
  const surveyId = await publishPulse(page, owner.csrfToken)
  await detractor(page, surveyId, 'We waited an hour at the front desk and nobody told us why')
  const chair = await inviteColleague(page, browser, owner.csrfToken, 'Priya Raman', 'committee')
  const p = chair.page
  await p.setViewportSize({ width: 1280, height: 800 })

  // From the detractor's response card.
  await p.goto('/responses')
  await p.getByRole('link', { name: 'Open a case from this response' }).click()
  await expect(p).toHaveURL(/\/cases\/new\?origin=response/)
  await expect(p.getByText('We waited an hour at the front desk')).toBeVisible()
  await axeAtBothSizes(p, 'opening a case')
  await p.setViewportSize({ width: 1280, height: 800 })
  await p.getByLabel('Title').fill('Waited an hour without being told why')
  await p.getByLabel('What happened').fill('Check-in ran an hour late and no one explained.')
  await p.getByLabel('Severity').selectOption('moderate')
  await p.getByRole('button', { name: 'Open the case' }).click()
  await expect(p).toHaveURL(/\/cases\/[0-9A-Z]{26}$/)
  await expect(p.getByRole('heading', { level: 1 })).toHaveText(
    'Waited an hour without being told why',
  )
  // The response's words are the case's first evidence.
  await expect(p.getByRole('region', { name: 'Evidence' }).locator('blockquote')).toContainText(
    'We waited an hour',
  )
  // Back on the responses, its card links to the case instead of offering a second one.
  const caseUrl = p.url()
  await p.goto('/responses')
  await expect(p.getByRole('link', { name: 'Open a case from this response' })).toHaveCount(0)
  await p.getByRole('link', { name: 'Case opened from this response' }).click()
  await expect(p).toHaveURL(caseUrl)

  // The editor opens on demand (the page stays short), with the first field to type in.
  await expect(p.getByRole('form', { name: 'Edit the analysis' })).toHaveCount(0)
  await p.getByRole('button', { name: 'Start the analysis' }).click()
  await expect(p.getByLabel('Category 1')).toBeFocused()
  // Two causes, each with its own whys; one is a root cause.
  const bone = (name: string) =>
    p.locator('li.category').filter({
      has: p.getByRole('button', { name: `Add a cause to ${name}`, exact: true }),
    })
  for (const [category, cause, why, root] of [
    ['Process', 'No one watches the waiting list', 'The front desk has no view of delays', false],
    ['Communication', 'Patients are not told of delays', 'There is no script for delays', true],
  ] as const) {
    await bone(category)
      .getByRole('button', { name: `Add a cause to ${category}` })
      .click()
    await p.getByLabel(`Cause 1 (${category})`).fill(cause)
    await bone(category).getByRole('button', { name: 'Add a why to cause 1' }).click()
    await bone(category).getByLabel('Why 1 of cause 1').fill(why)
    if (root) await bone(category).getByRole('radio', { name: 'No: it is a root cause' }).check()
  }
  await p.getByRole('button', { name: 'Save the analysis' }).click()
  await expect(p.getByRole('status').filter({ hasText: 'Analysis saved' })).toBeAttached()
  // Saved, the editor closes and the diagram is what the page shows.
  await expect(p.getByRole('form', { name: 'Edit the analysis' })).toHaveCount(0)
  await expect(p.getByRole('button', { name: 'Edit the analysis' })).toBeFocused()
  await expect(p.getByText('Root cause', { exact: true }).first()).toBeVisible()
  // Drawn as a fishbone: both causes on the diagram, the root one marked in words.
  const diagram = p.getByRole('img', { name: /^Fishbone diagram: / })
  await expect(diagram).toBeVisible()
  await expect(diagram).toContainText('Patients are not told of delays')
  await expect(diagram).toContainText('No one watches the waiting list')

  // A stronger fix, and two actions for it.
  await p.getByLabel('What the fix is').fill('Text patients when check-in runs 15 minutes late')
  await p.getByLabel('Takes effect on').fill('2026-01-05')
  await p.getByLabel('Kind of action').selectOption({ label: 'Forcing function' })
  await p.getByRole('button', { name: 'Add the fix' }).click()
  const fixes = p.getByRole('region', { name: 'Systemic fixes' })
  await expect(fixes.getByRole('heading', { name: 'Text patients when check-in' })).toBeVisible()
  await expect(fixes.getByText('Stronger', { exact: true })).toBeVisible()
  // The outcome: its verdict in words and its run chart (a fix of this week has too little data).
  await expect(fixes.getByText('Not enough data yet', { exact: true })).toBeVisible()
  await expect(fixes.getByRole('img', { name: /run chart/i })).toBeVisible()
  // The date was wrong: change it; the change is in the history.
  await fixes.getByRole('button', { name: /^Change the fix “Text patients/ }).click()
  const changing = fixes
    .getByRole('listitem')
    .filter({ has: p.getByRole('heading', { name: 'Change the fix' }) })
  await expect(changing.getByLabel('What the fix is')).toHaveValue(
    'Text patients when check-in runs 15 minutes late',
  )
  await changing.getByLabel('Takes effect on').fill('2026-02-02')
  await changing.getByRole('button', { name: 'Save the fix' }).click()
  await expect(p.getByRole('status').filter({ hasText: 'saved' })).toBeAttached()
  await expect(fixes.getByRole('button', { name: /^Change the fix “Text patients/ })).toBeFocused()
  await expect(p.getByRole('region', { name: 'History' })).toContainText(
    'effective 2026-01-05 → 2026-02-02',
  )

  for (const title of ['Set up the delay texts', 'Write the delay script']) {
    // The form stays open after the first: open it only when it is closed.
    const adding = p.locator('details', { has: p.getByText('Add an action') })
    if ((await adding.getAttribute('open')) === null) await p.getByText('Add an action').click()
    await p.getByLabel('What to do').fill(title)
    await p.getByLabel('Owner').selectOption({ label: 'Priya Raman' })
    await p.getByLabel('Due on').fill('2026-12-20')
    await p.getByRole('button', { name: 'Add the action' }).click()
    await expect(p.getByRole('heading', { name: title })).toBeVisible()
  }
  await expect(p.getByRole('region', { name: 'History' }).getByRole('listitem')).not.toHaveCount(0)
  await axeAtBothSizes(p, 'the case')

  // The print page has it all.
  await p.setViewportSize({ width: 1280, height: 800 })
  await p.getByRole('link', { name: 'Print or save as PDF' }).click()
  await expect(p.getByRole('heading', { name: 'Systemic fixes' })).toBeVisible()
  await expect(p.getByText('Stronger: Forcing function')).toBeVisible()
  await expect(p.getByRole('img', { name: /^Fishbone diagram: / })).toBeVisible()
  await expect(
    p.getByRole('list', { name: 'Whys' }).getByText('There is no script for delays'),
  ).toBeVisible()
  await axeAtBothSizes(p, 'the print page')
  await chair.context.close()
})

test('staff read a case without write controls, and tick only their own action', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000)
  const owner = await signUpViaApi(page)
  const headers = { 'x-csrf-token': owner.csrfToken }
  const journey = (await (await page.request.get('/api/journey')).json()) as {
    touchpoints: { id: string }[]
  }
  const created = await page.request.post('/api/cases', {
    headers,
    data: {
      title: 'Results letter never arrived',
      description: 'A patient waited three weeks for results that were never sent.',
      touchpointId: journey.touchpoints[0]!.id,
      severity: 'high',
    },
  })
  expect(created.status()).toBe(201)
  const kase = (await created.json()) as { id: string }
  const staff = await inviteColleague(page, browser, owner.csrfToken, 'Maria Gonzalez', 'staff')
  const team = (await (await page.request.get('/api/team')).json()) as {
    members: { id: string; name: string }[]
  }
  const maria = team.members.find((m) => m.name === 'Maria Gonzalez')!
  expect(
    (
      await page.request.post(`/api/cases/${kase.id}/actions`, {
        headers,
        data: { title: 'Check the results queue daily', ownerId: maria.id, dueOn: '2026-12-20' },
      })
    ).status(),
  ).toBe(201)

  const s = staff.page
  await s.setViewportSize({ width: 1280, height: 800 })
  await s.goto('/cases')
  await expect(s.getByRole('link', { name: 'Open a case' })).toHaveCount(0)
  await s.getByRole('link', { name: 'Results letter never arrived' }).click()
  await expect(s.getByRole('heading', { level: 1 })).toHaveText('Results letter never arrived')
  for (const name of [
    'Start the review',
    'Dismiss…',
    'Start the analysis',
    'Edit the analysis',
    'Save the analysis',
    'Add the fix',
  ]) {
    await expect(s.getByRole('button', { name })).toHaveCount(0)
  }
  await expect(s.getByText('Add evidence')).toHaveCount(0)
  // Their own action: status and a note.
  await s.getByLabel('Status').selectOption('doing')
  await s.getByLabel('Add a note').fill('Started on Monday')
  await s.getByRole('button', { name: 'Update “Check the results queue daily”' }).click()
  await expect(s.getByText('Started on Monday')).toBeVisible()
  await axeAtBothSizes(s, 'the case, read by staff')
  await staff.context.close()
})

test('the register puts cases past 72 hours first and shows each one’s clock', async ({ page }) => {
  test.setTimeout(120_000)
  const owner = await signUpViaApi(page)
  const headers = { 'x-csrf-token': owner.csrfToken }
  const journey = (await (await page.request.get('/api/journey')).json()) as {
    touchpoints: { id: string }[]
  }
  const open = async (title: string) => {
    const res = await page.request.post('/api/cases', {
      headers,
      data: {
        title,
        description: 'What happened.',
        touchpointId: journey.touchpoints[0]!.id,
        severity: 'low',
      },
    })
    expect(res.status()).toBe(201)
    return (await res.json()) as { id: string }
  }
  await open('Opened just now')
  const started = await open('Review under way')
  expect(
    (
      await page.request.patch(`/api/cases/${started.id}`, {
        headers,
        data: { status: 'investigating' },
      })
    ).status(),
  ).toBe(200)

  // The clock runs in the browser: four days on, the first case is past its 72 hours.
  await page.goto('/cases')
  await expect(page.getByText(/Review due in (71|72) h/)).toBeVisible()
  await expect(page.getByText('Review started')).toBeVisible()
  await axeAtBothSizes(page, 'the register')

  await page.clock.install({ time: Date.now() + 4 * 24 * 3600_000 })
  await page.reload()
  const late = page.getByRole('region', { name: 'Past 72 hours' })
  await expect(late.getByRole('link', { name: 'Opened just now' })).toBeVisible()
  await expect(late.getByText(/Review 2[45] h late/)).toBeVisible()
  await expect(late.getByRole('link', { name: 'Review under way' })).toHaveCount(0)
})
