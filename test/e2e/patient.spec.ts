import AxeBuilder from '@axe-core/playwright'
import { devices, expect, test, type Page } from '@playwright/test'
import { signUpViaApi } from './helpers'

// A phone: Pixel 7's screen and touch, in the configured Chromium.
const phone = devices['Pixel 7']
test.use({
  viewport: phone.viewport,
  deviceScaleFactor: phone.deviceScaleFactor,
  isMobile: phone.isMobile,
  hasTouch: phone.hasTouch,
  userAgent: phone.userAgent,
  locale: 'en-US',
})

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

async function expectNoViolations(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze()
  const found = violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  )
  expect(found, `axe violations on ${state}`).toEqual([])
}

const reviewLinks = [
  { site: 'google', url: 'https://g.page/r/riverside-family/review' },
  { site: 'yelp', url: 'https://www.yelp.com/writeareview/biz/riverside-family' },
]

interface StoredResponse {
  id: string
  language: string
  answers: Record<string, unknown>
  location?: string
  provider?: string
}

/**
 * A bilingual practice with review links and one published survey. The page is signed in as its
 * owner (the patient page ignores that cookie), so `responses` reads what patients sent.
 */
async function publishedSurvey(page: Page, templateId = 'visit-pulse') {
  const owner = await signUpViaApi(page)
  const headers = { 'x-csrf-token': owner.csrfToken }
  const practice = await page.request.patch('/api/practice', {
    headers,
    data: { languages: ['en', 'es'], reviewLinks },
  })
  expect(practice.status()).toBe(200)
  const created = await page.request.post('/api/surveys', { headers, data: { templateId } })
  expect(created.status()).toBe(201)
  const { id, draft } = (await created.json()) as { id: string; draft: { questions: object[] } }
  const published = await page.request.post(`/api/surveys/${id}/publish`, { headers, data: {} })
  expect(published.status()).toBe(200)
  const { publicUrl } = (await published.json()) as { publicUrl: string }
  return {
    id,
    headers,
    path: new URL(publicUrl).pathname,
    /** How many questions the draft has, all of them shown by the staff preview. */
    questionCount: draft.questions.length,
    /** Adds providers to the practice; answers their ids. */
    async addProviders(...names: string[]): Promise<string[]> {
      const ids: string[] = []
      for (const name of names) {
        const made = await page.request.post('/api/providers', {
          headers,
          data: { name, title: 'MD' },
        })
        expect(made.status()).toBe(201)
        ids.push(((await made.json()) as { id: string }).id)
      }
      return ids
    },
    async responses(): Promise<{ total: number; items: StoredResponse[] }> {
      const answer = await page.request.get(`/api/responses?surveyId=${id}`)
      expect(answer.status()).toBe(200)
      return (await answer.json()) as { total: number; items: StoredResponse[] }
    },
  }
}

const heading = (page: Page) => page.getByRole('heading', { level: 2 })
const next = (page: Page) => page.getByRole('button', { name: 'Next', exact: true }).click()
const radio = (page: Page, name: string) => page.getByRole('radio', { name, exact: true })

/** Visit pulse for a dermatology practice: 10 questions (its journey adds Procedures), only the
 * first (0-10) required. Answers it, then Next to the last. */
async function answerVisitPulse(page: Page, recommend: number) {
  await expect(heading(page)).toContainText('How likely are you to recommend')
  await radio(page, String(recommend)).check()
  for (let step = 0; step < 9; step++) await next(page)
  await expect(heading(page)).toContainText('May we contact you')
}

