import { expect, test, type Browser, type Page } from '@playwright/test'
import { signUpViaApi } from './helpers'

// A Spanish board says every word of its own in Spanish: not only the labels board-spanish.spec.ts
// checks, but the step timer, the notes' menus and dialogs, the actions, sharing, export, the
// evidence search, the facilitator's votes and the replay. The two tests share one board.
test.describe.configure({ mode: 'serial', timeout: 120_000 })

/** English the board used to show whatever its language; none of it may be in a Spanish board. */
const english = [
  '← Workshops',
  'About:',
  ' here',
  'You have',
  'Previous step',
  'Next step',
  'Start timer',
  'No timer running',
  'Workshop steps',
  'Board settings',
  'Title and persona',
  'Edit title and persona',
  'Dots per person',
  'turns voting off',
  'Nobody is connected',
  'dots to place',
  'not voted yet',
  'Remove my vote',
  'yours)',
  'New action',
  'What will be done',
  'No owner yet',
  'Due ',
  'Add action',
  'From the note',
  'open,',
  'Board link',
  'Guest link',
  'Create guest link',
  'Expires',
  'guests joined',
  'Revoke',
  'Download Markdown',
  'Download PNG',
  'Replay the workshop',
  'Put patients',
  'Any theme',
  'Any touch point',
  'Search',
  'No comments',
  'Move note',
  'Choose the area',
  'Cancel',
  'Edit',
  'Move up',
  'Colour',
  'Delete',
]

/** A phrase as a whole word or words: "Cancel" must not match inside "Cancelar". */
function asWords(phrase: string): RegExp {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const start = /^\w/.test(phrase) ? '\\b' : ''
  const end = /\w$/.test(phrase) ? '\\b' : ''
  return new RegExp(`${start}${escaped}${end}`)
}

/** The English phrases found in what the page shows (its visible text, dialogs and menus too). */
async function englishShown(page: Page): Promise<string[]> {
  const shown = await page.locator('body').innerText()
  return english.filter((phrase) => asWords(phrase).test(shown))
}

let page: Page
let boardId: string

async function openSpanishBoard(browser: Browser): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  page = await context.newPage()
  const owner = await signUpViaApi(page)
  const response = await page.request.post('/api/boards', {
    headers: { 'x-csrf-token': owner.csrfToken },
    data: {
      title: 'Revisión de la piel, de principio a fin',
      persona: 'Paciente nuevo que pide una revisión de la piel',
      canvasId: 'journey-map',
      language: 'es',
    },
  })
  expect(response.status()).toBe(201)
  boardId = ((await response.json()) as { board: { id: string } }).board.id
}

test.beforeAll(async ({ browser }) => openSpanishBoard(browser))
test.afterAll(async () => page.context().close())

