// Applies the saved theme before the first paint, so a dark-mode user never sees a white flash.
// A file, not an inline script, so the content-security policy needs no inline allowance; loaded
// without defer from <head>, so it still runs before the body is drawn.
// Kept in sync with THEME_KEY in src/lib/theme.svelte.ts.
try {
  const theme = localStorage.getItem('touchpoint:theme')
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme
} catch {
  // Storage can be blocked (private modes, policies); the system preference still applies.
}
