import { expect, test as base, type BrowserContext } from '@playwright/test'

type Cookies = Parameters<BrowserContext['addCookies']>[0]

/**
 * `test` with `demoOwner`: the session of a demo practice's owner, made once per worker and shared
 * by the tests that only read a demo practice (dashboard, responses, axe). Making the demo writes
 * some 2,000 responses; measured at 99-116 s on a busy two-core machine, it took more than half of
 * a test's time when each test made its own, and each one made the others slower still. Tests that
 * change a practice, or are about making the demo, still make their own.
 *
 * @example
 * test('reads the demo', async ({ page, demoOwner }) => {
 *   await page.context().addCookies(demoOwner)
 *   await page.goto('/dashboard')
 * })
 */
export const test = base.extend<object, { demoOwner: Cookies }>({
  demoOwner: [
    async ({ playwright }, use, workerInfo) => {
      const request = await playwright.request.newContext({
        baseURL: workerInfo.project.use.baseURL,
      })
      expect((await request.post('/api/demo')).status()).toBe(201)
      const { cookies } = await request.storageState()
      await request.dispose()
      await use(cookies)
    },
    // Its own budget, apart from the tests': the measured time above, with room to spare.
    { scope: 'worker', timeout: 240_000 },
  ],
})

export { expect }