test('a patient answers in English, goes back to change an answer, sends and sees the review links', async ({
  page,
}) => {
  const survey = await publishedSurvey(page)
  const created = await page.request.post('/api/locations', {
    headers: survey.headers,
    data: { name: 'Main Street clinic', address: '12 Main St' },
  })
  const location = (await created.json()) as { id: string }

  await page.goto(`${survey.path}?location=${location.id}`)
  await expect(page).toHaveTitle(/How was your visit\?/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How was your visit?')
  await expect(page.getByText('Tell us about your recent visit.')).toBeVisible()
  await expect(page.getByText('Question 1 of 10', { exact: true })).toBeVisible()
  const recommend = page.getByRole('group', { name: /How likely are you to recommend/ })
  await expect(recommend).toContainText('Required')
  await expect(radio(page, '0')).toHaveAccessibleDescription('Not at all likely')
  await expect(radio(page, '10')).toHaveAccessibleDescription('Extremely likely')

  // A required question left empty blocks Next, and says why.
  await next(page)
  await expect(page.getByRole('alert')).toHaveText('Please answer this question to go on.')
  await expect(page.getByText('Question 1 of 10', { exact: true })).toBeVisible()

  await radio(page, '9').check()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await next(page)
  await expect(heading(page)).toHaveAccessibleName(
    'Question 2 of 10. How was finding us and booking your appointment?',
  )
  await expect(heading(page)).toBeFocused()
  await radio(page, '4').check()

  await page.getByRole('button', { name: 'Back' }).click()
  await expect(heading(page)).toBeFocused()
  await expect(radio(page, '9')).toBeChecked()
  await radio(page, '10').check()
  await next(page)
  await expect(radio(page, '4')).toBeChecked()
  for (let step = 0; step < 7; step++) await next(page)

  const improve = page.getByLabel('What is one thing we could do better?')
  await improve.fill('Shorter waits, please.')
  await expect(page.getByText('22 of 1000 characters')).toBeVisible()
  await next(page)
  await page.getByText('Yes', { exact: true }).click()
  await expect(radio(page, 'Yes')).toBeChecked()
  await page.getByRole('button', { name: 'Send' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeFocused()
  await expect(page.getByText('Your answers have been sent.')).toBeVisible()
  await expect(page.getByText('Thank you for telling us about your visit.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Review us on Google' })).toHaveAttribute(
    'href',
    reviewLinks[0]!.url,
  )
  await expect(page.getByRole('link', { name: 'Review us on Yelp' })).toHaveAttribute(
    'href',
    reviewLinks[1]!.url,
  )
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('patient'))),
  ).toEqual([])

  const { total, items } = await survey.responses()
  expect(total).toBe(1)
  expect(items[0]).toMatchObject({
    language: 'en',
    location: location.id,
    answers: {
      recommend: 10,
      booking: 4,
      improve: 'Shorter waits, please.',
      'may-contact': true,
    },
  })
})

