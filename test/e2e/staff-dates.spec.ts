import { expect, test } from '@playwright/test'
import { newOwner, uniqueEmail } from './helpers'

// The practice's zone, not the browser's: a manager travelling, or a laptop set to another zone,
// reads the same dates as the front desk. Kiritimati (UTC+14) and Pago Pago (UTC−11) are 25 hours
// apart, so a date written in the wrong one is always another day.
test.use({ timezoneId: 'Pacific/Pago_Pago' })

test("a new invitation's card and the pending list give the same expiry, in the practice's zone", async ({
  page,
}) => {
  const owner = newOwner()
  const created = await page.request.post('/api/practices', {
    data: {
      practiceName: owner.practiceName,
      specialty: 'dermatology',
      timeZone: 'Pacific/Kiritimati',
      ownerName: owner.ownerName,
      email: owner.email,
      password: owner.password,
    },
  })
  expect(created.status()).toBe(201)

  await page.goto('/settings/team')
  const email = uniqueEmail('staff')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Staff' })
  await page.getByRole('button', { name: 'Send invitation' }).click()

  const card = page.getByRole('region', { name: `Invitation ready for ${email}` })
  await expect(card).toContainText('It works once and expires on')
  const cardDate = /expires on ([A-Z][a-z]{2} \d{1,2}, \d{4})/.exec(await card.innerText())?.[1]
  const listed = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: email }) })
  const listDate = /expires ([A-Z][a-z]{2} \d{1,2}, \d{4})/.exec(await listed.innerText())?.[1]
  expect(cardDate).toBeTruthy()
  expect(cardDate).toBe(listDate)
})
