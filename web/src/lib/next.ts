/**
 * Where to go after signing in: a path on this site from `?next=`, else home. Anything else
 * (`//evil.example`, `https://…`) is ignored so the link cannot send people off-site.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return '/home'
  }
  return next
}
