/** What a log may say about an error: its class name, never its message (it may quote a note). */
export function errorName(err: unknown) {
  return err instanceof Error ? err.name : typeof err
}