test('a patient switches to Spanish and everything the page says is in Spanish', async ({
  page,
}) => {
  const survey = await publishedSurvey(page)
  await page.goto(survey.path)
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await page.getByRole('button', { name: 'Español' }).click()
  await expect(page.getByRole('button', { name: 'Español' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('¿Cómo fue su visita?')
  await expect(page.getByText('Pregunta 1 de 10', { exact: true })).toBeVisible()
  await expect(page.getByText('Obligatoria')).toBeVisible()
  await expect(page.getByRole('group', { name: 'Idioma' })).toBeVisible()
  await page.getByRole('button', { name: 'Siguiente' }).click()
  await expect(page.getByRole('alert')).toHaveText('Responda esta pregunta para continuar.')

  await radio(page, '8').check()
  await page.getByRole('button', { name: 'Siguiente' }).click()
  await expect(page.getByText('Pregunta 2 de 10', { exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Atrás' })).toBeVisible()
  await expect(page.getByText('Muy malo')).toBeVisible()
  for (let step = 0; step < 6; step++) {
    await page.getByRole('button', { name: 'Siguiente' }).click()
  }
  await page.getByRole('button', { name: 'Siguiente' }).click()
  await expect(page.getByText('0 de 1000 caracteres')).toBeVisible()
  await page.getByRole('button', { name: 'Siguiente' }).click()
  await expect(radio(page, 'Sí')).toBeVisible()

  // Nothing the page itself says is left in English (the language buttons name themselves).
  const shown = await page.locator('main').innerText()
  for (const english of ['Question', 'Next', 'Back', 'Send', 'Required', 'Yes']) {
    expect(shown).not.toContain(english)
  }

  await page.getByRole('button', { name: 'Enviar' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '¡Gracias!' })).toBeVisible()
  await expect(page.getByText('Sus respuestas se enviaron.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Déjenos una reseña en Google' })).toBeVisible()
  await expect(page.getByText('Ya puede cerrar esta página.')).toBeVisible()

  const { total, items } = await survey.responses()
  expect(total).toBe(1)
  expect(items[0]).toMatchObject({ language: 'es', answers: { recommend: 8 } })
})

test('a Spanish browser gets the survey in Spanish', async ({ browser, page }) => {
  const survey = await publishedSurvey(page)
  const context = await browser.newContext({ locale: 'es-MX', viewport: phone.viewport })
  const patient = await context.newPage()
  await patient.goto(survey.path)
  await expect(patient.getByRole('heading', { level: 1 })).toHaveText('¿Cómo fue su visita?')
  await expect(patient.getByRole('button', { name: 'Español' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await context.close()
})

test('a patient says who they saw on a phone, and the response counts for that provider', async ({
  page,
}) => {
  const survey = await publishedSurvey(page)
  const [ames, brook] = await survey.addProviders('Dr. Ana Ames', 'Dr. Ben Brook')
  await page.goto(survey.path)
  await radio(page, '9').check()
  await next(page)
  await expect(heading(page)).toContainText('Who did you see today?')
  const progress = await page.getByText(/^Question 2 of \d+$/).textContent()
  const total = Number(progress!.split(' of ')[1])
  await expect(radio(page, 'Dr. Ana Ames, MD')).toBeVisible()
  await page.getByRole('button', { name: 'Español' }).click()
  await expect(heading(page)).toContainText('¿A quién vio hoy?')
  await radio(page, 'Dr. Ben Brook, MD').check()
  await expectNoViolations(page, 'the provider question')
  await page.getByRole('button', { name: 'English' }).click()
  for (let step = 2; step < total; step++) await next(page)
  await expect(heading(page)).toContainText('May we contact you')
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible()
  const { items } = await survey.responses()
  expect(items).toHaveLength(1)
  expect(items[0]).toMatchObject({ provider: brook, answers: { recommend: 9, provider: brook } })

  // A link that names the provider does not ask: the link has answered it.
  await page.goto(`${survey.path}?provider=${ames}`)
  await expect(page.getByText(`Question 1 of ${total - 1}`, { exact: true })).toBeVisible()
  await radio(page, '9').check()
  await next(page)
  await expect(heading(page)).toContainText('How was finding us and booking')
})

test('the staff preview offers the practice’s providers in its provider question', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  const survey = await publishedSurvey(page)
  await survey.addProviders('Dr. Ana Ames', 'Dr. Ben Brook')
  await page.goto(`/surveys/${survey.id}/preview`)
  await radio(page, '9').check()
  await next(page)
  await expect(heading(page)).toContainText('Who did you see today?')
  await expect(radio(page, 'Dr. Ana Ames, MD')).toBeVisible()
  await expect(radio(page, 'Dr. Ben Brook, MD')).toBeVisible()
  await expect(page.getByText('Your providers appear here.')).toHaveCount(0)
})

test('skip logic passes a follow-up by, and its answer is not sent', async ({ page }) => {
  const survey = await publishedSurvey(page, 'cg-cahps-visit')
  await page.goto(survey.path)
  await expect(page.getByText('Question 1 of 18', { exact: true })).toBeVisible()
  await expect(heading(page)).toContainText("did you contact this provider's office to get an")

  // Yes leads to the follow-up; answer it, then go back and say No after all.
  await radio(page, 'Yes').check()
  await next(page)
  await expect(heading(page)).toContainText("when you contacted this provider's office to get")
  await page.getByRole('radio').first().check()
  await page.getByRole('button', { name: 'Back' }).click()
  await radio(page, 'No').check()
  await expect(page.getByText('Question 1 of 17', { exact: true })).toBeVisible()
  await next(page)
  await expect(heading(page)).toContainText('make any appointments for a check-up')
  await expect(page.getByText('Question 2 of 17', { exact: true })).toBeVisible()

  // No to every screener (each skips its follow-up), a rating, then straight to the end.
  await radio(page, 'No').check()
  await next(page)
  await expect(heading(page)).toContainText('with a medical question')
  await radio(page, 'No').check()
  for (let step = 0; step < 6; step++) await next(page)
  await expect(heading(page)).toContainText('order a blood test')
  await radio(page, 'No').check()
  await next(page)
  await expect(heading(page)).toContainText('Using any number from 0 to 10')
  await radio(page, '9').check()
  await next(page)
  await radio(page, 'No').check()
  await next(page)
  await next(page)
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible()

  const { total, items } = await survey.responses()
  expect(total).toBe(1)
  const { answers } = items[0]!
  expect(answers).toMatchObject({
    'urgent-contact': false,
    'routine-contact': false,
    'question-contact': false,
    'test-ordered': false,
    'provider-rating': 9,
    'took-medicines': false,
  })
  expect(Object.keys(answers)).not.toContain('urgent-appointment')
  expect(Object.keys(answers)).not.toContain('test-results')
})

test('without a connection the answers wait on the phone and are stored once when it returns', async ({
  page,
  context,
}) => {
  const survey = await publishedSurvey(page)
  await page.goto(survey.path)
  await answerVisitPulse(page, 7)

  await context.setOffline(true)
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Almost done' })).toBeFocused()
  await expect(page.getByRole('status')).toHaveText(
    'Saved on this phone; we’ll send it when you’re back online.',
  )
  // Still offline, a tap on "Try again now" fails the same calm way.
  await page.getByRole('button', { name: 'Try again now' }).click()
  await expect(page.getByRole('button', { name: 'Try again now' })).toBeEnabled()
  expect((await survey.responses()).total).toBe(0)

  await context.setOffline(false)
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Review us on Google' })).toBeVisible()
  const { total, items } = await survey.responses()
  expect(total).toBe(1)
  expect(items[0]!.answers).toEqual({ recommend: 7 })
})

test('answers saved offline are sent on the next visit, with the same key', async ({
  page,
  context,
}) => {
  const survey = await publishedSurvey(page)
  await page.goto(survey.path)
  await answerVisitPulse(page, 3)
  await context.setOffline(true)
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('status')).toContainText('Saved on this phone')
  await page.close()

  await context.setOffline(false)
  const later = await context.newPage()
  const sent: { idempotencyKey: string }[] = []
  later.on('request', (request) => {
    if (request.method() === 'POST') sent.push(request.postDataJSON())
  })
  await later.goto(survey.path)
  await expect(later.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible()
  expect(sent).toHaveLength(1)
  expect(sent[0]!.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{22,}$/)

  // A replay of the same key and body (a retry that crossed the first answer) stores nothing new;
  // the same key with other answers is refused rather than silently dropped.
  const url = `/api/public/surveys/${survey.id}/responses`
  expect((await later.request.post(url, { data: sent[0] })).status()).toBe(200)
  const other = await later.request.post(url, {
    data: { ...sent[0], answers: { recommend: 10 } },
  })
  expect(other.status()).toBe(409)
  expect((await survey.responses()).total).toBe(1)
})

test('a double tap on Send stores one response', async ({ page }) => {
  const survey = await publishedSurvey(page)
  // A slow network, so the second tap lands while the first is on its way.
  await page.route('**/api/public/surveys/*/responses', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600))
    await route.continue()
  })
  const posts: string[] = []
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url())
  })
  await page.goto(survey.path)
  await answerVisitPulse(page, 10)
  await page.getByRole('button', { name: 'Send' }).dblclick()
  await expect(page.getByRole('button', { name: 'Sending…' })).toBeDisabled()
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible()
  expect(posts).toHaveLength(1)
  expect((await survey.responses()).total).toBe(1)
})

