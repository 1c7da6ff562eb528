import { readFile } from 'node:fs/promises'
import {
  devices,
  expect,
  test,
  type Browser,
  type BrowserContextOptions,
  type Page,
} from '@playwright/test'
import { expectNoViolations, inviteColleague, signUpViaApi } from './helpers'

// Every board page keeps a socket open; several browsers per test on a 2-core machine take a while.
test.describe.configure({ timeout: 120_000 })

const persona = 'New patient booking a skin check'

/** Starts a board through the API (the form has its own test); the caller facilitates it. */
async function startBoard(
  page: Page,
  csrfToken: string,
  title: string,
  more: { canvasId?: string; touchpointId?: string } = {},
): Promise<string> {
  const response = await page.request.post('/api/boards', {
    headers: { 'x-csrf-token': csrfToken },
    data: { title, persona, canvasId: 'empathy-map-classic', ...more },
  })
  expect(response.status()).toBe(201)
  return ((await response.json()) as { board: { id: string } }).board.id
}

async function guestLink(page: Page, csrfToken: string, boardId: string): Promise<string> {
  const response = await page.request.post(`/api/boards/${boardId}/guest-links`, {
    headers: { 'x-csrf-token': csrfToken },
    data: {},
  })
  expect(response.status()).toBe(201)
  return ((await response.json()) as { url: string }).url
}

/** A guest in a browser of their own, joined through the link's page as a person would. */
async function joinAsGuest(
  browser: Browser,
  link: string,
  name: string,
  options: BrowserContextOptions = {},
) {
  const context = await browser.newContext(options)
  const page = await context.newPage()
  await page.goto(link)
  await page.getByLabel('Your name (shown to the group)').fill(name)
  await page.getByRole('button', { name: 'Join the workshop' }).click()
  await expect(page).toHaveURL(/\/w\/[0-9A-Z]{26}$/)
  await waitLive(page)
  return { context, page }
}

async function waitLive(page: Page) {
  await expect(page.getByText('Live', { exact: true })).toBeVisible({ timeout: 30_000 })
}

async function openBoard(page: Page, boardId: string) {
  await page.goto(`/w/${boardId}`)
  await waitLive(page)
}

const area = (page: Page, name: string) => page.getByRole('region', { name, exact: true })
const note = (page: Page, text: string) => page.getByRole('article', { name: text, exact: true })

/** Writes a note in an area (opening its editor if it is closed) and waits to see it. */
async function addNote(page: Page, areaName: string, text: string) {
  const editor = page.getByLabel(`Your note for ${areaName}`)
  if (!(await editor.isVisible())) {
    await page.getByRole('button', { name: `Add a note to ${areaName}` }).click()
  }
  await editor.fill(text)
  await editor.press('Enter')
  await expect(note(page, text)).toBeVisible()
}

/**
 * Picks an item from a note's menu with the keyboard. (With the pointer, a menu that opens upwards
 * near the top of a 720-pixel window can have its first items above the window's edge.)
 */
async function noteMenu(page: Page, text: string, item: string) {
  await page.getByRole('button', { name: `Note options: “${text}”` }).press('Enter')
  await page.getByRole('menuitem', { name: item }).press('Enter')
}

