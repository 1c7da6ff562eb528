import adapter from '@sveltejs/adapter-static'
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte'

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
    alias: {
      $domain: '../functions/src/domain',
      $contract: '../functions/src/api/contract.ts',
    },
  },
}

export default config
