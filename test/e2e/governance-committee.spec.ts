import { readFileSync } from 'node:fs'
import { ulid } from 'ulid'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { expectNoViolations, inviteColleague, signUpViaApi } from './helpers'

// The governance committee's own pages: its charter, its meetings (agenda with live data,
// attendance, minutes, decisions, Markdown and print) and "My actions".
test.describe.configure({ timeout: 120_000 })

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
  await page.setViewportSize({ width: 1280, height: 800 })
}

const csrfOf = async (request: APIRequestContext) =>
  ((await (await request.get('/api/me')).json()) as { csrfToken: string }).csrfToken

const meOf = async (request: APIRequestContext) =>
  ((await (await request.get('/api/me')).json()) as { user: { id: string } }).user.id

/** A case opened by hand through the API, as the case pages do. */
async function openCase(request: APIRequestContext, title: string): Promise<string> {
  const made = await request.post('/api/cases', {
    headers: { 'x-csrf-token': await csrfOf(request) },
    data: {
      title,
      description: 'Patients waited past their time at check-in and nobody said why.',
      touchpointId: 'check-in',
      severity: 'moderate',
    },
  })
  expect(made.status(), await made.text()).toBe(201)
  return ((await made.json()) as { id: string }).id
}

/** A day `offset` days from today, in UTC (the practice is in Chicago: keep clear of midnight). */
const dayFromNow = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

test('the committee edits its charter; a staffer reads it and has no edit control', async ({
  page,
  browser,
}) => {
  const owner = await signUpViaApi(page)
  const chair = await inviteColleague(page, browser, owner.csrfToken, 'Rosa Chair', 'committee')
  const staffer = await inviteColleague(page, browser, owner.csrfToken, 'Sam Staff', 'staff')

  await chair.page.goto('/governance')
  await expect(chair.page.getByRole('heading', { level: 1 })).toHaveText('Governance committee')
  await expect(chair.page.getByText('A starting text from Touchpoint')).toBeVisible()
  await axeEverywhere(chair.page, 'the governance page')

  await chair.page.getByRole('button', { name: 'Edit the charter' }).click()
  const form = chair.page.getByRole('form', { name: 'Edit the charter' })
  // Nothing to save without criteria: the field says so.
  await form.getByLabel('Criteria').fill('')
  await form.getByRole('button', { name: 'Save the charter' }).click()
  await expect(form.getByRole('alert')).toContainText('Criteria: Write the criteria')
  await expect(form.getByLabel('Criteria')).toBeFocused()

  await form
    .getByLabel('Criteria')
    .fill(
      'A failed experience becomes a case when two patients describe it.\nWe report back monthly.',
    )
  await form.getByLabel('How often it meets').fill('Monthly, first Tuesday, 45 minutes')
  await form.getByRole('button', { name: 'Add a guest' }).click()
  await form.getByLabel('Guest 1: name').fill('Pat Rivera')
  await axeEverywhere(chair.page, 'the charter form')
  await form.getByRole('button', { name: 'Save the charter' }).click()
  await expect(chair.page.getByRole('status').first()).toHaveText('Charter saved.')
  await expect(chair.page.getByText('Pat Rivera · Patient representative')).toBeVisible()
  await expect(chair.page.getByText('Rosa Chair · Committee')).toBeVisible()

  await staffer.page.goto('/governance')
  await expect(
    staffer.page.getByText('A failed experience becomes a case when two patients describe it.'),
  ).toBeVisible()
  await expect(staffer.page.getByText('Monthly, first Tuesday, 45 minutes')).toBeVisible()
  await expect(staffer.page.getByText('Pat Rivera · Patient representative')).toBeVisible()
  await expect(staffer.page.getByRole('button', { name: 'Edit the charter' })).toHaveCount(0)
  await expect(staffer.page.getByRole('button', { name: 'New meeting' })).toHaveCount(0)
  await axeEverywhere(staffer.page, 'the governance page for staff')
  await chair.context.close()
  await staffer.context.close()
})

