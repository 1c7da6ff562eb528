import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig, devices } from '@playwright/test'

// The built product, served as `npm start` serves it (over an in-memory DynamoDB Local: see
// support/e2e-server.ts), on its own port with a throwaway data folder.
// A free port is chosen once and put in the environment, which the test workers inherit, so a
// server left running elsewhere on the machine cannot collide with the run.
process.env.E2E_PORT ??= spawnSync(
  process.execPath,
  [
    '-e',
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
  ],
  { encoding: 'utf8' },
).stdout.trim()
const port = Number(process.env.E2E_PORT)
const dataDir = mkdtempSync(join(tmpdir(), 'touchpoint-e2e-'))
const root = new URL('..', import.meta.url).pathname

export default defineConfig({
  testDir: 'e2e',
  outputDir: '.results',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  // A test walking a whole survey runs axe six times: about 28 s alone on a 2-core machine, so 30 s
  // left no room for a busy one.
  timeout: 60_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium; `npx playwright install` cannot download browsers here.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'node --import tsx test/support/e2e-server.ts',
    cwd: root,
    url: `http://localhost:${port}/api/health`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // Every browser test submits from 127.0.0.1; the limit has its own integration test.
      PUBLIC_SUBMIT_RATE_LIMIT: '0',
      // …and signs up from there; the open-door limit has its own integration test.
      OPEN_DOOR_RATE_LIMIT: '0',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  },
})
