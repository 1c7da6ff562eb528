import adapter from '@sveltejs/adapter-static'
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte'
import { readFileSync } from 'node:fs'

/**
 * The page policy, one file for the local server, CloudFront and this build (see
 * functions/src/api/security-headers.ts). Kit writes it into each page's CSP meta tag with the
 * SHA-256 of its inline boot script. Left out of the meta: `default-src` and `connect-src`, because
 * in AWS the board socket's origin is known only at deploy (the header names it), and
 * `frame-ancestors`, which a meta tag cannot carry.
 * @type {Record<string, string[]>}
 */
const policy = JSON.parse(
  readFileSync(
    new URL('../functions/src/api/content-security-policy.json', import.meta.url),
    'utf8',
  ),
)
const headerOnly = new Set(['default-src', 'connect-src', 'frame-ancestors'])
const metaDirectives = Object.fromEntries(
  Object.entries(policy).filter(([name]) => !headerOnly.has(name)),
)

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: {
    runes: true,
  },
  kit: {
    // A single-page app: the API serves build/ and answers every unknown path with index.html,
    // so deep links such as /settings/team or /join#token=… load the app, which then routes.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
    // $domain: pure code shared with the server (the board's rules), never store, api or realtime
    // code. $contract: the API's types, inferred from its zod schemas, imported with `import type`.
    csp: { mode: 'hash', directives: metaDirectives },
    alias: {
      $domain: '../functions/src/domain',
      $contract: '../functions/src/api/contract.ts',
    },
  },
}

export default config
