import { statSync } from 'node:fs'
import { ulid } from 'ulid'
import { test as base, type APIRequestContext, type Page } from '@playwright/test'
import { test as demoTest, expect } from './demo-practice'
import { expectNoViolations, signUpViaApi } from './helpers'

// Meeting mode on a room's projector: 1920×1080, read from the back of the room.
base.describe.configure({ timeout: 120_000 })
base.use({ viewport: { width: 1920, height: 1080 } })

const csrfOf = async (request: APIRequestContext) =>
  ((await (await request.get('/api/me')).json()) as { csrfToken: string }).csrfToken

/** Picks this week's moment through the API, as the Moments page does, recognising `staff`. */
async function pickMoment(
  request: APIRequestContext,
  staff: { kind: 'user' | 'provider'; id: string },
  story: { quote: string; whatTheyDid: string; patientGain: string },
) {
  const csrf = await csrfOf(request)
  const { week } = (await (await request.get('/api/moments/candidates')).json()) as { week: string }
  const made = await request.post('/api/moments', {
    headers: { 'x-csrf-token': csrf },
    data: { week, staff: [staff], touchpoint: 'check-in', ...story },
  })
  expect(made.status(), await made.text()).toBe(201)
}

/** Adds a follow-up action to a new board over the board's socket, from the page's browser. */
async function boardWithAction(page: Page, text: string, due: string): Promise<string> {
  const csrf = await csrfOf(page.request)
  const created = await page.request.post('/api/boards', {
    headers: { 'x-csrf-token': csrf },
    data: {
      title: 'Waiting room, Monday rush',
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
      op: { type: 'op', opId: ulid(), op: { type: 'action.add', actionId: ulid(), text, due } },
    },
  )
  return boardId
}

const title = (page: Page) => page.getByRole('heading', { level: 1 })
const timer = (page: Page) => page.getByRole('timer')

/** Nothing wider than the window, and the whole item on one screen. */
async function expectNoOverflow(page: Page) {
  const size = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
    innerWidth: window.innerWidth,
    innerHeight: window.innerHeight,
    clipped: [...document.querySelectorAll('main *')].filter(
      (el) =>
        el.scrollWidth > el.clientWidth + 1 &&
        getComputedStyle(el).overflowX === 'visible' &&
        el.clientWidth > 0,
    ).length,
  }))
  expect(size.width).toBeLessThanOrEqual(size.innerWidth)
  expect(size.height).toBeLessThanOrEqual(size.innerHeight)
  expect(size.clipped).toBe(0)
}