test('every respondent sees the same review links, whatever they answered (no review gating)', async ({
  page,
}) => {
  const survey = await publishedSurvey(page)
  const linksAfter = async (score: number) => {
    await page.goto(survey.path)
    await answerVisitPulse(page, score)
    await page.getByRole('button', { name: 'Send' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible()
    return page
      .getByRole('link')
      .evaluateAll((links) =>
        links.map((link) => `${link.textContent?.trim()} ${link.getAttribute('href')}`),
      )
  }
  const unhappy = await linksAfter(0)
  const delighted = await linksAfter(10)
  expect(unhappy).toEqual([
    `Review us on Google ${reviewLinks[0]!.url}`,
    `Review us on Yelp ${reviewLinks[1]!.url}`,
  ])
  expect(delighted).toEqual(unhappy)
  expect((await survey.responses()).total).toBe(2)
})

test('a closed tab resumes where it was, and Start over clears the answers', async ({ page }) => {
  const survey = await publishedSurvey(page)
  await page.goto(survey.path)
  await radio(page, '6').check()
  await next(page)
  await radio(page, '2').check()
  await next(page)
  await expect(page.getByText('Question 3 of 10', { exact: true })).toBeVisible()

  await page.reload()
  await expect(page.getByText('Question 3 of 10', { exact: true })).toBeVisible()
  await expect(page.getByText('We kept the answers you gave on this phone.')).toBeVisible()
  await page.getByRole('button', { name: 'Back' }).click()
  await expect(page.getByText('We kept the answers')).toHaveCount(0)
  await expect(radio(page, '2')).toBeChecked()
  await page.getByRole('button', { name: 'Back' }).click()
  await expect(radio(page, '6')).toBeChecked()

  await page.reload()
  await expect(page.getByText('Question 1 of 10', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Start over' }).click()
  await expect(heading(page)).toBeFocused()
  await expect(radio(page, '6')).not.toBeChecked()
  await expect(page.getByText('We kept the answers')).toHaveCount(0)
  await page.reload()
  await expect(radio(page, '6')).not.toBeChecked()
})

test('the server’s answers: a refused answer, a closed survey, a busy server', async ({ page }) => {
  const survey = await publishedSurvey(page)
  await page.goto(survey.path)
  await answerVisitPulse(page, 5)

  // 400 naming two answers, in the server's own problem+json (functions/src/api/problem.ts):
  // every one is listed, and the page goes to the first, to fix and send again.
  await page.route('**/api/public/surveys/*/responses', (route) =>
    route.fulfill({
      status: 400,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'https://touchpoint.dev/problems/invalid',
        title: 'Bad request',
        status: 400,
        detail: 'answers.recommend: Expected a whole number from 0 to 10',
        requestId: 'req-1',
        field: 'answers.recommend',
        errors: [
          { field: 'answers.recommend', message: 'Expected a whole number from 0 to 10' },
          { field: 'answers.visit', message: 'Expected a whole number from 1 to 5' },
        ],
      }),
    }),
  )
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(heading(page)).toContainText('How likely are you to recommend')
  await expect(heading(page)).toBeFocused()
  const summary = page
    .getByRole('alert')
    .filter({ hasText: /^Please check th(is answer|ese \d+ answers):/ })
  await expect(summary).toContainText('Please check these 2 answers:')
  await expect(summary.getByRole('button')).toHaveText([
    /^1\. How likely are you to recommend/,
    /^4\. How was your time with the doctor/,
  ])
  await expect(page.getByText('Please check this answer and try again.')).toBeVisible()
  // The second refused answer says so too, when the patient goes to it.
  await summary.getByRole('button').nth(1).click()
  await expect(page.getByText('Question 4 of 10', { exact: true })).toBeVisible()
  await expect(page.getByText('Please check this answer and try again.')).toBeVisible()
  await page.getByRole('button', { name: 'Back' }).click()
  await page.getByRole('button', { name: 'Back' }).click()
  await page.getByRole('button', { name: 'Back' }).click()
  await expect(heading(page)).toContainText('How likely are you to recommend')
  await radio(page, '6').check()
  await expect(summary).toContainText('Please check this answer:')
  await expect(summary.getByRole('button')).toHaveText([/^4\. How was your time/])

  // 429: a polite wait, then it goes through by itself.
  await page.unrouteAll()
  await page.route('**/api/public/surveys/*/responses', (route) =>
    route.fulfill({
      status: 429,
      headers: { 'retry-after': '2' },
      contentType: 'application/problem+json',
      body: JSON.stringify({ title: 'Too many attempts', status: 429 }),
    }),
  )
  for (let step = 0; step < 9; step++) await next(page)
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('status')).toContainText('Many people are sending answers right now.')
  await page.unrouteAll()
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible()
  expect((await survey.responses()).total).toBe(1)

  // Archived while a patient answers: 404 says so plainly.
  await page.goto(survey.path)
  await answerVisitPulse(page, 8)
  const archived = await page.request.post(`/api/surveys/${survey.id}/archive`, {
    headers: survey.headers,
    data: {},
  })
  expect(archived.status()).toBe(200)
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: 'This survey isn’t taking answers' }),
  ).toBeVisible()
  await page.reload()
  await expect(
    page.getByRole('heading', { level: 1, name: 'This survey isn’t taking answers' }),
  ).toBeVisible()
  expect((await survey.responses()).total).toBe(1)
})