test('the live Spanish board says its header, steps, notes, actions, sharing and evidence in Spanish', async () => {
  await page.goto(`/w/${boardId}`)
  await expect(page.getByText('En directo', { exact: true })).toBeVisible({ timeout: 30_000 })
  await expect(page).toHaveTitle(/· Taller · Touchpoint$/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')

  // The header and the steps panel (the facilitator's timer, votes and settings).
  const shown = page.locator('body')
  await expect(shown).toContainText('← Talleres')
  await expect(shown).toContainText('Sobre: Paciente nuevo')
  await expect(shown).toContainText('1 presente')
  await expect(page.getByRole('button', { name: /^Iniciar temporizador/ })).toBeVisible()
  await expect(page.getByRole('button', { name: /Paso siguiente/ })).toBeVisible()
  await expect(shown).toContainText('Ajustes del tablero')
  await expect(page.getByLabel('Puntos por persona')).toBeVisible()
  await expect(page.getByRole('list', { name: 'Pasos del taller' })).toBeVisible()
  expect(await englishShown(page), 'header and steps').toEqual([])

  // A note: its votes, its menu and a dialog.
  await page
    .getByRole('button', { name: /^Añadir una nota a / })
    .first()
    .click()
  const editor = page.getByLabel(/^Su nota para /)
  await editor.fill('No encontré dónde estacionar')
  await editor.press('Enter')
  await page.keyboard.press('Escape')
  const note = page.locator('article', { hasText: 'No encontré dónde estacionar' })
  await expect(note).toContainText('Usted')
  await note.getByRole('button', { name: /^Votar por / }).click()
  await expect(note).toContainText('1 voto (1 suyo)')
  await expect(note.getByRole('button', { name: /^Quitar mi voto de / })).toBeVisible()
  await expect(shown).toContainText(/\d+ de \d+ puntos/)
  expect(await englishShown(page), 'a note and the vote tally').toEqual([])

  await note.getByRole('button', { name: /^Opciones de la nota: / }).click()
  const menu = page.getByRole('menu')
  for (const item of ['Editar', 'Mover a…', 'Bajar', 'Agrupar…', 'Eliminar…']) {
    await expect(menu.getByRole('menuitem', { name: item })).toBeVisible()
  }
  await expect(menu).toContainText('Amarillo')
  expect(await englishShown(page), 'the note menu').toEqual([])
  await menu.getByRole('menuitem', { name: 'Mover a…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Mover la nota' })
  await expect(dialog).toContainText('Elija el área a la que moverla')
  await expect(dialog.getByRole('button', { name: 'Cancelar' })).toBeVisible()
  expect(await englishShown(page), 'the move dialog').toEqual([])
  await dialog.getByRole('button', { name: 'Cancelar' }).click()

  // The actions panel, with a due date written in Spanish.
  await page.getByRole('tab', { name: 'Acciones' }).click()
  await page.getByLabel('Qué se hará').fill('Poner un letrero en la entrada')
  await page.getByLabel('Vence (opcional)').fill('2031-03-14')
  await page.getByLabel('De la nota (opcional)').selectOption({ index: 1 })
  await page.getByRole('button', { name: 'Añadir la acción' }).click()
  await expect(shown).toContainText('Vence el 14 mar 2031')
  await expect(shown).toContainText('1 abierta')
  await expect(shown).toContainText('De la nota “No encontré dónde estacionar”')
  expect(await englishShown(page), 'the actions panel').toEqual([])

  // Sharing (a guest link and its expiry) and export.
  await page.getByRole('tab', { name: 'Compartir y exportar' }).click()
  await expect(shown).toContainText('Enlace del tablero')
  await page.getByRole('button', { name: 'Crear un enlace de invitado' }).click()
  await expect(shown).toContainText(/Vence (hoy|mañana) a las/)
  await expect(shown).toContainText('Enlaces de invitado de este tablero')
  await expect(page.getByRole('button', { name: 'Descargar en Markdown' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Reproducir el taller' })).toBeVisible()
  expect(await englishShown(page), 'the share panel and export menu').toEqual([])

  // The evidence search (this new practice has no comments yet).
  await page.getByRole('tab', { name: 'Evidencia' }).click()
  await expect(page.getByLabel('Palabras')).toBeVisible()
  await expect(shown).toContainText('Ningún comentario de los últimos 12 meses coincide')
  await expect(page.getByRole('button', { name: 'Buscar' })).toBeVisible()
  expect(await englishShown(page), 'the evidence panel').toEqual([])
})

test('its replay says the history in Spanish', async () => {
  await page.goto(`/w/${boardId}/replay`)
  await expect(page.getByRole('heading', { name: /^Repetición: / })).toBeVisible({
    timeout: 30_000,
  })
  await expect(page).toHaveTitle(/^Repetición: /)
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  const shown = page.locator('body')
  await expect(shown).toContainText('Paso 0 de ')
  await expect(page.getByRole('link', { name: '← Volver al tablero en directo' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Reproducir' })).toBeVisible()
  const slider = page.getByRole('slider', { name: 'Posición en el historial' })
  await slider.focus()
  await page.keyboard.press('End')
  await expect(shown).toContainText('añadió una acción de seguimiento')
  await page.keyboard.press('Home')
  await page.keyboard.press('ArrowRight')
  await expect(shown).toContainText('añadió una nota a')
  expect(await englishShown(page), 'the replay').toEqual([])
  expect(await shown.innerText()).not.toMatch(/Step \d+ of|Play|Back to the live board/)
})
