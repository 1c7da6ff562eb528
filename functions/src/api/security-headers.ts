import directives from './content-security-policy.json'

/**
 * The content-security policy of every page, defined once, in content-security-policy.json (JSON
 * so that web/svelte.config.js, plain JavaScript, reads the same file as this module and infra).
 *
 * Nothing inline runs or styles a page: SvelteKit builds with `kit.csp.mode: 'hash'`, so the one
 * inline script it needs to boot (in build/index.html) is allowed by its SHA-256 alone, which kit
 * writes into a `<meta http-equiv="content-security-policy">` of that file. The header sent with the
 * page must allow the same hashes (a page obeys every policy it is given), so the server reads them
 * from the HTML it serves (`scriptHashesOf`) and CloudFront's copy is built from the uploaded build.
 *
 * The meta policy (what kit emits) leaves out `default-src` and `connect-src`: in AWS the board's
 * socket is API Gateway's origin, which is known only at deploy, after the web is built. The header
 * names it exactly (`socketOrigin`); locally the socket is this origin, which 'self' covers for
 * ws: as well (CSP Level 3, as Chromium, Firefox and Safari implement it).
 *
 * Styles: only files. Svelte sets dynamic `style=` values through the CSSOM, which CSP does not
 * govern, so no inline allowance is needed for them; the one style attribute left is SvelteKit's
 * own route announcer (a visually hidden live region in its generated root), allowed by
 * `style-src-attr 'unsafe-hashes'` with the hash of exactly that attribute. A kit upgrade that
 * changes it shows up in test/e2e/csp.spec.ts.
 */
export type Directives = Record<string, readonly string[]>

export const policyDirectives: Directives = directives

/**
 * The page's policy as a header value: every directive, the build's script hashes added to
 * `script-src`, and the board socket's origin (AWS) added to `connect-src`.
 *
 * @example
 * contentSecurityPolicy({ scriptHashes: ["'sha256-abc…'"], socketOrigin: 'wss://x.execute-api.eu-west-1.amazonaws.com' })
 * // "default-src 'self'; script-src 'self' 'sha256-abc…'; … connect-src 'self' wss://x.execute-api…"
 */
export function contentSecurityPolicy(
  options: { scriptHashes?: readonly string[]; socketOrigin?: string | undefined } = {},
): string {
  const extra: Directives = {
    'script-src': options.scriptHashes ?? [],
    'connect-src': options.socketOrigin ? [options.socketOrigin] : [],
  }
  return Object.entries(policyDirectives)
    .map(([name, sources]) => [name, ...sources, ...(extra[name] ?? [])].join(' '))
    .join('; ')
}

/**
 * The `'sha256-…'` sources of the CSP meta tag SvelteKit wrote into a built page (its inline boot
 * script's hash), to be allowed by the header too. A page without one has none.
 *
 * @example
 * scriptHashesOf(readFileSync('web/build/index.html', 'utf8')) // ["'sha256-Xy…='"]
 */
export function scriptHashesOf(html: string): string[] {
  const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)
  const scriptSrc = meta?.[1]
    ?.split(';')
    .map((directive) => directive.trim().split(/\s+/))
    .find(([name]) => name === 'script-src')
  return (scriptSrc ?? []).filter((source) => /^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(source))
}

/**
 * Every header a page is sent with, by lower-case name, but the CSP (which depends on the page:
 * `contentSecurityPolicy`). Strict-Transport-Security is not here: it belongs to HTTPS, which
 * CloudFront adds (infra/lib/security-headers.ts) and `npm start` has not.
 *
 * @example
 * for (const [name, value] of Object.entries(pageSecurityHeaders)) c.header(name, value)
 */
export const pageSecurityHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
} as const