test('a workshop starts from the list, is archived and restored; the pages pass axe', async ({
  page,
}) => {
  await signUpViaApi(page)

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await page.goto('/workshops')
    await expect(page.getByRole('heading', { level: 1, name: 'Workshops' })).toBeVisible({
      timeout: 30_000,
    })
    await expect(page.getByRole('heading', { name: 'No workshops yet' })).toBeVisible()
    await expectNoViolations(page, `the empty workshops list (${colorScheme})`)
  }
  await expect(page.getByRole('link', { name: 'Workshops' })).toHaveAttribute(
    'aria-current',
    'page',
  )

  await page.getByRole('link', { name: 'New workshop' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'New workshop' })).toBeVisible()
  // The first canvas is chosen; each card lists its steps and minutes.
  await expect(page.getByRole('radio', { name: 'Empathy map', exact: true })).toBeChecked()
  const classic = page.getByRole('listitem').filter({ hasText: 'Empathy map (classic)' })
  await expect(classic).toContainText(/5 steps · about \d+ minutes/)
  await expect(classic).toContainText('Dave Gray')

  await page.getByRole('button', { name: 'Start the workshop' }).click()
  await expect(page.getByRole('alert')).toContainText('Persona: Describe who the map is about')
  await expect(page.getByLabel('Persona')).toBeFocused()
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await expectNoViolations(page, `the new-workshop form with an error (${colorScheme})`)
  }

  await page.getByRole('radio', { name: 'Empathy map (classic)' }).check()
  await page.getByLabel('Persona').fill('New patient booking a skin check')
  await expect(page.getByLabel('Title')).toHaveValue(
    'Empathy map (classic): New patient booking a skin check',
  )
  await page.getByLabel('Title').fill('Skin check booking huddle')
  await page.getByLabel('Touch point (optional)').selectOption({ label: 'Finding and booking' })
  await page.getByRole('button', { name: 'Start the workshop' }).click()
  await expect(page).toHaveURL(/\/w\/[0-9A-Z]{26}$/)
  const boardUrl = page.url()
  await waitLive(page)
  await expect(
    page.getByRole('heading', { level: 1, name: 'Skin check booking huddle' }),
  ).toBeVisible()
  await addNote(page, 'Says', 'Can I book online?')
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await expectNoViolations(page, `the board (${colorScheme})`)
  }

  await page.goto('/workshops')
  const item = page.getByRole('listitem').filter({ hasText: 'Skin check booking huddle' })
  await expect(item).toContainText('New patient booking a skin check')
  await expect(item).toContainText('Empathy map (classic)')
  await expect(item).toContainText('Started by Dana Whitfield')
  await expect(item.getByRole('link', { name: 'Open Skin check booking huddle' })).toHaveAttribute(
    'href',
    new URL(boardUrl).pathname,
  )

  await item.getByRole('button', { name: 'Archive Skin check booking huddle' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Archive Skin check booking huddle?' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Archive workshop' }).click()
  await expect(page.getByRole('status')).toContainText('Archived Skin check booking huddle.')
  await expect(item).toHaveCount(0)

  await page.getByLabel('Show archived (1)').check()
  await expect(page).toHaveURL(/archived=1/)
  await expect(item).toContainText('Archived')
  await item.getByRole('button', { name: 'Restore Skin check booking huddle' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Restore workshop' }).click()
  await expect(page.getByRole('status')).toContainText('Restored Skin check booking huddle.')
  await expect(item.getByRole('button', { name: /^Archive/ })).toBeVisible()
  await expect(page.getByLabel(/Show archived/)).toHaveCount(0)
})

test('a guest link that is unknown, expired or missing says so', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto('/guest')
  await expect(page.getByRole('heading', { level: 1, name: 'Join the workshop' })).toBeVisible({
    timeout: 30_000,
  })
  await expect(page.getByRole('button', { name: 'Join the workshop' })).toHaveCount(0)

  await page.goto('/guest#no-such-token')
  await page.getByRole('button', { name: 'Join the workshop' }).click()
  await expect(page.getByRole('alert')).toContainText('Enter the name the group will see')
  await page.getByLabel('Your name (shown to the group)').fill('Ana')
  await page.getByRole('button', { name: 'Join the workshop' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: 'This link cannot be used' }),
  ).toBeFocused()
  await expect(page.getByText('This link is not valid.')).toBeVisible()
  await expectNoViolations(page, 'the guest page with an unknown link')

  // An expired link: the server's 410, as a guest meets it a day after the workshop.
  let sent: unknown = null
  await page.route('**/api/guest/join', async (route) => {
    sent = route.request().postDataJSON()
    await route.fulfill({
      status: 410,
      contentType: 'application/problem+json',
      body: JSON.stringify({ status: 410, title: 'Gone', detail: 'This link has expired.' }),
    })
  })
  await page.goto('/guest#an-expired-token')
  await page.getByLabel('Your name (shown to the group)').fill('Ana')
  await page.getByRole('button', { name: 'Join the workshop' }).click()
  await expect(
    page.getByText('This link has expired. Ask the facilitator for a new one.'),
  ).toBeVisible()
  // The token went in the body, never in the address.
  expect(sent).toEqual({ token: 'an-expired-token', name: 'Ana' })
})