test('when the survey cannot be fetched, the page says so and tries again on request', async ({
  page,
}) => {
  const survey = await publishedSurvey(page)
  await page.route(`**/api/public/surveys/${survey.id}`, (route) => route.abort())
  await page.goto(survey.path)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'We can’t reach the practice right now',
  )
  await expect(page.getByText('Check that your phone is connected')).toBeVisible()
  await page.unrouteAll()
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(heading(page)).toContainText('How likely are you to recommend')
})

/** The patient page's entries in this browser's localStorage (answers kept on the phone). */
const keptEntries = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith('touchpoint:patient:')),
  )

test('a kiosk link keeps nothing across patients: no resume, and a fresh start after thank-you', async ({
  page,
}) => {
  const survey = await publishedSurvey(page)
  await page.goto(`${survey.path}?kiosk=1`)
  await radio(page, '9').check()
  await next(page)
  await radio(page, '2').check()
  expect(await keptEntries(page)).toEqual([])

  // The next patient reloads, or finds the tablet as it was left: nothing of the last one.
  await page.reload()
  await expect(page.getByText('Question 1 of 10', { exact: true })).toBeVisible()
  await expect(page.getByText('Welcome back')).toHaveCount(0)
  await expect(radio(page, '9')).not.toBeChecked()

  await answerVisitPulse(page, 6)
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible()
  await expect(page.getByText('You can close this page now.')).toHaveCount(0)
  await expect(page.getByText(/starts over for the next person in \d+ s/)).toBeVisible()
  expect(await keptEntries(page)).toEqual([])
  await page.getByRole('button', { name: 'Done' }).click()
  await expect(page.getByText('Question 1 of 10', { exact: true })).toBeVisible()
  await expect(radio(page, '6')).not.toBeChecked()
  expect((await survey.responses()).total).toBe(1)
})

