import type { NoteColour } from '$domain/boards/board'

/** One note colour in one theme: the card, its text and its quieter text (author, votes). */
export interface NoteShade {
  background: string
  text: string
  muted: string
}

export interface NoteSwatch {
  id: NoteColour
  label: string
  light: NoteShade
  dark: NoteShade
}

/**
 * Note colours. Each shade keeps both of its text colours at 4.5:1 or more on its background (the
 * unit test checks), so a note stays readable in either theme, on a projector as on a phone.
 * Colour is never the only signal: menus name the colour.
 */
export const palette: readonly NoteSwatch[] = [
  {
    id: 'yellow',
    label: 'Yellow',
    light: { background: '#fff1a8', text: '#17202b', muted: '#4a4630' },
    dark: { background: '#4a4114', text: '#f3f5f7', muted: '#e0d9b4' },
  },
  {
    id: 'pink',
    label: 'Pink',
    light: { background: '#ffd9e6', text: '#17202b', muted: '#5a3a46' },
    dark: { background: '#5a2740', text: '#f3f5f7', muted: '#ecc9d7' },
  },
  {
    id: 'blue',
    label: 'Blue',
    light: { background: '#d2e6ff', text: '#17202b', muted: '#34475e' },
    dark: { background: '#1d3c5f', text: '#f3f5f7', muted: '#c4d8ee' },
  },
  {
    id: 'green',
    label: 'Green',
    light: { background: '#d4f2da', text: '#17202b', muted: '#2f4b36' },
    dark: { background: '#1d4629', text: '#f3f5f7', muted: '#c2e3ca' },
  },
  {
    id: 'orange',
    label: 'Orange',
    light: { background: '#ffdcbc', text: '#17202b', muted: '#5a3f27' },
    dark: { background: '#5c3514', text: '#f3f5f7', muted: '#efd1b6' },
  },
  {
    id: 'purple',
    label: 'Purple',
    light: { background: '#e7dcfc', text: '#17202b', muted: '#463a5e' },
    dark: { background: '#3d2c66', text: '#f3f5f7', muted: '#d9cdf5' },
  },
]

export function swatch(colour: NoteColour): NoteSwatch {
  return palette.find((s) => s.id === colour) ?? (palette[0] as NoteSwatch)
}

/**
 * CSS custom properties for a note's colour in both themes; the board's stylesheet picks the
 * light or dark set the way app.css picks its theme.
 *
 * @example
 * <article style={noteStyle(note.colour)}>…</article>
 */
export function noteStyle(colour: NoteColour): string {
  const { light, dark } = swatch(colour)
  return [
    `--note-bg-light: ${light.background}`,
    `--note-fg-light: ${light.text}`,
    `--note-muted-light: ${light.muted}`,
    `--note-bg-dark: ${dark.background}`,
    `--note-fg-dark: ${dark.text}`,
    `--note-muted-dark: ${dark.muted}`,
  ].join('; ')
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const value = parseInt(hex.slice(i, i + 2), 16) / 255
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (high + 0.05) / (low + 0.05)
}
