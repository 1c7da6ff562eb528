/**
 * A PNG of the whole board, not just the part scrolled into view. The board (a journey map
 * especially) scrolls sideways inside its own boxes, and html-to-image draws only what a box shows.
 * So a copy is laid out off screen, beside the original (to keep its inherited styles), with
 * those boxes opened up, and the copy is drawn. Buttons are left out: they are for the meeting.
 */
export async function boardPicture(
  canvas: HTMLElement,
  {
    backgroundColor,
    title,
    subtitle,
    actionsHeading = 'Follow-up actions',
    actions = [],
  }: {
    backgroundColor: string
    title: string
    subtitle: string
    /** The actions' heading, in the board's language. */
    actionsHeading?: string
    /** The follow-up actions, one line each (`actionLines`), drawn under the board. */
    actions?: readonly string[]
  },
): Promise<string> {
  const { toPng } = await import('html-to-image')
  const scrollers = [canvas, ...canvas.querySelectorAll<HTMLElement>('*')].filter(scrolls)
  let extraWidth = 0
  for (const el of scrollers) extraWidth = Math.max(extraWidth, el.scrollWidth - el.clientWidth)
  const width = Math.ceil(canvas.clientWidth + extraWidth)

  for (const el of scrollers) el.dataset.exportScroller = ''
  const copy = canvas.cloneNode(true) as HTMLElement
  for (const el of scrollers) delete el.dataset.exportScroller

  // Form controls show their current value, which cloning leaves behind.
  const liveSelects = canvas.querySelectorAll('select')
  copy.querySelectorAll('select').forEach((select, i) => {
    select.value = liveSelects[i]?.value ?? select.value
  })
  for (const el of [copy, ...copy.querySelectorAll<HTMLElement>('*')]) {
    el.removeAttribute('id')
    // What the screen says for this viewer ("You") and the picture says for everyone.
    if (el.dataset.exportText !== undefined) el.textContent = el.dataset.exportText
    if (el.dataset.exportScroller !== undefined) {
      el.style.overflow = 'visible'
      delete el.dataset.exportScroller
    }
  }
  copy.style.width = `${width}px`

  // The picture says what it shows: the board's title and who it is about.
  const caption = document.createElement('div')
  caption.style.cssText =
    'padding: 0.75rem 0.5rem 1rem; color: var(--color-text); font-family: var(--font-sans);'
  const heading = document.createElement('div')
  heading.style.cssText = 'font-size: 1.5rem; font-weight: 700; line-height: 1.25;'
  heading.textContent = title
  const about = document.createElement('div')
  about.style.cssText = 'color: var(--color-text-muted);'
  about.textContent = subtitle
  caption.append(heading, about)
  copy.prepend(caption)
  if (actions.length > 0) copy.append(actionsBlock(actionsHeading, actions))

  const stage = document.createElement('div')
  stage.setAttribute('aria-hidden', 'true')
  stage.inert = true
  stage.style.cssText = `position: fixed; top: 0; left: ${-width - 100}px; width: ${width}px; pointer-events: none;`
  stage.append(copy)
  canvas.after(stage)
  try {
    return await toPng(copy, {
      backgroundColor,
      pixelRatio: Math.min(2, Math.max(1, window.devicePixelRatio || 1)),
      width,
      height: Math.ceil(copy.scrollHeight),
      filter: (node) =>
        !(node instanceof HTMLElement) ||
        (node.tagName !== 'BUTTON' && node.dataset.exportHidden === undefined),
    })
  } finally {
    stage.remove()
  }
}

/** The follow-up actions under the board: they are what the workshop decided. */
function actionsBlock(title: string, lines: readonly string[]): HTMLElement {
  const block = document.createElement('div')
  block.style.cssText =
    'padding: 1rem 0.5rem; color: var(--color-text); font-family: var(--font-sans);'
  const heading = document.createElement('div')
  heading.style.cssText = 'font-size: 1.25rem; font-weight: 700; margin-bottom: 0.5rem;'
  heading.textContent = title
  const list = document.createElement('ul')
  list.style.cssText = 'margin: 0; padding-left: 1.25rem;'
  for (const line of lines) {
    const item = document.createElement('li')
    item.textContent = line
    list.append(item)
  }
  block.append(heading, list)
  return block
}

function scrolls(el: HTMLElement): boolean {
  if (el.scrollWidth <= el.clientWidth + 1) return false
  const { overflowX } = getComputedStyle(el)
  return overflowX === 'auto' || overflowX === 'scroll' || overflowX === 'hidden'
}