base(
  'walks the weekly agenda with the keyboard, a timer per item that turns amber, then red',
  async ({ page }) => {
    await page.clock.install()
    await signUpViaApi(page)
    const me = (await (await page.request.get('/api/me')).json()) as { user: { id: string } }
    await pickMoment(
      page.request,
      { kind: 'user', id: me.user.id },
      {
        quote:
          'The wait was long, but Dana kept us informed and found my son a chair by the window.',
        whatTheyDid:
          'Told every family in the waiting room how long the delay would be, every 15 minutes',
        patientGain: 'A calm boy and a mother who knew when they would be seen',
      },
    )
    const actionBoard = await boardWithAction(page, 'Put a delay board at check-in', '2026-01-05')

    await page.goto('/meeting')
    await expect(title(page)).toHaveText('The customer-experience moment')
    // No app chrome: meeting mode has its own header, not the app's navigation.
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0)
    const quote = page.locator('blockquote p')
    await expect(quote).toContainText('Dana kept us informed')
    expect(
      parseFloat(await quote.evaluate((el) => getComputedStyle(el).fontSize)),
    ).toBeGreaterThanOrEqual(40)
    await expect(
      page.getByText('A calm boy and a mother who knew when they would be seen'),
    ).toBeVisible()
    await expect(page.getByRole('definition').first()).toHaveText('Dana Whitfield')
    await expectNoOverflow(page)
    await page.screenshot({ path: '/tmp/shots-mmeet/e2e-moment-fresh-1920.png' })

    // Space starts the 5-minute timer; it counts.
    await expect(timer(page)).toContainText('5:00')
    await page.keyboard.press('Space')
    await expect(page.getByRole('button', { name: 'Pause timer' })).toBeVisible()
    await page.clock.fastForward(3_000)
    await expect(timer(page)).toContainText(/4:5[67]/)

    // → moves on, and the running clock moves with it: the numbers get their own 3 minutes.
    await page.keyboard.press('ArrowRight')
    await expect(title(page)).toHaveText("This week's numbers")
    await expect(title(page)).toBeFocused()
    await page.clock.fastForward(2_000)
    await expect(timer(page)).toContainText(/2:5[78]/)
    // A new practice has no answers: the room is told so, not shown a number.
    await expect(page.getByText(/Not enough answers yet/).first()).toBeVisible()
    await page.keyboard.press('ArrowRight')
    await expect(title(page)).toHaveText('Open follow-up actions')
    await expect(page.getByText('Put a delay board at check-in', { exact: true })).toBeVisible()
    // The owner may take an action to the governance committee as a case.
    await expect(
      page.getByRole('link', { name: /^Open a case\W+Put a delay board at check-in$/ }),
    ).toHaveAttribute('href', /^\/cases\/new\?origin=board-action/)
    await expect(page.getByText('Overdue since Jan 5, 2026')).toBeVisible()
    await expect(page.getByRole('link', { name: 'Waiting room, Monday rush' })).toHaveAttribute(
      'href',
      `/w/${actionBoard}`,
    )
    await page.keyboard.press('ArrowRight')
    await expect(title(page)).toHaveText('The workshop board')
    await expect(page.getByRole('link', { name: 'Open “Waiting room, Monday rush”' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Empathy map (classic)' })).toHaveAttribute(
      'href',
      '/workshops/new?canvas=empathy-map-classic',
    )

    // ← goes back; the moment kept the time it had used.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft')
    await expect(title(page)).toHaveText('The customer-experience moment')
    await expect(timer(page)).toContainText(/4:5\d/)
    await page.keyboard.press('Space')
    await expect(page.getByText('Paused', { exact: true })).toBeVisible()
    const paused = await timer(page).textContent()
    await page.clock.fastForward(10_000)
    await expect(timer(page)).toHaveText(paused ?? '')

    // Amber at one minute left, red (and said in words) when over; never a sound.
    await page.keyboard.press('Space')
    await page.clock.fastForward(4 * 60_000)
    await expect(page.locator('.timer')).toHaveAttribute('data-state', 'last-minute')
    await expect(page.getByText('Less than a minute left')).toBeVisible()
    await page.clock.fastForward(65_000)
    await expect(page.locator('.timer')).toHaveAttribute('data-state', 'over')
    await expect(page.getByText('Over time')).toBeVisible()
    await expect(timer(page)).toContainText(/\+0:\d\d over/)
    await page.screenshot({ path: '/tmp/shots-mmeet/e2e-over-time-1920.png' })

    // Esc leaves meeting mode.
    await page.keyboard.press('Escape')
    await expect(page).toHaveURL('/home')
  },
)

base(
  'a practice with no moment this week gets a link to pick one; the daily huddle is shorter',
  async ({ page }) => {
    await signUpViaApi(page)
    await page.goto('/meeting')
    await expect(page.getByText('No moment has been picked for this week yet.')).toBeVisible()
    await expect(page.getByRole('link', { name: "Pick this week's moment" })).toHaveAttribute(
      'href',
      '/moments',
    )
    await page.getByLabel('Agenda', { exact: true }).selectOption('daily-huddle')
    await expect(title(page)).toHaveText('Shout-out')
    await expect(page.getByText('Daily huddle · 8 min')).toBeVisible()
    await expect(page).toHaveURL(/agenda=daily-huddle/)
    await page.reload()
    await expect(title(page)).toHaveText('Shout-out')
  },
)

demoTest.describe('with the demo practice', () => {
  demoTest.describe.configure({ timeout: 180_000 })
  demoTest.use({ viewport: { width: 1920, height: 1080 } })

  demoTest(
    'presents the moment and numbers with their uncertainty; axe on a projector and a laptop, light and dark',
    async ({ page, demoOwner }) => {
      await page.context().addCookies(demoOwner)
      const { items: providers } = (await (await page.request.get('/api/providers')).json()) as {
        items: { id: string; name: string }[]
      }
      const provider = providers[0]!
      await pickMoment(
        page.request,
        { kind: 'provider', id: provider.id },
        {
          quote: `I was terrified about the biopsy. ${provider.name} explained every step, held my hand, and called me herself the same evening with the result.`,
          whatTheyDid:
            'Explained the procedure step by step and called with the result the same day',
          patientGain: 'She slept that night, knowing the spot was benign',
        },
      )

      await page.goto('/meeting')
      await expect(page.locator('blockquote p')).toContainText('explained every step')
      await expectNoOverflow(page)
      await page.screenshot({ path: 'docs/meeting-mode.png' })
      expect(statSync('docs/meeting-mode.png').size).toBeLessThan(300_000)

      await page.keyboard.press('ArrowRight')
      await expect(title(page)).toHaveText("This week's numbers")
      // The last four weeks of the demo have enough answers: a number, and how sure it is.
      const numbers = page.getByRole('table')
      await expect(numbers).toContainText(/likely between [+−]?\d+ and [+−]?\d+, \d+ answers/)
      await expect(numbers).toContainText(/rated it 4 or 5, likely between \d+% and \d+%/)
      await expectNoOverflow(page)

      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme })
        for (const viewport of [
          { width: 1920, height: 1080 },
          { width: 1280, height: 800 },
        ]) {
          await page.setViewportSize(viewport)
          await page.keyboard.press('ArrowLeft')
          await expect(title(page)).toHaveText('The customer-experience moment')
          await expectNoViolations(page, `the moment at ${viewport.width} (${colorScheme})`)
          await page.screenshot({
            path: `/tmp/shots-mmeet/demo-moment-${viewport.width}-${colorScheme}.png`,
          })
          await page.keyboard.press('ArrowRight')
          await expect(title(page)).toHaveText("This week's numbers")
          await expectNoViolations(page, `the numbers at ${viewport.width} (${colorScheme})`)
          await page.screenshot({
            path: `/tmp/shots-mmeet/demo-numbers-${viewport.width}-${colorScheme}.png`,
          })
        }
      }
    },
  )
})
