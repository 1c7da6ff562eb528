export type ThemeChoice = 'system' | 'light' | 'dark'

/** Also read by the inline script in src/app.html, which applies the choice before first paint. */
export const THEME_KEY = 'touchpoint:theme'

function stored(): ThemeChoice {
  try {
    const value = localStorage.getItem(THEME_KEY)
    return value === 'light' || value === 'dark' ? value : 'system'
  } catch {
    return 'system'
  }
}

/** The colour theme: the system's, or a light or dark one the user chose on this device. */
class Theme {
  choice = $state<ThemeChoice>(stored())

  set(choice: ThemeChoice): void {
    this.choice = choice
    const root = document.documentElement
    if (choice === 'system') delete root.dataset.theme
    else root.dataset.theme = choice
    try {
      if (choice === 'system') localStorage.removeItem(THEME_KEY)
      else localStorage.setItem(THEME_KEY, choice)
    } catch {
      // Not saved (storage blocked); it still applies until the tab closes.
    }
  }
}

export const theme = new Theme()
