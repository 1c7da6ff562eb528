import { compileModule } from 'svelte/compiler'
import { defineConfig, type Plugin } from 'vitest/config'

/**
 * The board's `$state` classes (web/src/lib/board/*.svelte.ts) run in unit tests too: compile
 * their runes as the web build does, after the TypeScript is stripped.
 */
const svelteRunes: Plugin = {
  name: 'svelte-runes-modules',
  transform(code, id) {
    if (!/\.svelte\.ts$/.test(id)) return null
    const { js } = compileModule(code, { filename: id, generate: 'client', dev: false })
    return { code: js.code, map: js.map }
  },
}

export default defineConfig({
  plugins: [svelteRunes],
  resolve: {
    alias: {
      $domain: new URL('../functions/src/domain', import.meta.url).pathname,
      $lib: new URL('../web/src/lib', import.meta.url).pathname,
    },
  },
  test: {
    name: 'unit',
    root: new URL('..', import.meta.url).pathname,
    include: ['test/unit/**/*.test.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 20_000,
  },
})
