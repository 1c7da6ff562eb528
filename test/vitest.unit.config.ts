import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'unit',
    root: new URL('..', import.meta.url).pathname,
    include: ['test/unit/**/*.test.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 20_000,
  },
})