test('a meeting is created, its minutes typed, a decision linked to a case, then exported as Markdown and printed', async ({
  page,
}) => {
  await signUpViaApi(page)
  const caseTitle = 'Long waits at check-in go unexplained'
  const caseId = await openCase(page.request, caseTitle)

  await page.goto('/governance')
  await page.getByRole('button', { name: 'New meeting' }).click()
  await expect(page).toHaveURL(/\/governance\/meetings\/[0-9A-Z]{26}$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Meeting of /)

  // The agenda's live data: the new case is listed beside "New cases", linked.
  const newCases = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: /New cases/ }) })
  await expect(newCases.getByRole('link', { name: caseTitle })).toHaveAttribute(
    'href',
    `/cases/${caseId}`,
  )
  await axeEverywhere(page, 'the meeting page')

  // Minutes save themselves a moment after typing stops.
  await page
    .getByRole('textbox', { name: 'Minutes' })
    .fill('Reviewed the check-in waits. Dana will talk to the front desk.')
  await expect(page.locator('#minutes-status')).toHaveText(/^Saved at /)

  await page
    .getByLabel('Decision', { exact: true })
    .fill('Tell waiting patients about delays every 15 minutes.')
  await page.getByRole('checkbox', { name: new RegExp(caseTitle) }).check()
  await page.getByRole('button', { name: 'Record decision' }).click()
  await expect(page.getByText('Decision recorded and linked to its case.')).toBeVisible()
  const decisions = page.getByRole('region', { name: 'Decisions' })
  await expect(decisions.getByRole('link', { name: caseTitle })).toBeVisible()

  // After a reload, the minutes and the decision are the server's.
  await page.reload()
  await expect(page.getByRole('textbox', { name: 'Minutes' })).toHaveValue(
    'Reviewed the check-in waits. Dana will talk to the front desk.',
  )
  await expect(
    decisions.getByText('Tell waiting patients about delays every 15 minutes.'),
  ).toBeVisible()

  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download Markdown' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/\.md$/)
  const markdown = readFileSync(await download.path(), 'utf8')
  expect(markdown).toContain('Reviewed the check-in waits.')
  expect(markdown).toContain('Tell waiting patients about delays every 15 minutes.')
  expect(markdown).toContain(caseTitle)

  await page.getByRole('link', { name: 'Print or save as PDF' }).click()
  await expect(page).toHaveURL(/\/print$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Minutes of the meeting of /)
  await expect(page.getByText('Reviewed the check-in waits.')).toBeVisible()
  await expect(page.getByText(`About: ${caseTitle} (Open)`)).toBeVisible()
  await axeEverywhere(page, 'the print page')
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden()
  await expect(page.locator('.app-header')).toBeHidden()
  await page.emulateMedia({ media: 'screen' })
})

/** A follow-up action on a new board, owned by `owner`, added over the board's socket. */
async function boardAction(
  page: Page,
  text: string,
  owner: { id: string; name: string },
  due: string,
): Promise<string> {
  const csrf = await csrfOf(page.request)
  const created = await page.request.post('/api/boards', {
    headers: { 'x-csrf-token': csrf },
    data: {
      title: 'Check-in huddle',
      persona: 'A parent with a sick child',
      canvasId: 'empathy-map-classic',
    },
  })
  const boardId = ((await created.json()) as { board: { id: string } }).board.id
  const { ticket, socketUrl } = (await (
    await page.request.post(`/api/boards/${boardId}/ticket`, { headers: { 'x-csrf-token': csrf } })
  ).json()) as { ticket: string; socketUrl: string }
  await page.goto('/home')
  await page.evaluate(
    ({ url, op }) =>
      new Promise<void>((done, fail) => {
        const socket = new WebSocket(url)
        socket.onopen = () => socket.send(JSON.stringify(op))
        socket.onmessage = (event) => {
          if (String(event.data).includes(op.op.text)) {
            socket.close()
            done()
          }
        }
        socket.onerror = () => fail(new Error('socket failed'))
      }),
    {
      url: `${socketUrl}?ticket=${ticket}`,
      op: {
        type: 'op',
        opId: ulid(),
        op: {
          type: 'action.add',
          actionId: ulid(),
          text,
          due,
          owner: { id: `u_${owner.id}`, name: owner.name },
        },
      },
    },
  )
  return boardId
}