test('notes added, edited and deleted on one screen change on the other', async ({
  page,
  browser,
}) => {
  const owner = await signUpViaApi(page)
  const boardId = await startBoard(page, owner.csrfToken, 'Check-in huddle')
  const sam = await inviteColleague(page, browser, owner.csrfToken, 'Sam Okafor')
  await openBoard(page, boardId)
  await openBoard(sam.page, boardId)
  await expect(page.getByText('2 here', { exact: true })).toBeVisible()
  await expect(page.getByRole('list', { name: 'On the board now' })).toContainText('Sam Okafor')

  await addNote(page, 'Says', 'Is there parking nearby?')
  await expect(note(sam.page, 'Is there parking nearby?')).toContainText('Dana Whitfield')
  await addNote(sam.page, 'Feels', 'Worried about the cost')
  await expect(note(page, 'Worried about the cost')).toContainText('Sam Okafor')

  await noteMenu(page, 'Is there parking nearby?', 'Edit')
  await page.getByLabel('Edit note').fill('Is there parking, and is it free?')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(note(sam.page, 'Is there parking, and is it free?')).toBeVisible()
  await expect(note(sam.page, 'Is there parking nearby?')).toHaveCount(0)

  await noteMenu(page, 'Is there parking, and is it free?', 'Delete…')
  await page
    .getByRole('alertdialog', { name: 'Delete this note?' })
    .getByRole('button', { name: 'Delete note' })
    .click()
  await expect(note(page, 'Is there parking, and is it free?')).toHaveCount(0)
  await expect(note(sam.page, 'Is there parking, and is it free?')).toHaveCount(0)
  await expect(area(sam.page, 'Says')).toContainText('No notes yet.')
  await expect(note(sam.page, 'Worried about the cost')).toBeVisible()
  await sam.context.close()
})

test('hidden notes stay face down for the others until the facilitator reveals them', async ({
  page,
  browser,
}) => {
  const owner = await signUpViaApi(page)
  const boardId = await startBoard(page, owner.csrfToken, 'Silent writing')
  const link = await guestLink(page, owner.csrfToken, boardId)
  await openBoard(page, boardId)
  const ana = await joinAsGuest(browser, link, 'Ana Lima')

  // The switch's drawn track covers its checkbox, so it is operated as a keyboard user would.
  const hide = page.getByRole('switch', { name: 'Hide notes while people write' })
  await hide.press('Space')
  await expect(hide).toBeChecked()
  await expect(ana.page.getByText('Notes are face down')).toBeVisible()
  await addNote(page, 'Thinks', 'Will the doctor have my records?')
  const thinks = area(ana.page, 'Thinks')
  await expect(thinks.getByRole('article', { name: 'Hidden note' })).toHaveCount(1)
  await addNote(ana.page, 'Thinks', 'Hope the wait is short')
  await expect(thinks.getByRole('article')).toHaveCount(2)
  // Face down means absent: the words are nowhere in the guest's page.
  expect(await ana.page.content()).not.toContain('Will the doctor have my records?')

  await hide.press('Space')
  await expect(hide).not.toBeChecked()
  await expect(ana.page.getByText('Notes are face down')).toHaveCount(0)
  for (const who of [page, ana.page]) {
    await expect(note(who, 'Will the doctor have my records?')).toBeVisible()
    await expect(note(who, 'Hope the wait is short')).toBeVisible()
    await expect(who.getByRole('article', { name: 'Hidden note' })).toHaveCount(0)
  }
  await ana.context.close()
})

test('dot voting stops at the limit and shows who has not voted yet', async ({ page, browser }) => {
  const owner = await signUpViaApi(page)
  const boardId = await startBoard(page, owner.csrfToken, 'Dot vote')
  const link = await guestLink(page, owner.csrfToken, boardId)
  await openBoard(page, boardId)
  const ana = await joinAsGuest(browser, link, 'Ana Lima')
  const ben = await joinAsGuest(browser, link, 'Ben Carter')
  await expect(page.getByText('3 here', { exact: true })).toBeVisible()

  const dots = page.getByLabel('Dots per person')
  await dots.fill('2')
  await dots.press('Enter')
  await expect(ben.page.getByText('You have 2 of 2 dots left')).toBeVisible()
  await addNote(page, 'Does', 'Calls twice to confirm')
  // The classic map's fourth step is the dot vote.
  for (let step = 0; step < 3; step += 1) {
    await page.getByRole('button', { name: 'Next step' }).click()
    await expect(page.getByText(`Step ${step + 2} of 5`).first()).toBeVisible()
  }

  const vote = ben.page.getByRole('button', { name: 'Vote for “Calls twice to confirm”' })
  await vote.click()
  await expect(note(ben.page, 'Calls twice to confirm')).toContainText('1 vote')
  await vote.click()
  await expect(note(ben.page, 'Calls twice to confirm')).toContainText('2 votes (2 yours)')
  await expect(ben.page.getByText('You have 0 of 2 dots left')).toBeVisible()
  await vote.click()
  await expect(
    ben.page.getByRole('status').filter({ hasText: 'You have placed all 2 of your dots' }),
  ).toBeVisible()
  for (const who of [page, ana.page, ben.page]) {
    await expect(note(who, 'Calls twice to confirm')).toContainText('2 votes')
    await expect(note(who, 'Calls twice to confirm')).not.toContainText('3 votes')
  }

  const notVoted = page.getByText(/^Not voted yet:/)
  await expect(notVoted).toContainText('Ana Lima')
  await expect(notVoted).toContainText('Dana Whitfield')
  await expect(notVoted).not.toContainText('Ben Carter')
  await ana.context.close()
  await ben.context.close()
})

