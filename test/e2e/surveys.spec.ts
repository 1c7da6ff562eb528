import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { goodPassword, signUpViaApi, uniqueEmail } from './helpers'

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

async function expectNoViolations(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze()
  const found = violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  )
  expect(found, `axe violations on ${state}`).toEqual([])
}

/** A practice whose owner the page is signed in as, offering English and Spanish. */
async function bilingualPractice(page: Page) {
  const owner = await signUpViaApi(page)
  const headers = { 'x-csrf-token': owner.csrfToken }
  const practice = await page.request.patch('/api/practice', {
    headers,
    data: { languages: ['en', 'es'] },
  })
  expect(practice.status()).toBe(200)
  return { owner, headers }
}

/** A question card, found by its number ("Question 3: …" is the card's accessible name). */
const question = (page: Page, number: number) =>
  page.getByRole('listitem', { name: new RegExp(`^Question ${number}:`) })

/** An image has actually loaded (a broken image is "visible" too). */
async function expectLoaded(image: Locator) {
  await expect(image).toBeVisible()
  await expect
    .poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth))
    .toBeGreaterThan(0)
}

test('an owner builds a survey from a template, publishes it, shares it and publishes again', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const { headers } = await bilingualPractice(page)
  const created = await page.request.post('/api/locations', {
    headers,
    data: { name: 'Main Street clinic', address: '12 Main St' },
  })
  const location = (await created.json()) as { id: string }

  await page.goto('/home')
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Surveys' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Surveys' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'No surveys yet' })).toBeVisible()
  await page.getByRole('link', { name: 'New survey' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'New survey' })).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'How was your visit?' })).toContainText(
    'About 2 minutes',
  )
  await page.getByRole('button', { name: 'Start with this template: How was your visit?' }).click()
  await expect(page).toHaveURL(/\/surveys\/[0-9A-Z]{26}$/)
  const surveyId = page.url().split('/').pop() as string
  await expect(page.getByRole('heading', { level: 1, name: 'How was your visit?' })).toBeVisible()
  await expect(page.getByText('Draft: not published yet')).toBeVisible()
  // Positions as the template and journey made them, so a template change does not break this.
  const made = (await (await page.request.get(`/api/surveys/${surveyId}`)).json()) as {
    draft: { questions: { id: string }[] }
  }
  const at = (id: string) => made.draft.questions.findIndex((q) => q.id === id) + 1
  const total = made.draft.questions.length
  const booking = at('booking')
  const contact = at('may-contact')
  const improve = at('improve')

  // Reword the booking question in both languages.
  await page.getByRole('button', { name: `Edit question ${booking}` }).click()
  await question(page, booking)
    .getByRole('textbox', { name: 'Question, English' })
    .fill('How easy was it to book your appointment?')
  await question(page, booking)
    .getByRole('textbox', { name: 'Question, Español' })
    .fill('¿Qué tan fácil fue hacer su cita?')
  await page.getByRole('button', { name: `Done with question ${booking}` }).click()
  await expect(page.getByRole('button', { name: `Edit question ${booking}` })).toBeFocused()
  await expect(
    page.getByRole('heading', {
      name: `Question ${booking}: How easy was it to book your appointment?`,
    }),
  ).toBeVisible()

  // A yes/no question that ends the survey on "No", written in English only for now.
  await page.getByRole('button', { name: 'Yes/No', exact: true }).click()
  const added = question(page, total + 1)
  await expect(added.getByRole('textbox', { name: 'Question, English' })).toBeFocused()
  await page.keyboard.type('Did you wait more than 15 minutes?')
  await added.getByRole('combobox', { name: 'If the answer is' }).selectOption({ label: 'No' })
  await expect(added.getByRole('combobox', { name: 'skip to' })).toHaveValue('end')
  await expect(added).toContainText('If No, skips to the end')

  // Move it above the contact question, from the keyboard.
  await added.getByRole('button', { name: `Move up question ${total + 1}` }).focus()
  await page.keyboard.press('Enter')
  const moved = `to position ${contact} of ${total + 1}`
  await expect(page.getByRole('status').filter({ hasText: moved })).toHaveText(
    `Moved “Did you wait more than 15 minutes?” ${moved}.`,
  )
  await expect(page.getByRole('button', { name: `Move up question ${contact}` })).toBeFocused()
  await expect(question(page, contact)).toContainText('Did you wait more than 15 minutes?')
  await expect(question(page, contact + 1)).toContainText('May we contact you about your answers?')

  // Español is on, so the server refuses the missing Spanish prompt and the editor points at it.
  await page.getByRole('button', { name: 'Save draft' }).click()
  const spanish = question(page, contact).getByRole('textbox', { name: 'Question, Español' })
  await expect(spanish).toBeFocused()
  await expect(spanish).toHaveAttribute('aria-invalid', 'true')
  await expect(spanish).toHaveAccessibleDescription(/Add the Español text/)
  await expect(
    page.getByRole('alert').filter({ hasText: 'The draft was not saved' }),
  ).toContainText(`Question ${contact}, question text (Español)`)
  await expect(page.getByText('Unsaved changes', { exact: true })).toBeVisible()
  await spanish.fill('¿Esperó más de 15 minutos?')
  await page.getByRole('button', { name: 'Save draft' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible()
  await expect(spanish).not.toHaveAttribute('aria-invalid')

  // Leaving with unsaved changes asks first.
  await question(page, contact)
    .getByRole('checkbox', { name: 'Patients must answer this question' })
    .check()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click()
  const leave = page.getByRole('alertdialog', { name: 'Leave without saving?' })
  await leave.getByRole('button', { name: 'Stay on this page' }).click()
  await expect(page).toHaveURL(`/surveys/${surveyId}`)
  await page.getByRole('button', { name: 'Save draft' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible()

  // Publish version 1.
  await page.getByRole('button', { name: 'Publish', exact: true }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Publish version 1?' })
  await expect(confirm).toContainText('A published version never changes')
  await expect(confirm).toContainText('Answers already given keep the version they answered')
  await confirm.getByRole('button', { name: 'Publish version 1' }).click()
  await expect(page.getByRole('heading', { name: 'Version 1 is live' })).toBeFocused()
  await expect(page.getByText('Live: version 1')).toBeVisible()
  await expect(page.getByText('The draft matches the live version.')).toBeVisible()

  // Patients can now open it, with the edits.
  const live = await page.request.get(`/api/public/surveys/${surveyId}`)
  expect(live.status()).toBe(200)
  const published = (await live.json()) as { version: number; questions: { prompt: object }[] }
  expect(published.version).toBe(1)
  // The practice has no providers, so its patients are not asked who they saw.
  const served = published.questions.map((q) => (q.prompt as { en: string }).en)
  expect(served).not.toContain('Who did you see today?')
  expect(published.questions[served.indexOf('Did you wait more than 15 minutes?')]?.prompt).toEqual(
    {
      en: 'Did you wait more than 15 minutes?',
      es: '¿Esperó más de 15 minutos?',
    },
  )

  // Sharing: the QR code is a real SVG, and a location is added to the link and the code.
  const qr = page.getByRole('img', { name: /QR code that opens the survey link/ })
  await expectLoaded(qr)
  const svg = await page.request.get((await qr.getAttribute('src')) as string)
  expect(svg.status()).toBe(200)
  expect(svg.headers()['content-type']).toContain('image/svg+xml')
  await page.getByLabel('Location').selectOption({ label: 'Main Street clinic' })
  await expect(page.getByLabel('Survey link')).toHaveValue(
    new RegExp(`/s/${surveyId}\\?location=${location.id}&kiosk=1$`),
  )
  await expect(qr).toHaveAttribute('src', new RegExp(`location=${location.id}`))
  await expect(page.getByRole('link', { name: /Download SVG/ })).toHaveAttribute(
    'download',
    /\.svg$/,
  )
  await expect(page.getByRole('link', { name: /Download PNG/ })).toHaveAttribute(
    'download',
    /\.png$/,
  )

  await page.getByRole('link', { name: 'Printable poster' }).click()
  await expect(page).toHaveURL(`/surveys/${surveyId}/poster?location=${location.id}&kiosk=1`)
  await expect(page.getByRole('heading', { level: 1, name: 'Printable poster' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'How was your visit?' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '¿Cómo fue su visita?' })).toBeVisible()
  const posterQr = page.getByRole('img', { name: 'QR code that opens the survey' })
  await expectLoaded(posterQr)
  // The code records the location; the printed link stays short enough to type.
  await expect(posterQr).toHaveAttribute('src', new RegExp(`location=${location.id}`))
  await expect(page.getByText('No camera? Ask at the front desk')).toBeVisible()
  await expect(page.getByRole('article', { name: 'Poster' })).toContainText('Main Street clinic')
  // No survey id to type from a wall: the code is the way in, and it knows where it hangs.
  await expect(page.getByRole('article', { name: 'Poster' })).not.toContainText(surveyId)
  // On paper: the poster only, no app header or buttons.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('banner')).toBeHidden()
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden()
  await expect(posterQr).toBeVisible()
  await page.emulateMedia({ media: 'screen' })

  // Change the draft and publish version 2; version 1 stays as it was.
  await page.getByRole('link', { name: '← Back to the survey' }).click()
  await page.getByRole('button', { name: `Edit question ${improve}` }).click()
  await question(page, improve)
    .getByRole('textbox', { name: 'Question, English' })
    .fill('What one thing would make your next visit better?')
  await question(page, improve)
    .getByRole('textbox', { name: 'Question, Español' })
    .fill('¿Qué haría mejor su próxima visita?')
  await page.getByRole('button', { name: 'Save draft' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Patients still answer version 1' }),
  ).toBeVisible()
  await expect(page.getByText('The draft has unpublished changes.')).toBeVisible()
  await page.getByRole('button', { name: 'Publish version 2' }).click()
  await page
    .getByRole('alertdialog', { name: 'Publish version 2?' })
    .getByRole('button', { name: 'Publish version 2' })
    .click()
  await expect(page.getByRole('heading', { name: 'Version 2 is live' })).toBeFocused()
  await expect(page.getByText('Live: version 2')).toBeVisible()
  const first = await page.request.get(`/api/surveys/${surveyId}/versions/1`)
  expect(((await first.json()) as any).definition.questions[improve - 1].prompt.en).toBe(
    'What is one thing we could do better?',
  )

  await page.getByRole('link', { name: '← All surveys' }).click()
  const row = page.getByRole('listitem').filter({ hasText: 'How was your visit?' })
  await expect(row).toContainText('Live v2')
  await expect(row).toContainText(`0 responses · ${total + 1} questions`)
})

test('archiving a survey stops its link and leaves it read-only', async ({ page }) => {
  const { headers } = await bilingualPractice(page)
  const created = await page.request.post('/api/surveys', {
    headers,
    data: { templateId: 'telehealth' },
  })
  const { id } = (await created.json()) as { id: string }
  await page.request.post(`/api/surveys/${id}/publish`, { headers })

  await page.goto(`/surveys/${id}`)
  await page.getByRole('button', { name: 'Archive survey' }).click()
  const confirm = page.getByRole('alertdialog')
  await expect(confirm).toContainText('stop accepting answers at once')
  await confirm.getByRole('button', { name: 'Archive survey' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
  await expect(page.getByText('Archived: the link no longer accepts answers.')).toBeVisible()
  for (const name of ['Save draft', 'Edit question 1', 'Archive survey', 'Copy link']) {
    await expect(page.getByRole('button', { name })).toHaveCount(0)
  }
  expect((await page.request.get(`/api/public/surveys/${id}`)).status()).toBe(410)

  // Changed their mind: restoring puts the same version back on the same link.
  await page.getByRole('button', { name: 'Restore survey' }).click()
  await expect(page.getByText('Live: version 1')).toBeVisible()
  expect((await page.request.get(`/api/public/surveys/${id}`)).status()).toBe(200)

  // A copy is a new draft with its own link, opened for editing.
  await page.getByRole('button', { name: 'Make a copy' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/\(copy\)$/)
  await expect(page).not.toHaveURL(`/surveys/${id}`)
  await expect(page.getByText('Draft: not published yet')).toBeVisible()
})

test('staff see surveys, the journey and review links without controls to change them', async ({
  page,
  browser,
}) => {
  const { headers } = await bilingualPractice(page)
  const survey = await page.request.post('/api/surveys', {
    headers,
    data: { templateId: 'visit-pulse' },
  })
  const { id } = (await survey.json()) as { id: string }
  expect((await page.request.post(`/api/surveys/${id}/publish`, { headers })).status()).toBe(200)
  await page.request.patch('/api/practice', {
    headers,
    data: { reviewLinks: [{ site: 'google', url: 'https://g.page/r/riverside/review' }] },
  })
  const invited = await page.request.post('/api/invitations', {
    headers,
    data: { email: uniqueEmail('staff'), role: 'staff' },
  })
  const { link } = (await invited.json()) as { link: string }

  const staffContext = await browser.newContext()
  const staff = await staffContext.newPage()
  const joined = await staff.request.post('/api/join', {
    data: {
      token: new URL(link).hash.replace('#token=', ''),
      name: 'Sam Okafor',
      password: goodPassword,
    },
  })
  expect(joined.status()).toBe(201)

  await staff.goto('/surveys')
  await expect(staff.getByRole('heading', { level: 1, name: 'Surveys' })).toBeVisible()
  await expect(
    staff.getByRole('listitem').filter({ hasText: 'How was your visit?' }),
  ).toContainText('Live v1')
  await expect(staff.getByRole('link', { name: 'New survey' })).toHaveCount(0)
  await expect(staff.getByText('Only the practice owner or a manager can create')).toBeVisible()

  await staff.getByRole('link', { name: 'View How was your visit?' }).click()
  await expect(staff.getByRole('heading', { level: 1, name: 'How was your visit?' })).toBeVisible()
  await expect(staff.getByText('Live: version 1')).toBeVisible()
  await expect(question(staff, 1)).toContainText('How likely are you to recommend')
  for (const name of ['Save draft', 'Publish version 2', 'Edit question 1', 'Archive survey']) {
    await expect(staff.getByRole('button', { name })).toHaveCount(0)
  }
  // Staff can still put the poster up.
  await expectLoaded(staff.getByRole('img', { name: /QR code/ }))
  await expect(staff.getByRole('link', { name: 'Printable poster' })).toBeVisible()

  await staff.goto('/surveys/new')
  await expect(
    staff.getByText('Only the practice owner or a manager can start a survey.'),
  ).toBeVisible()

  await staff.goto('/settings/journey')
  await expect(staff.getByRole('heading', { level: 1, name: 'Patient journey' })).toBeVisible()
  await expect(staff.getByRole('heading', { name: /Check-in and waiting/ })).toBeVisible()
  await expect(staff.getByRole('button', { name: 'Save journey' })).toHaveCount(0)
  await expect(staff.getByRole('button', { name: /^Move up/ })).toHaveCount(0)

  await staff.goto('/settings')
  await expect(staff.getByRole('link', { name: 'https://g.page/r/riverside/review' })).toBeVisible()
  await expect(staff.getByRole('button', { name: 'Save review links' })).toHaveCount(0)
  await staffContext.close()
})

test('an owner renames, reorders and extends the journey, and sets review links', async ({
  page,
}) => {
  await bilingualPractice(page)
  await page.goto('/settings')
  await page
    .getByRole('navigation', { name: 'Settings' })
    .getByRole('link', { name: 'Journey' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Patient journey' })).toBeVisible()

  await page.getByRole('button', { name: 'Rename Check-in and waiting' }).click()
  await page
    .getByRole('listitem', { name: /Check-in and waiting/ })
    .getByRole('textbox', { name: 'Name, English' })
    .fill('Arrival and check-in')
  await page.getByRole('button', { name: 'Move up Arrival and check-in' }).click()
  await expect(page.getByRole('button', { name: 'Move up Arrival and check-in' })).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Move down Arrival and check-in' })).toBeFocused()

  const add = page.getByRole('region', { name: 'Add a touch point' })
  await add.getByRole('button', { name: 'Add touch point' }).click()
  await expect(add.getByRole('textbox', { name: 'Name, English' })).toBeFocused()
  await expect(add.getByRole('textbox', { name: 'Name, English' })).toHaveAccessibleDescription(
    /Enter the name in English/,
  )
  await add.getByRole('textbox', { name: 'Name, English' }).fill('Lab draws')
  await add.getByRole('textbox', { name: 'Name, Español' }).fill('Toma de muestras')
  await add.getByRole('textbox', { name: 'Description, English' }).fill('Blood draws on site.')
  await add
    .getByRole('textbox', { name: 'Description, Español' })
    .fill('Extracciones de sangre en el consultorio.')
  await expect(add).toContainText('Its id will be lab-draws')
  await add.getByRole('button', { name: 'Add touch point' }).click()
  await expect(page.getByRole('listitem', { name: /Lab draws/ })).toBeFocused()
  // Added at the end (this dermatology practice's journey has seven touch points).
  await expect(page.getByRole('listitem', { name: /Lab draws/ })).toContainText('Touch point 8')

  await page.getByRole('button', { name: 'Save journey' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Journey saved.' })).toBeVisible()
  await page.reload()
  const names = page.getByRole('list').getByRole('heading', { level: 3 })
  await expect(names.first()).toContainText('Arrival and check-in')
  await expect(names.last()).toContainText('Lab draws')

  // Only touch points of the practice's own making can go; the dialog says what happens.
  await expect(page.getByRole('button', { name: 'Remove The visit' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Remove Lab draws' }).click()
  await expect(page.getByRole('alertdialog')).toContainText('published survey versions')
  await page.getByRole('button', { name: 'Remove touch point' }).click()
  await page.getByRole('button', { name: 'Save journey' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Journey saved.' })).toBeVisible()
  await expect(page.getByRole('listitem', { name: /Lab draws/ })).toHaveCount(0)

  // Review links.
  await page
    .getByRole('navigation', { name: 'Settings' })
    .getByRole('link', { name: 'Practice' })
    .click()
  const reviews = page.getByRole('region', { name: 'Review sites' })
  await expect(reviews).toContainText('whatever they answered')
  await expect(reviews).toContainText('never confirm that the writer is your patient')
  await reviews.getByRole('button', { name: 'Add a review site' }).click()
  await expect(reviews.getByRole('combobox', { name: 'Site 1' })).toBeFocused()
  await reviews.getByRole('combobox', { name: 'Site 1' }).selectOption({ label: 'Google' })
  const address = reviews.getByRole('textbox', { name: 'Address of your Google page' })
  await address.fill('http://g.page/r/riverside/review')
  await reviews.getByRole('button', { name: 'Save review links' }).click()
  await expect(address).toBeFocused()
  await expect(address).toHaveAccessibleDescription(/starting with https:\/\//)
  await address.fill('https://g.page/r/riverside/review')
  await reviews.getByRole('button', { name: 'Save review links' }).click()
  await expect(reviews.getByRole('status')).toHaveText('Review links saved.')
  await page.reload()
  await expect(page.getByRole('textbox', { name: 'Address of your Google page' })).toHaveValue(
    'https://g.page/r/riverside/review',
  )
})

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme })

    test('survey pages have no axe violations', async ({ page }) => {
      test.setTimeout(120_000) // ten axe runs
      const { headers } = await bilingualPractice(page)
      await page.request.post('/api/locations', { headers, data: { name: 'Main Street clinic' } })

      await page.goto('/surveys')
      await expect(page.getByRole('heading', { name: 'No surveys yet' })).toBeVisible()
      await expectNoViolations(page, 'surveys, empty')

      await page.getByRole('link', { name: 'New survey' }).click()
      await expect(page.getByRole('heading', { level: 1, name: 'New survey' })).toBeVisible()
      await expectNoViolations(page, 'the template catalogue')
      await page
        .getByRole('button', { name: 'Start with this template: How was your visit?' })
        .click()
      await expect(page).toHaveURL(/\/surveys\/[0-9A-Z]{26}$/)
      await expect(
        page.getByRole('heading', { level: 1, name: 'How was your visit?' }),
      ).toBeVisible()
      await expectNoViolations(page, 'the editor')

      await page.getByRole('button', { name: 'Single choice', exact: true }).click()
      await page.getByRole('button', { name: 'Edit question 2' }).click()
      await page.getByRole('button', { name: 'Save draft' }).click()
      await expect(
        page.getByRole('alert').filter({ hasText: 'The draft was not saved' }),
      ).toBeVisible()
      await expectNoViolations(page, 'the editor with open questions and errors')
      // The single-choice question just added is the last one, whatever the template's length.
      const questions = await page.getByRole('button', { name: /^Remove question \d+$/ }).count()
      await page.getByRole('button', { name: `Remove question ${questions}` }).click()
      await expect(page.getByRole('alertdialog')).toBeVisible()
      await expectNoViolations(page, 'the remove-question confirmation')
      await page.getByRole('alertdialog').getByRole('button', { name: 'Remove question' }).click()
      await page.getByRole('button', { name: 'Save draft' }).click()
      await expect(page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible()

      await page.getByRole('button', { name: 'Publish', exact: true }).click()
      await expect(page.getByRole('alertdialog')).toBeVisible()
      await expectNoViolations(page, 'the publish confirmation')
      await page.getByRole('button', { name: 'Publish version 1' }).click()
      await expect(page.getByRole('heading', { name: 'Version 1 is live' })).toBeVisible()
      await expectLoaded(page.getByRole('img', { name: /QR code/ }))
      await expectNoViolations(page, 'a live survey with its sharing panel')

      await page.getByRole('link', { name: 'Printable poster' }).click()
      await expectLoaded(page.getByRole('img', { name: /QR code/ }))
      await expectNoViolations(page, 'the poster')

      await page.goto('/surveys')
      await expect(
        page.getByRole('link', { name: 'How was your visit?', exact: true }),
      ).toBeVisible()
      await expectNoViolations(page, 'surveys, with one')

      await page.goto('/settings/journey')
      await page.getByRole('button', { name: 'Rename The visit' }).click()
      await page.getByRole('region', { name: 'Add a touch point' }).getByRole('button').click()
      await expectNoViolations(page, 'the journey, editing, with errors')

      await page.goto('/settings')
      await page.getByRole('button', { name: 'Add a review site' }).click()
      await expectNoViolations(page, 'practice settings with a review link')

      await page.setViewportSize({ width: 360, height: 740 })
      await page.goto('/surveys')
      await page.getByRole('link', { name: 'How was your visit?', exact: true }).click()
      await expect(
        page.getByRole('heading', { level: 1, name: 'How was your visit?' }),
      ).toBeVisible()
      await expectNoViolations(page, 'the survey at 360 px')
    })
  })
}