test('"My actions" lists a case action and a board action; the staffer moves hers to done', async ({
  page,
  browser,
}) => {
  const owner = await signUpViaApi(page)
  const staffer = await inviteColleague(page, browser, owner.csrfToken, 'Sam Staff', 'staff')
  const samId = await meOf(staffer.page.request)

  const caseTitle = 'Results letters arrive after the follow-up call'
  const caseId = await openCase(page.request, caseTitle)
  const assigned = await page.request.post(`/api/cases/${caseId}/actions`, {
    headers: { 'x-csrf-token': owner.csrfToken },
    data: { title: 'Call the lab about letter delays', ownerId: samId, dueOn: dayFromNow(-2) },
  })
  expect(assigned.status(), await assigned.text()).toBe(201)
  const boardId = await boardAction(
    page,
    'Put a delay board at check-in',
    { id: samId, name: 'Sam Staff' },
    dayFromNow(20),
  )

  // The staffer finds her work in the user menu.
  await staffer.page.goto('/home')
  await staffer.page.getByRole('button', { name: 'Sam Staff' }).click()
  await staffer.page.getByRole('menuitem', { name: 'My actions' }).click()
  await expect(staffer.page).toHaveURL('/actions')
  await expect(staffer.page.getByRole('heading', { level: 1 })).toHaveText('My actions')

  const overdue = staffer.page.getByRole('region', { name: /Overdue/ })
  await expect(
    overdue.getByRole('heading', { name: 'Call the lab about letter delays' }),
  ).toBeVisible()
  await expect(overdue.getByRole('link', { name: caseTitle })).toHaveAttribute(
    'href',
    `/cases/${caseId}`,
  )
  const later = staffer.page.getByRole('region', { name: /Later/ })
  await expect(later.getByRole('heading', { name: 'Put a delay board at check-in' })).toBeVisible()
  await expect(later.getByRole('link', { name: 'Check-in huddle' })).toHaveAttribute(
    'href',
    `/w/${boardId}`,
  )
  // Staff may not open cases: no promotion for them.
  await expect(staffer.page.getByRole('link', { name: /Promote to a case/ })).toHaveCount(0)
  await axeEverywhere(staffer.page, 'My actions')

  await overdue.getByRole('button', { name: 'Start “Call the lab about letter delays”' }).click()
  await expect(staffer.page.getByRole('status').first()).toHaveText(
    '“Call the lab about letter delays” is in progress.',
  )
  await staffer.page
    .getByRole('button', { name: 'Add a note to “Call the lab about letter delays”' })
    .click()
  await staffer.page
    .getByLabel('Note on “Call the lab about letter delays”')
    .fill('Lab says next week.')
  await staffer.page.getByRole('button', { name: 'Save note' }).click()
  await expect(staffer.page.getByRole('status').first()).toHaveText(
    'Note saved on “Call the lab about letter delays”.',
  )
  await staffer.page
    .getByRole('button', { name: 'Mark done “Call the lab about letter delays”' })
    .click()
  await expect(staffer.page.getByRole('status').first()).toHaveText(
    '“Call the lab about letter delays” is done.',
  )
  const done = staffer.page.getByRole('region', { name: /Done recently/ })
  await expect(
    done.getByRole('heading', { name: 'Call the lab about letter delays' }),
  ).toBeVisible()
  await expect(staffer.page.getByRole('region', { name: /Overdue/ })).toHaveCount(0)

  // The owner follows up on Sam's work, and may promote her board action to a case.
  await page.goto('/actions')
  await page.getByLabel('Whose actions').selectOption({ label: 'Sam Staff' })
  await expect(page).toHaveURL(`/actions?owner=${samId}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Actions of Sam Staff')
  await expect(
    page.getByRole('link', { name: 'Promote to a case “Put a delay board at check-in”' }),
  ).toHaveAttribute(
    'href',
    new RegExp(`^/cases/new\\?origin=board-action:${boardId}\\.[0-9A-Z]{26}$`),
  )
  await staffer.context.close()
})