test('with votes hidden each person sees only their own dots until the reveal', async ({
  page,
  browser,
}) => {
  const owner = await signUpViaApi(page)
  const boardId = await startBoard(page, owner.csrfToken, 'Secret dots')
  const link = await guestLink(page, owner.csrfToken, boardId)
  await openBoard(page, boardId)
  const ana = await joinAsGuest(browser, link, 'Ana Lima')
  await addNote(page, 'Does', 'Calls twice to confirm')

  const hideVotes = page.getByRole('switch', { name: 'Hide votes until you reveal' })
  await hideVotes.press('Space')
  await expect(hideVotes).toBeChecked()
  await expect(ana.page.getByText('Votes are hidden')).toBeVisible()

  const voteFor = (who: Page) =>
    who.getByRole('button', { name: 'Vote for “Calls twice to confirm”' })
  await voteFor(ana.page).click()
  await expect(note(ana.page, 'Calls twice to confirm')).toContainText('1 vote (1 yours)')
  await voteFor(page).click()
  await expect(note(page, 'Calls twice to confirm')).toContainText('1 vote (1 yours)')
  // Neither sees the other's dot, however long they look.
  await page.waitForTimeout(500)
  for (const who of [page, ana.page]) {
    await expect(note(who, 'Calls twice to confirm')).not.toContainText('2 votes')
  }

  await hideVotes.press('Space')
  await expect(hideVotes).not.toBeChecked()
  for (const who of [page, ana.page]) {
    await expect(note(who, 'Calls twice to confirm')).toContainText('2 votes (1 yours)')
  }
  await expect(ana.page.getByText('Votes are hidden')).toHaveCount(0)
  await ana.context.close()
})

test('notes written while one person is offline reach everyone exactly once', async ({
  page,
  browser,
}) => {
  const owner = await signUpViaApi(page)
  const boardId = await startBoard(page, owner.csrfToken, 'Flaky wifi')
  const sam = await inviteColleague(page, browser, owner.csrfToken, 'Sam Okafor')
  await openBoard(page, boardId)
  await openBoard(sam.page, boardId)

  await sam.context.setOffline(true)
  await expect(sam.page.getByRole('status').filter({ hasText: 'You are offline.' })).toBeVisible()
  await addNote(page, 'Says', 'First while Sam is away')
  await addNote(page, 'Says', 'Second while Sam is away')
  await addNote(sam.page, 'Says', 'Written on the train')
  await expect(note(page, 'Written on the train')).toHaveCount(0)

  await sam.context.setOffline(false)
  await waitLive(sam.page)
  const texts = ['First while Sam is away', 'Second while Sam is away', 'Written on the train']
  for (const who of [page, sam.page]) {
    for (const text of texts) await expect(note(who, text)).toHaveCount(1)
    await expect(area(who, 'Says').getByRole('article')).toHaveCount(3)
  }
  // What the server kept, read afresh: nothing lost, nothing twice.
  await sam.page.reload()
  await waitLive(sam.page)
  await expect(area(sam.page, 'Says').getByRole('article')).toHaveCount(3)
  for (const text of texts) await expect(note(sam.page, text)).toHaveCount(1)
  await sam.context.close()
})

