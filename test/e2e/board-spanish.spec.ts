import { expect, test, type Page } from '@playwright/test'
import { signUpViaApi } from './helpers'

// A board created in Spanish says everything of its own in Spanish, not only the canvas text.
test.describe.configure({ timeout: 120_000 })
test.use({ viewport: { width: 1920, height: 1080 } })

async function startSpanishJourneyMap(page: Page, csrfToken: string): Promise<string> {
  const response = await page.request.post('/api/boards', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      title: 'Revisión de la piel, de principio a fin',
      persona: 'Paciente nuevo que pide una revisión de la piel',
      canvasId: 'journey-map',
      language: 'es',
    },
  })
  expect(response.status()).toBe(201)
  return ((await response.json()) as { board: { id: string } }).board.id
}

/** The English labels the board used to keep, and what a Spanish board says instead. */
const labels: [english: string, spanish: string][] = [
  ['Add a note', 'Añadir una nota'],
  ['Not set', 'Sin definir'],
  ['Emotion', 'Emoción'],
  ['Steps', 'Pasos'],
  ['Actions', 'Acciones'],
  ['Share & export', 'Compartir y exportar'],
  ['Hide board tools', 'Ocultar herramientas del tablero'],
  ['Presenter mode', 'Modo presentación'],
  ['Hide votes until you reveal', 'Ocultar los votos hasta revelarlos'],
  ['Hide notes while people write', 'Ocultar las notas mientras se escribe'],
  ['Lock board', 'Bloquear el tablero'],
  ['Allow anonymous notes', 'Permitir notas anónimas'],
  ['Live', 'En directo'],
  ['No notes yet.', 'Todavía no hay notas.'],
]

test('a Spanish board shows its labels, tabs and switches in Spanish', async ({ page }) => {
  const owner = await signUpViaApi(page)
  const boardId = await startSpanishJourneyMap(page, owner.csrfToken)
  await page.goto(`/w/${boardId}`)
  await expect(page.getByText('En directo', { exact: true })).toBeVisible({ timeout: 30_000 })

  // The canvas text comes translated with the board.
  await expect(page.getByRole('heading', { name: 'Hace' }).first()).toBeVisible()
  await expect(page.getByRole('complementary', { name: 'Herramientas del tablero' })).toBeVisible()
  await expect(page.getByRole('tab', { name: 'Evidencia' })).toBeVisible()

  const body = page.locator('body')
  for (const [english, spanish] of labels) {
    await expect(body, spanish).toContainText(spanish)
    // Whole words only: "Steps" must not match inside a sentence that merely contains it.
    await expect(page.getByText(english, { exact: true }), english).toHaveCount(0)
  }
  await expect(page.getByRole('button', { name: /Add a note/ })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /^Añadir una nota a / }).first()).toBeVisible()

  await page.getByRole('button', { name: 'Modo presentación' }).click()
  await expect(page.getByText('Modo presentación · Esc para salir')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Salir', exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Leave', exact: true })).toHaveCount(0)
  await page.getByRole('button', { name: 'Salir', exact: true }).click()

  const hideVotes = page.getByRole('switch', { name: 'Ocultar los votos hasta revelarlos' })
  await hideVotes.press('Space')
  await expect(hideVotes).toBeChecked()
  await expect(
    page.getByText('Los votos están ocultos: solo ve sus propios puntos', { exact: false }),
  ).toBeVisible()
  await expect(page.getByText(/Votes are hidden/)).toHaveCount(0)
})
