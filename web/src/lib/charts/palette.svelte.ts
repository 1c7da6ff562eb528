import { theme } from '$lib/theme.svelte'

/** The colours charts draw with, read from the page's own custom properties (light or dark). */
export interface Palette {
  text: string
  muted: string
  grid: string
  accent: string
  accentSoft: string
  danger: string
  success: string
  surface: string
  /** A readable size on a laptop and on a meeting-room projector. */
  fontSize: number
}

/**
 * The current palette, as reactive state: charts that read it redraw when the person picks another
 * theme or the system switches between light and dark.
 */
class ChartPalette {
  #systemDark = $state(false)

  constructor() {
    if (typeof window === 'undefined') return
    const query = window.matchMedia('(prefers-color-scheme: dark)')
    this.#systemDark = query.matches
    query.addEventListener('change', (event) => (this.#systemDark = event.matches))
  }

  get current(): Palette {
    // Read so that a change of either re-runs whoever reads the palette.
    void theme.choice
    void this.#systemDark
    const style = getComputedStyle(document.documentElement)
    const read = (name: string) => style.getPropertyValue(name).trim()
    return {
      text: read('--color-text'),
      muted: read('--color-text-muted'),
      grid: read('--color-border'),
      accent: read('--color-accent'),
      accentSoft: read('--color-accent-soft'),
      danger: read('--color-danger'),
      success: read('--color-success'),
      surface: read('--color-surface'),
      fontSize: 15,
    }
  }
}

export const palette = new ChartPalette()