test('a kiosk waiting for a connection speaks of the tablet, never a phone, in both languages', async ({
  page,
  context,
}) => {
  const survey = await publishedSurvey(page)
  await page.goto(`${survey.path}?kiosk=1`)
  await answerVisitPulse(page, 8)
  await context.setOffline(true)
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Almost done' })).toBeFocused()
  await expect(page.getByRole('status')).toHaveText(
    'Saved on this tablet; we’ll send it when the connection is back.',
  )
  await expect(page.locator('main')).not.toContainText(/phone/i)
  await page.getByRole('button', { name: 'Español' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Ya casi terminamos' })).toBeVisible()
  await expect(page.getByRole('status')).toContainText('Guardado en esta tableta')
  await expect(page.locator('main')).not.toContainText(/teléfono/i)

  await context.setOffline(false)
  await expect(page.getByRole('heading', { level: 1, name: '¡Gracias!' })).toBeVisible()
  expect((await survey.responses()).total).toBe(1)
})

test('a kiosk left alone asks “still there?” and then starts over for the next patient', async ({
  page,
}) => {
  const survey = await publishedSurvey(page)
  await page.clock.install()
  await page.goto(`${survey.path}?kiosk=1`)
  await radio(page, '3').check()
  await next(page)

  await page.clock.fastForward('03:01')
  const prompt = page.getByRole('dialog', { name: 'Are you still there?' })
  await expect(prompt).toBeVisible()
  await expect(prompt).toContainText(/Starting over in \d+ s…/)
  await prompt.getByRole('button', { name: 'I’m still here' }).click()
  await expect(prompt).toBeHidden()
  await expect(page.getByText('Question 2 of 10', { exact: true })).toBeVisible()

  await page.clock.fastForward('03:01')
  await expect(prompt).toBeVisible()
  // The countdown ticks every second: run them all.
  await page.clock.runFor(21_000)
  await expect(prompt).toBeHidden()
  await expect(page.getByText('Question 1 of 10', { exact: true })).toBeVisible()
  await expect(radio(page, '3')).not.toBeChecked()
})

test('a personal phone resumes for half an hour, and free text only when asked', async ({
  page,
}) => {
  const survey = await publishedSurvey(page)
  await page.goto(survey.path)
  await radio(page, '8').check()
  for (let step = 0; step < 8; step++) await next(page)
  await page.getByLabel('What is one thing we could do better?').fill('My neighbour was there too')

  await page.reload()
  await expect(page.getByText('We kept the answers you gave on this phone.')).toBeVisible()
  await expect(page.getByText('Anything you wrote stays hidden unless you continue.')).toBeVisible()
  await expect(page.getByLabel('What is one thing we could do better?')).toHaveValue('')
  await page.getByRole('button', { name: 'Continue where I left off' }).click()
  await expect(page.getByLabel('What is one thing we could do better?')).toHaveValue(
    'My neighbour was there too',
  )

  // Half an hour after the last answer, the phone no longer offers them back.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) {
      if (!key.startsWith('touchpoint:patient:')) continue
      const entry = JSON.parse(localStorage.getItem(key) ?? '{}') as { savedAt: string }
      entry.savedAt = new Date(Date.now() - 31 * 60_000).toISOString()
      localStorage.setItem(key, JSON.stringify(entry))
    }
  })
  await page.reload()
  await expect(page.getByText('Question 1 of 10', { exact: true })).toBeVisible()
  await expect(page.getByText('Welcome back')).toHaveCount(0)
  await expect(radio(page, '8')).not.toBeChecked()
})

