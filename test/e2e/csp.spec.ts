import type { Page } from '@playwright/test'
import { expect, test } from './demo-practice'

/**
 * Every page loads under the content-security policy with nothing blocked: no inline script or
 * style, no connection elsewhere. A page that needed an inline allowance would show up here as a
 * `securitypolicyviolation` event or a CSP console error, and not only as a broken page.
 */

/** Records violations from the first byte of every document the page opens. */
async function watchPolicy(page: Page): Promise<string[]> {
  const found: string[] = []
  await page.exposeFunction('reportCspViolation', (line: string) => found.push(line))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (line: string) => void })
        .reportCspViolation
      report(`${location.pathname}: ${event.effectiveDirective} blocked ${event.blockedURI}`)
    })
  })
  page.on('console', (message) => {
    if (message.type() === 'error' && /content security policy/i.test(message.text())) {
      found.push(`${new URL(page.url()).pathname}: console: ${message.text()}`)
    }
  })
  return found
}

/** Opens a page, waits for it to settle, and checks the policy it was sent. */
async function visit(page: Page, path: string, ready: (page: Page) => Promise<void>) {
  const response = await page.goto(path)
  const policy = response?.headers()['content-security-policy'] ?? ''
  expect(policy, path).toContain("script-src 'self' 'sha256-")
  expect(policy, path).not.toContain('unsafe-inline')
  expect(policy, path).toContain("connect-src 'self';")
  await ready(page)
  // Late work (charts drawn, sockets opened, styles applied) reports after the first paint.
  await page.waitForLoadState('networkidle')
}

const heading = (page: Page, name?: string | RegExp) =>
  expect(page.getByRole('heading', { level: 1, ...(name && { name }) }).first()).toBeVisible()

test('every page loads with zero content-security-policy violations', async ({
  page,
  demoOwner,
}) => {
  test.setTimeout(180_000)
  const violations = await watchPolicy(page)

  // Public pages, signed out.
  for (const path of ['/', '/signin', '/signup', '/guest', '/join']) {
    await visit(page, path, (p) => heading(p))
  }
  await visit(page, '/s/01ARZ3NDEKTSV4RRFFQ69G5FAV', (p) => heading(p))

  // Signed in on the demo practice: its charts, lists and settings.
  await page.context().addCookies(demoOwner)
  const me = await page.request.get('/api/me')
  const { csrfToken } = (await me.json()) as { csrfToken: string }
  const headers = { 'x-csrf-token': csrfToken }
  const surveys = (await (await page.request.get('/api/surveys')).json()) as {
    items: { id: string; status: string }[]
  }
  const live = surveys.items.find((survey) => survey.status === 'published') ?? surveys.items[0]!
  for (const path of [
    '/home',
    '/dashboard',
    '/responses',
    '/outbox',
    '/settings',
    '/settings/journey',
    '/settings/locations',
    '/settings/providers',
    '/settings/team',
    '/surveys',
    '/surveys/new',
    `/surveys/${live.id}`,
    `/surveys/${live.id}/preview`,
    `/surveys/${live.id}/poster`,
    '/workshops',
    '/workshops/new',
  ]) {
    await visit(page, path, (p) => heading(p))
  }

  // The patient page of a live survey (its styles, its question components).
  await visit(page, `/s/${live.id}`, (p) =>
    expect(p.getByRole('heading', { level: 2 })).toBeVisible(),
  )

  // A workshop board (its live socket) and its replay.
  const created = await page.request.post('/api/boards', {
    headers,
    data: { title: 'Check-in', persona: 'A new patient', canvasId: 'empathy-map-classic' },
  })
  expect(created.status()).toBe(201)
  const { board } = (await created.json()) as { board: { id: string } }
  const socket = page.waitForEvent('websocket')
  await visit(page, `/w/${board.id}`, (p) => heading(p))
  expect(new URL((await socket).url()).host).toBe(new URL(page.url()).host)
  await visit(page, `/w/${board.id}/replay`, (p) => heading(p))

  expect(violations).toEqual([])
})
