/**
 * The demo practice this browser made, remembered so that signing out of it is not the end of it:
 * the welcome page offers "Back to the demo practice" and signs in as its owner. The practice is
 * made up, and only this browser was given its sign-in; a real practice's is never stored.
 */
export interface DemoSignIn {
  email: string
  password: string
}

const key = 'touchpoint:demo-sign-in'

export function rememberDemo(signIn: DemoSignIn): void {
  try {
    localStorage.setItem(key, JSON.stringify({ email: signIn.email, password: signIn.password }))
  } catch {
    // Private windows may refuse storage; the demo still works, just not the way back.
  }
}

export function rememberedDemo(): DemoSignIn | null {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<DemoSignIn> | null
    return typeof value?.email === 'string' && typeof value.password === 'string'
      ? { email: value.email, password: value.password }
      : null
  } catch {
    return null
  }
}

export function forgetDemo(): void {
  try {
    localStorage.removeItem(key)
  } catch {
    // Nothing to forget.
  }
}