test('the browser’s Back and Forward move one question, and a reload of the thank-you page keeps it', async ({
  page,
}) => {
  const survey = await publishedSurvey(page)
  await page.goto(survey.path)
  await radio(page, '9').check()
  await next(page)
  await radio(page, '4').check()
  await next(page)
  await expect(page.getByText('Question 3 of 10', { exact: true })).toBeVisible()

  await page.goBack()
  await expect(page.getByText('Question 2 of 10', { exact: true })).toBeVisible()
  await expect(radio(page, '4')).toBeChecked()
  await expect(heading(page)).toBeFocused()
  await page.goBack()
  await expect(page.getByText('Question 1 of 10', { exact: true })).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`${survey.path}$`))
  await page.goForward()
  await expect(page.getByText('Question 2 of 10', { exact: true })).toBeVisible()
  // The page's own Back is the browser's too: Forward undoes it.
  await page.getByRole('button', { name: 'Back' }).click()
  await expect(page.getByText('Question 1 of 10', { exact: true })).toBeVisible()
  await page.goForward()
  await expect(page.getByText('Question 2 of 10', { exact: true })).toBeVisible()

  for (let step = 0; step < 8; step++) await next(page)
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible()
  await expect(page.getByText('Question 1 of 10', { exact: true })).toHaveCount(0)
  expect((await survey.responses()).total).toBe(1)
})

test('a long paste is cut to the limit and the page says how much was left out', async ({
  page,
}) => {
  const survey = await publishedSurvey(page)
  await page.goto(survey.path)
  await radio(page, '7').check()
  for (let step = 0; step < 8; step++) await next(page)
  const box = page.getByLabel('What is one thing we could do better?')

  // Near the limit the page says so, before anything is cut.
  await box.fill('a'.repeat(950))
  await expect(page.getByText('Almost at the limit: 50 characters left.')).toBeVisible()

  await box.fill('')
  await box.focus()
  await page.evaluate(() => {
    const data = new DataTransfer()
    data.setData('text/plain', 'b'.repeat(5000))
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    )
  })
  await expect(page.getByRole('alert')).toHaveText(
    'What you pasted was too long: the last 4,000 characters were left out to stay within 1,000.',
  )
  await expect(box).toHaveValue('b'.repeat(1000))
  await expect(page.getByText('1000 of 1000 characters')).toBeVisible()
})

