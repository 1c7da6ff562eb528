import { expect, test } from '@playwright/test'
import { expectNoViolations, newOwner, signOut, signUpViaApi } from './helpers'

// A new owner's first week: how the app addresses them, its header, settings and journey.

test('a titled owner with a role in brackets is greeted by first name, with clean initials', async ({
  page,
}) => {
  await signUpViaApi(page, { ...newOwner(), ownerName: 'Dr. Helen Okafor (Committee chair)' })
  await page.goto('/home')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Helen')
  // On a phone the user menu shows initials; its accessible name stays the full name.
  await page.setViewportSize({ width: 390, height: 844 })
  const menu = page.getByRole('button', { name: 'Dr. Helen Okafor (Committee chair)' })
  await expect(menu.locator('.user-menu-initials')).toHaveText('HO')
})

// From a tablet held sideways to a meeting-room screen: one row, every page one click away.
for (const width of [768, 900, 1024, 1100, 1200, 1280, 1366, 1440, 1920]) {
  test(`the header keeps brand, every link and the user menu on one row at ${width} px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 })
    await signUpViaApi(page, {
      ...newOwner(),
      practiceName: 'Riverside Family Practice and Dermatology Group',
      ownerName: 'Dr. Alexandra Montgomery-Whitfield',
    })
    await page.goto('/home')
    const header = page.locator('header.app-header')
    const nav = header.getByRole('navigation', { name: 'Main' })
    const links = nav.getByRole('link')
    await expect(links.first()).toBeVisible()
    const more = nav.getByRole('button', { name: 'More' })
    const parts = [
      header.getByRole('link', { name: /Touchpoint/ }),
      ...(await links.all()),
      ...((await more.isVisible()) ? [more] : []),
      header.getByRole('button', { name: /Alexandra/ }),
    ]
    // Each page is a link on the bar or in "More"; none is left out.
    const onBar = await links.allTextContents()
    if (await more.isVisible()) {
      await more.click()
      onBar.push(...(await page.getByRole('menu').getByRole('menuitem').allTextContents()))
      await page.keyboard.press('Escape')
    }
    expect(onBar.map((text) => text.replace('✓', '').trim()).sort()).toEqual(
      [
        'Dashboard',
        'Home',
        'Moments',
        'Outbox',
        'Responses',
        'Reviews',
        'Settings',
        'Surveys',
        'Workshops',
      ].sort(),
    )
    const middles: number[] = []
    let previousRight = 0
    for (const part of parts) {
      const box = (await part.boundingBox())!
      expect(box.x + box.width, 'inside the window').toBeLessThanOrEqual(width)
      // Side by side, never one over the next (a link hidden under the user menu).
      expect(box.x, 'after the part before it').toBeGreaterThanOrEqual(previousRight)
      previousRight = box.x + box.width
      middles.push(box.y + box.height / 2)
    }
    expect(
      Math.max(...middles) - Math.min(...middles),
      'the middles of brand, links and menu',
    ).toBeLessThan(4)
    // One row: the bar is no taller than its tallest item with its padding.
    expect((await header.boundingBox())!.height).toBeLessThan(80)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    )
  })
}

test('on a tablet "More" holds Workshops, Settings and Outbox, marks the section you are in, and opens by keyboard', async ({
  page,
}) => {
  await page.setViewportSize({ width: 768, height: 1024 })
  await signUpViaApi(page)
  await page.goto('/settings/team')
  const nav = page.getByRole('navigation', { name: 'Main' })
  await expect(nav.getByRole('link', { name: 'Settings' })).toBeHidden()
  const more = nav.getByRole('button', { name: 'More (Settings, current section)' })
  await more.focus()
  await page.keyboard.press('Enter')
  const menu = page.getByRole('menu')
  await expect(menu.getByRole('menuitem', { name: 'Settings' })).toHaveAttribute(
    'aria-current',
    'true',
  )
  await expectNoViolations(page, 'the tablet header with "More" open')
  // Workshops, Settings, Outbox: the menu opens on the first.
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL('/outbox')
  await expect(nav.getByRole('button', { name: 'More (Outbox, current section)' })).toBeVisible()

  // A phone keeps its Menu button with every page in one list, and no "More".
  await page.setViewportSize({ width: 390, height: 844 })
  await expect(nav.getByRole('button', { name: /More/ })).toBeHidden()
  await page.getByRole('button', { name: 'Menu' }).click()
  await expect(nav.getByRole('link', { name: 'Settings' })).toBeVisible()
})

test.describe('time zones', () => {
  test.use({ timezoneId: 'Europe/Madrid' })

  test('the time-zone picker offers the browser’s zone first, by region, and finds a city', async ({
    page,
  }) => {
    await signUpViaApi(page)
    await page.goto('/settings')
    const zone = page.getByLabel('Time zone', { exact: true })
    await expect(zone).toHaveValue('America/Chicago')
    const groups = await zone
      .locator('optgroup')
      .evaluateAll((all) => all.map((g) => (g as HTMLOptGroupElement).label))
    expect(groups.slice(0, 3)).toEqual(['Suggested', 'Africa', 'America'])
    await expect(zone.locator('optgroup').first().locator('option').first()).toHaveText(
      /^Madrid \(GMT\+\d\)$/,
    )

    await page.getByLabel('Find a city or region').fill('new york')
    await expect(page.getByText('2 zones match')).toBeVisible()
    await zone.selectOption('America/New_York')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.reload()
    await expect(page.getByLabel('Time zone', { exact: true })).toHaveValue('America/New_York')
  })
})

test('an English-only practice adds a touch point without writing Spanish', async ({ page }) => {
  await signUpViaApi(page)
  await page.goto('/settings/journey')
  const add = page.getByRole('region', { name: 'Add a touch point' })
  await expect(add.getByRole('textbox', { name: 'Name, English' })).toBeVisible()
  await expect(add.getByRole('textbox', { name: /Español/ })).toHaveCount(0)
  await add.getByRole('textbox', { name: 'Name, English' }).fill('Lab draws')
  await add.getByRole('textbox', { name: 'Description, English' }).fill('Blood draws on site.')
  await add.getByRole('button', { name: 'Add touch point' }).click()
  await expect(page.getByRole('listitem', { name: /Lab draws/ })).toBeFocused()
  await page.getByRole('button', { name: 'Save journey' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Journey saved.' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('list').getByRole('heading', { level: 3 }).last()).toContainText(
    'Lab draws',
  )
})

test('after signing out of the demo, the welcome page leads back into the same demo', async ({
  page,
}) => {
  // Making the demo writes some 2,000 responses: up to two minutes on a busy two-core machine.
  test.setTimeout(300_000)
  await page.goto('/')
  await page.getByRole('button', { name: 'Explore a demo practice' }).click()
  await expect(page).toHaveURL('/dashboard', { timeout: 240_000 })
  const practice = await page.locator('.brand-practice').textContent()
  expect(practice).toContain('(demo)')
  await signOut(page, 'Alex Rivera')

  await page.getByRole('button', { name: 'Back to the demo practice' }).click()
  await expect(page).toHaveURL('/dashboard')
  await expect(page.locator('.brand-practice')).toHaveText(practice!)

  // Its surveys say how many responses each has had.
  await page.goto('/surveys')
  await expect(page.getByText(/^[\d,]{3,} responses · \d+ questions/).first()).toBeVisible()
})
