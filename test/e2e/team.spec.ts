import { expect, test } from '@playwright/test'
import { goodPassword, signUp, uniqueEmail } from './helpers'

// "Copy link" writes to the clipboard; the test reads it back as the owner would paste it.
test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

test('an invited staff member joins through the link the owner copied', async ({
  page,
  browser,
}) => {
  const owner = await signUp(page)
  const staffEmail = uniqueEmail('staff')

  await page.getByRole('link', { name: 'Settings' }).click()
  await page
    .getByRole('navigation', { name: 'Settings' })
    .getByRole('link', { name: 'Team' })
    .click()
  await expect(page.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible()
  await page.getByLabel('E-mail').fill(staffEmail)
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Staff' })
  await page.getByRole('button', { name: 'Send invitation' }).click()

  await expect(
    page.getByRole('heading', { name: `Invitation ready for ${staffEmail}` }),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Copy link' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible()
  const link = await page.evaluate(() => navigator.clipboard.readText())
  expect(link).toMatch(/\/join#token=/)
  await expect(page.getByLabel('Invitation link')).toHaveValue(link)
  await expect(page.getByRole('heading', { name: /Pending invitations/ })).toContainText('(1)')

  // The invitee, in a browser of their own.
  const inviteeContext = await browser.newContext()
  const invitee = await inviteeContext.newPage()
  await invitee.goto(link)
  await expect(invitee.getByRole('heading', { level: 1 })).toHaveText(
    `Join ${owner.practiceName} as staff`,
  )
  const email = invitee.getByLabel('E-mail')
  await expect(email).toHaveValue(staffEmail)
  await expect(email).not.toBeEditable()
  await invitee.getByLabel('Your name').fill('Sam Okafor')
  await invitee.getByLabel('Password').fill(goodPassword)
  await invitee.getByRole('button', { name: 'Join practice' }).click()

  await expect(invitee).toHaveURL('/home')
  await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('Welcome, Sam')
  await expect(invitee.getByRole('banner')).toContainText(owner.practiceName)
  await invitee.getByRole('button', { name: 'Sam Okafor' }).click()
  await expect(invitee.getByRole('menu')).toContainText('Signed in as Sam Okafor · Staff')
  await invitee.keyboard.press('Escape')
  // Staff see the team but cannot invite.
  await invitee.goto('/settings/team')
  await expect(invitee.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible()
  await expect(invitee.getByRole('button', { name: 'Send invitation' })).toHaveCount(0)
  await inviteeContext.close()

  // The owner now sees the new member, with the role they were invited with.
  await page.reload()
  const row = page.getByRole('row', { name: /Sam Okafor/ })
  await expect(row).toContainText(staffEmail)
  await expect(page.getByLabel('Role for Sam Okafor')).toHaveValue('staff')
  await expect(page.getByRole('heading', { name: /Pending invitations/ })).toContainText('(0)')
})

test('a withdrawn invitation can no longer be used', async ({ page, browser }) => {
  await signUp(page)
  const email = uniqueEmail('committee')
  await page.goto('/settings/team')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Committee' })
  await page.getByRole('button', { name: 'Send invitation' }).click()
  const link = await page.getByLabel('Invitation link').inputValue()

  await page.getByRole('button', { name: `Withdraw the invitation to ${email}` }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Withdrew the invitation' }),
  ).toBeVisible()
  await expect(page.getByRole('heading', { name: /Pending invitations/ })).toContainText('(0)')
  await expect(page.getByLabel('Invitation link')).toHaveCount(0)

  const inviteeContext = await browser.newContext()
  const invitee = await inviteeContext.newPage()
  await invitee.goto(link)
  await expect(invitee.getByRole('heading', { level: 1 })).toHaveText(
    'This invitation cannot be used',
  )
  await expect(invitee.getByRole('button', { name: 'Join practice' })).toHaveCount(0)
  await inviteeContext.close()
})

test('the owner changes a member’s role and removes them after confirming', async ({
  page,
  browser,
}) => {
  await signUp(page)
  const email = uniqueEmail('manager')
  await page.goto('/settings/team')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Manager' })
  await page.getByRole('button', { name: 'Send invitation' }).click()
  const link = await page.getByLabel('Invitation link').inputValue()

  const inviteeContext = await browser.newContext()
  const invitee = await inviteeContext.newPage()
  await invitee.goto(link)
  await invitee.getByLabel('Your name').fill('Lee Park')
  await invitee.getByLabel('Password').fill(goodPassword)
  await invitee.getByRole('button', { name: 'Join practice' }).click()
  await expect(invitee).toHaveURL('/home')
  await inviteeContext.close()

  await page.reload()
  const role = page.getByLabel('Role for Lee Park')
  await expect(role).toHaveValue('manager')
  await role.selectOption({ label: 'Committee' })
  await expect(
    page.getByRole('status').filter({ hasText: 'Lee Park is now committee.' }),
  ).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Role for Lee Park')).toHaveValue('committee')

  await page.getByRole('button', { name: 'Remove Lee Park' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Remove Lee Park?' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('row', { name: /Lee Park/ })).toBeVisible()

  await page.getByRole('button', { name: 'Remove Lee Park' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove member' }).click()
  await expect(page.getByRole('row', { name: /Lee Park/ })).toHaveCount(0)
  await expect(page.getByRole('heading', { name: /Members/ })).toBeFocused()
})
