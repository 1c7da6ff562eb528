import { defineConfig } from 'vitest/config'

// One DynamoDB Local for the whole run (it takes ~3 s to start); each test file makes its own table.
export default defineConfig({
  test: {
    name: 'integration',
    root: new URL('..', import.meta.url).pathname,
    include: ['test/integration/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', LOG_LEVEL: 'silent' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
