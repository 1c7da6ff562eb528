import { expect, type Page, test } from '@playwright/test'
import { expectNoViolations, signUpViaApi } from './helpers'

async function withLocations(page: Page) {
  const owner = await signUpViaApi(page)
  const ids: Record<string, string> = {}
  for (const name of ['North clinic', 'South clinic']) {
    const res = await page.request.post('/api/locations', {
      data: { name },
      headers: { 'x-csrf-token': owner.csrfToken },
    })
    expect(res.status()).toBe(201)
    ids[name] = ((await res.json()) as { id: string }).id
  }
  return ids
}

async function axeInBothThemes(page: Page, state: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await expectNoViolations(page, `${state} (${colorScheme})`)
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

test('a manager connects Yelp, sees it connected without its key, remaps it and disconnects', async ({
  page,
}) => {
  const locations = await withLocations(page)
  const apiKey = 'yelp-api-key-typed-once-0123456789'
  await page.goto('/settings')
  await page
    .getByRole('navigation', { name: 'Settings' })
    .getByRole('link', { name: 'Review sites' })
    .click()
  await expect(page.getByRole('heading', { name: 'Review sites', level: 1 })).toBeVisible()
  await expect(
    page.getByRole('link', { name: 'Import reviews from other sites (CSV)' }),
  ).toHaveAttribute('href', '/reviews/import')
  await axeInBothThemes(page, 'review sites, none connected')

  const yelp = page.getByRole('region', { name: 'Yelp' })
  await expect(yelp).toContainText('Not connected')
  await expect(yelp).toContainText('Yelp gives at most 3 review excerpts per business')
  const keyField = yelp.getByLabel('API key')
  await expect(keyField).toHaveAttribute('type', 'password')
  await expect(keyField).toHaveAttribute('autocomplete', 'off')

  // Nothing entered: every missing field is named, and focus goes to the first.
  await yelp.getByRole('button', { name: 'Connect Yelp' }).click()
  await expect(yelp.getByRole('alert')).toContainText('API key: Enter the API key')
  await expect(keyField).toBeFocused()

  await keyField.fill(apiKey)
  await yelp.getByLabel('Yelp business id').fill('riverside-family-practice')
  await yelp.getByLabel('Practice location').selectOption({ label: 'North clinic' })
  await yelp.getByRole('button', { name: 'Connect Yelp' }).click()

  await expect(yelp.getByText('Connected', { exact: true })).toBeVisible()
  await expect(yelp.getByText('Last run')).toBeVisible()
  await expect(yelp.getByRole('button', { name: 'Sync now' })).toBeVisible()
  // The key is nowhere on the page: not in a field, not in the text, not after a reload.
  await page.reload()
  await expect(yelp.getByText('Connected', { exact: true })).toBeVisible()
  await yelp.getByText('Replace credentials').click()
  const replaceKey = yelp.getByLabel('API key')
  await expect(replaceKey).toHaveValue('')
  await expect(replaceKey).toHaveAttribute('type', 'password')
  await expect(yelp).toContainText('Saved: enter a new value to replace it.')
  expect(await page.content()).not.toContain(apiKey)
  await axeInBothThemes(page, 'review sites, Yelp connected')

  // Which Yelp page is which location changes without typing the key again.
  const places = yelp.getByRole('form', { name: 'Yelp places' })
  await places.getByLabel('Practice location').selectOption({ label: 'South clinic' })
  await places.getByRole('button', { name: 'Save places' }).click()
  await expect(places.getByRole('status')).toHaveText('Places saved.')
  await page.reload()
  await expect(
    yelp.getByRole('form', { name: 'Yelp places' }).getByLabel('Practice location'),
  ).toHaveValue(locations['South clinic']!)

  await yelp.getByRole('button', { name: 'Disconnect' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Disconnect Yelp?' })
  await expect(dialog).toContainText('The reviews already collected stay.')
  await dialog.getByRole('button', { name: 'Disconnect' }).click()
  await expect(yelp.getByText('Not connected')).toBeVisible()
  await expect(yelp.getByRole('button', { name: 'Sync now' })).toHaveCount(0)
})
