/** Where a carried note would land: its area, and the note it would go before (null: the end). */
export interface DropPlace {
  area: string
  beforeId: string | null
}

/** A note being carried by the pointer, as the ghost and the drop marker draw it. */
export interface CarriedNote {
  noteId: string
  text: string
  colourStyle: string
  pointerId: number
  x: number
  y: number
  offsetX: number
  offsetY: number
  width: number
  started: boolean
  over: DropPlace | null
  marker: { left: number; top: number; width: number } | null
}

interface NoteDragOptions {
  /** The journey map's sideways scroller, if the board has one (it scrolls near its edges too). */
  scroller: () => HTMLElement | null | undefined
  /** The note was let go over an area, after moving far enough to count as a drag. */
  ondrop: (noteId: string, over: DropPlace) => void
}

/**
 * Drag and drop of notes with a pointer. A drag starts on a note's handle, counts only after the
 * pointer moved 5 px (so a click on the handle stays a click), finds the area and the note under
 * the pointer, scrolls near the window's edges, and ends on release, cancel or Escape.
 */
export class NoteDrag {
  current = $state<CarriedNote | null>(null)
  readonly #options: NoteDragOptions

  constructor(options: NoteDragOptions) {
    this.#options = options
  }

  /** The note being carried once the drag has really started, for the areas to dim it. */
  get carriedId(): string | null {
    return this.current?.started ? this.current.noteId : null
  }

  /** Whether the carried note is over this area now. */
  isOver(areaId: string): boolean {
    return !!this.current?.started && this.current.over?.area === areaId
  }

  start(event: PointerEvent, noteId: string, text: string) {
    if (event.button !== 0 || this.current) return
    const handle = event.currentTarget as HTMLElement
    const card = handle.closest<HTMLElement>('[data-note-id]')
    if (!card) return
    event.preventDefault()
    const rect = card.getBoundingClientRect()
    this.current = {
      noteId,
      text,
      colourStyle: card.getAttribute('style') ?? '',
      pointerId: event.pointerId,
      x: event.clientX,
      y: event.clientY,
      offsetX: event.clientX - rect.left,
      offsetY: event.clientY - rect.top,
      width: rect.width,
      started: false,
      over: null,
      marker: null,
    }
    const startX = event.clientX
    const startY = event.clientY
    let frame = 0
    // No text selection while a note is carried across the page.
    const root = document.documentElement
    const userSelect = root.style.userSelect
    root.style.userSelect = 'none'

    const locate = () => {
      const drag = this.current
      if (!drag) return
      const below = document.elementFromPoint(drag.x, drag.y)
      const areaElement = below?.closest<HTMLElement>('[data-area-drop]')
      if (!areaElement) {
        drag.over = null
        drag.marker = null
        return
      }
      const area = areaElement.dataset.areaDrop as string
      const cards = [...areaElement.querySelectorAll<HTMLElement>('[data-note-id]')].filter(
        (el) => el.dataset.noteId !== noteId,
      )
      const before = cards.find((el) => {
        const r = el.getBoundingClientRect()
        return drag.y < r.top + r.height / 2
      })
      const box = areaElement.getBoundingClientRect()
      let marker: CarriedNote['marker']
      if (before) {
        const r = before.getBoundingClientRect()
        marker = { left: r.left, top: r.top - 5, width: r.width }
      } else if (cards.length > 0) {
        const r = (cards.at(-1) as HTMLElement).getBoundingClientRect()
        marker = { left: r.left, top: r.bottom + 3, width: r.width }
      } else {
        marker = { left: box.left + 12, top: box.top + box.height / 2, width: box.width - 24 }
      }
      drag.over = { area, beforeId: before?.dataset.noteId ?? null }
      drag.marker = marker
    }

    // Near an edge, scroll the page (and a journey map sideways) so far areas can be reached.
    const autoscroll = () => {
      frame = 0
      const drag = this.current
      if (!drag?.started) return
      const edge = 72
      let dy = 0
      if (drag.y < edge) dy = -Math.ceil((edge - drag.y) / 6)
      else if (drag.y > innerHeight - edge) dy = Math.ceil((drag.y - (innerHeight - edge)) / 6)
      let dx = 0
      const scroller = this.#options.scroller()
      if (scroller) {
        const r = scroller.getBoundingClientRect()
        if (drag.x < r.left + edge) dx = -Math.ceil((r.left + edge - drag.x) / 6)
        else if (drag.x > r.right - edge) dx = Math.ceil((drag.x - (r.right - edge)) / 6)
        if (dx) scroller.scrollLeft += dx
      }
      if (dy) scrollBy(0, dy)
      if (dx || dy) {
        locate()
        frame = requestAnimationFrame(autoscroll)
      }
    }

    const onMove = (e: PointerEvent) => {
      const drag = this.current
      if (!drag || e.pointerId !== drag.pointerId) return
      drag.x = e.clientX
      drag.y = e.clientY
      if (!drag.started && Math.hypot(e.clientX - startX, e.clientY - startY) < 5) return
      drag.started = true
      e.preventDefault()
      locate()
      if (!frame) frame = requestAnimationFrame(autoscroll)
    }
    const finish = (drop: boolean) => {
      removeEventListener('pointermove', onMove)
      removeEventListener('pointerup', onUp)
      removeEventListener('pointercancel', onCancel)
      removeEventListener('keydown', onKey, true)
      if (frame) cancelAnimationFrame(frame)
      root.style.userSelect = userSelect
      const done = this.current
      this.current = null
      if (drop && done?.started && done.over) this.#options.ondrop(done.noteId, done.over)
    }
    const onUp = (e: PointerEvent) => {
      if (this.current && e.pointerId === this.current.pointerId) finish(true)
    }
    const onCancel = (e: PointerEvent) => {
      if (this.current && e.pointerId === this.current.pointerId) finish(false)
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.preventDefault()
      e.stopPropagation()
      finish(false)
    }
    addEventListener('pointermove', onMove, { passive: false })
    addEventListener('pointerup', onUp)
    addEventListener('pointercancel', onCancel)
    addEventListener('keydown', onKey, true)
  }
}