test('a guest joins from the guest link on a phone and adds a note the facilitator sees', async ({
  page,
  browser,
}) => {
  const owner = await signUpViaApi(page)
  const boardId = await startBoard(page, owner.csrfToken, 'Front desk huddle')
  await openBoard(page, boardId)
  await page.getByRole('tab', { name: 'Share & export' }).click()
  await page.getByRole('button', { name: 'Create guest link' }).click()
  const link = await page.getByLabel('Guest link', { exact: true }).inputValue()
  // The token rides in the fragment, which never reaches a server.
  expect(link).toMatch(/\/guest#./)
  expect(new URL(link).search).toBe('')

  const context = await browser.newContext({ ...devices['Pixel 7'] })
  const phone = await context.newPage()
  await phone.goto(link)
  await expect(phone.getByRole('heading', { level: 1, name: 'Join the workshop' })).toBeVisible({
    timeout: 30_000,
  })
  await expectNoViolations(phone, 'the guest join page on a phone')
  await phone.getByLabel('Your name (shown to the group)').fill('Lucía')
  await phone.getByRole('button', { name: 'Join the workshop' }).click()
  await expect(phone).toHaveURL(new RegExp(`/w/${boardId}$`))
  await waitLive(phone)
  await expect(phone.getByRole('heading', { level: 1, name: 'Front desk huddle' })).toBeVisible()
  await expect(phone.getByLabel('Jump to')).toBeVisible()

  await addNote(phone, 'Feels', 'Nervous about the biopsy')
  await expect(note(page, 'Nervous about the biopsy')).toContainText('Lucía')
  await expect(page.getByRole('list', { name: 'On the board now' })).toContainText('Lucía')
  await expectNoViolations(phone, 'the board on a phone')
  await context.close()
})

test("a patient's comment becomes a quote note and counts as patients' words", async ({ page }) => {
  // The demo practice writes six months of responses first: a few seconds, more on a busy machine.
  test.setTimeout(240_000)
  expect((await page.request.post('/api/demo')).status()).toBe(201)
  const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string }
  const boardId = await startBoard(page, me.csrfToken, 'Waiting room', { touchpointId: 'check-in' })
  await openBoard(page, boardId)
  await addNote(page, 'Says', 'How much longer?')
  const says = area(page, 'Says')
  await expect(says).toContainText("0 of 1 from patients' words")

  await page.getByRole('tab', { name: 'Evidence' }).click()
  // The panel first searches the board's touch point by itself; let that answer arrive.
  const answered = page.getByText(/^(\d+( or more)? comments found|No comments match)\.$/)
  await expect(answered).toBeAttached({ timeout: 30_000 })
  await page.getByLabel('Words').fill('wait')
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  const found = page.getByRole('list', { name: 'Comments found' })
  await expect
    .poll(async () => {
      const quotes = await found.getByRole('blockquote').allTextContents()
      return quotes.length > 0 && quotes.every((quote) => /wait/i.test(quote))
    })
    .toBe(true)
  await page.getByLabel('Add quotes to').selectOption({ label: 'Says' })
  // The demo's reviews match too (they are labelled "Review · …"): take a survey comment.
  const add = found
    .getByRole('listitem')
    .filter({ hasText: 'Patient comment · ' })
    .getByRole('button', { name: /^Add to Says/ })
    .first()
  const quoted = ((await add.textContent()) ?? '').replace(/^.*“|”$/g, '').replace(/…$/, '')
  await add.click()

  await expect(says.getByText(/^Patient comment · /)).toBeVisible()
  await expect(says.getByRole('blockquote')).toContainText(quoted.slice(0, 30))
  await expect(says).toContainText("1 of 2 from patients' words")
  await expect(found.getByText('Already on the board')).toHaveCount(1)
})

test('the board exports as Markdown and replays step by step', async ({ page }) => {
  const owner = await signUpViaApi(page)
  const boardId = await startBoard(page, owner.csrfToken, 'Export huddle')
  await openBoard(page, boardId)
  await addNote(page, 'Says', 'First note')
  await addNote(page, 'Feels', 'Second note')

  await page.getByRole('tab', { name: 'Share & export' }).click()
  const [markdown] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Markdown' }).click(),
  ])
  expect(markdown.suggestedFilename()).toBe('Export huddle.md')
  const text = await readFile(await markdown.path(), 'utf8')
  expect(text).toContain('Export huddle')
  expect(text).toContain('First note')
  expect(text).toContain('Second note')

  await page.getByRole('link', { name: 'Replay the workshop' }).click()
  await expect(page).toHaveURL(new RegExp(`/w/${boardId}/replay$`))
  await expect(page.getByRole('heading', { level: 1, name: 'Replay: Export huddle' })).toBeVisible()
  const slider = page.getByRole('slider', { name: 'Position in the history' })
  await slider.focus()
  await page.keyboard.press('End')
  await expect(note(page, 'Second note')).toBeVisible()
  await page.keyboard.press('ArrowLeft')
  await expect(note(page, 'Second note')).toHaveCount(0)
  await expect(note(page, 'First note')).toBeVisible()
})