test('a link says what is true: mistyped, not taking answers, or the practice unreachable with answers kept', async ({
  page,
}) => {
  await page.goto('/s/01ARZ3NDEKTSV4RRFFQ69G5FAV')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We can’t find this survey')
  await expect(page.getByText('Check the link you were given')).toBeVisible()

  const survey = await publishedSurvey(page)
  const draft = await page.request.post('/api/surveys', {
    headers: survey.headers,
    data: { templateId: 'telehealth' },
  })
  const { id: draftId } = (await draft.json()) as { id: string }
  await page.goto(`/s/${draftId}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'This survey isn’t taking answers',
  )

  await page.goto(survey.path)
  await radio(page, '9').check()
  await page.route(`**/api/public/surveys/${survey.id}`, (route) => route.abort())
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'We can’t reach the practice right now',
  )
  await expect(
    page.getByText('Your answers are kept on this device; try again in a moment.'),
  ).toBeVisible()
  await page.unrouteAll()
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(radio(page, '9')).toBeChecked()
})

/** A draft of our own: one required single choice, one multiple choice of at most two, one text. */
async function choicesSurvey(page: Page) {
  const survey = await publishedSurvey(page, 'telehealth')
  const current = await page.request.get(`/api/surveys/${survey.id}`)
  const { draft } = (await current.json()) as { draft: Record<string, unknown> }
  const option = (value: string, en: string, es: string) => ({ value, label: { en, es } })
  const saved = await page.request.put(`/api/surveys/${survey.id}/draft`, {
    headers: survey.headers,
    data: {
      ...draft,
      questions: [
        {
          id: 'reason',
          type: 'single',
          required: true,
          prompt: { en: 'What was your visit mainly about?', es: '¿De qué se trató su visita?' },
          help: { en: 'Choose the closest one.', es: 'Elija la más cercana.' },
          options: [
            option('checkup', 'A check-up', 'Un chequeo'),
            option('illness', 'An illness or injury', 'Una enfermedad o lesión'),
          ],
          topBox: [],
        },
        {
          id: 'liked',
          type: 'multi',
          required: false,
          maxChoices: 2,
          prompt: { en: 'What went well?', es: '¿Qué salió bien?' },
          options: [
            option('staff', 'Friendly staff', 'Personal amable'),
            option('wait', 'Short wait', 'Poca espera'),
            option('clean', 'Clean rooms', 'Salas limpias'),
          ],
        },
        {
          id: 'note',
          type: 'text',
          required: false,
          maxLength: 40,
          prompt: { en: 'Anything else?', es: '¿Algo más?' },
        },
      ],
    },
  })
  expect(saved.status()).toBe(200)
  const published = await page.request.post(`/api/surveys/${survey.id}/publish`, {
    headers: survey.headers,
    data: {},
  })
  expect(published.status()).toBe(200)
  return survey
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`single and multiple choice questions work and pass axe (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme })
    const survey = await choicesSurvey(page)
    await page.goto(survey.path)
    const reason = page.getByRole('group', { name: /What was your visit mainly about\? Required/ })
    await expect(reason).toHaveAccessibleDescription('Choose the closest one.')
    await next(page)
    await expect(page.getByRole('alert')).toBeVisible()
    await expect(reason).toHaveAccessibleDescription(
      'Choose the closest one. Please answer this question to go on.',
    )
    await expectNoViolations(page, 'a single choice left empty')
    await radio(page, 'An illness or injury').check()
    await next(page)

    const liked = page.getByRole('group', { name: /What went well\?/ })
    await expect(liked).toHaveAccessibleDescription('Choose up to 2.')
    await page.getByRole('checkbox', { name: 'Friendly staff' }).check()
    await page.getByRole('checkbox', { name: 'Clean rooms' }).check()
    await expect(page.getByRole('checkbox', { name: 'Short wait' })).toBeDisabled()
    await expectNoViolations(page, 'a multiple choice at its limit')
    await page.getByRole('checkbox', { name: 'Friendly staff' }).uncheck()
    await expect(page.getByRole('checkbox', { name: 'Short wait' })).toBeEnabled()
    await next(page)

    const note = page.getByLabel('Anything else?')
    await note.fill('x'.repeat(60))
    await expect(note).toHaveValue('x'.repeat(40))
    await expect(page.getByText('40 of 40 characters')).toBeVisible()
    await note.fill('  Lovely new waiting room.  ')
    await page.getByRole('button', { name: 'Send' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible()

    const { items } = await survey.responses()
    expect(items[0]!.answers).toEqual({
      reason: 'illness',
      liked: ['clean'],
      note: 'Lovely new waiting room.',
    })
  })

  test(`the patient page has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme })
    const survey = await publishedSurvey(page)
    await page.goto(survey.path)
    await expect(heading(page)).toContainText('How likely are you to recommend')
    await expectNoViolations(page, 'the first question')
    await next(page)
    await expect(page.getByRole('alert')).toBeVisible()
    await expectNoViolations(page, 'a required question left empty')

    await radio(page, '9').check()
    await next(page)
    await radio(page, '3').check()
    await expectNoViolations(page, 'a rating question')
    for (let step = 0; step < 7; step++) await next(page)
    await page.getByLabel('What is one thing we could do better?').fill('More parking.')
    await expectNoViolations(page, 'a text question')
    await next(page)
    await radio(page, 'No').check()
    await expectNoViolations(page, 'a yes/no question')

    await page.getByRole('button', { name: 'Español' }).click()
    await page.getByRole('button', { name: 'Enviar' }).click()
    await expect(page.getByRole('heading', { level: 1, name: '¡Gracias!' })).toBeVisible()
    await expectNoViolations(page, 'the thank-you page')

    await page.goto('/s/01ARZ3NDEKTSV4RRFFQ69G5FAV')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We can’t find this survey')
    await expectNoViolations(page, 'an unknown survey')
  })

  test(`the staff preview walks the draft and sends nothing (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme })
    const survey = await publishedSurvey(page)
    await page.goto(`/surveys/${survey.id}/preview`)
    await expect(page.getByText('Preview — answers are not saved')).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('How was your visit?')
    await expectNoViolations(page, 'the preview')
    await page.getByRole('button', { name: 'Español' }).click()
    // The preview shows every question, "Who did you see today?" too (patients of a practice
    // without providers are not asked it): it says where the providers will be.
    await expect(
      page.getByText(`Pregunta 1 de ${survey.questionCount}`, { exact: true }),
    ).toBeVisible()
    await radio(page, '9').check()
    await page.getByRole('button', { name: 'Siguiente' }).click()
    await expect(heading(page)).toContainText('¿A quién vio hoy?')
    await expect(page.getByText('Aquí aparecerán sus profesionales de salud.')).toBeVisible()
    for (let step = 1; step < survey.questionCount - 1; step++) {
      await page.getByRole('button', { name: 'Siguiente' }).click()
    }
    await expect(page.getByRole('button', { name: 'Enviar' })).toHaveCount(0)
    await page.getByRole('button', { name: 'End of preview' }).click()
    await expect(page.getByRole('heading', { level: 1, name: '¡Gracias!' })).toBeFocused()
    await expect(page.getByRole('link', { name: 'Déjenos una reseña en Google' })).toBeVisible()
    await expectNoViolations(page, 'the end of the preview')
    expect((await survey.responses()).total).toBe(0)
  })
}
