import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

// Resolved from this file rather than the working directory, so `cdk` (run in infra/) and the
// tests (run from the repo root) find the same files.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

export const paths = {
  repoRoot,
  /** npm workspaces keep one lock file, at the root; esbuild resolves packages from there. */
  lockFile: resolve(repoRoot, 'package-lock.json'),
  httpHandler: resolve(repoRoot, 'functions/src/handlers/http.ts'),
  boardSocketHandler: resolve(repoRoot, 'functions/src/handlers/board-socket.ts'),
  jobsHandler: resolve(repoRoot, 'functions/src/handlers/jobs.ts'),
  reviewsSyncHandler: resolve(repoRoot, 'functions/src/handlers/reviews-sync.ts'),
  governanceRemindersHandler: resolve(repoRoot, 'functions/src/handlers/governance-reminders.ts'),
  rotateOriginVerifyHandler: resolve(repoRoot, 'functions/src/handlers/rotate-origin-verify.ts'),
  webBuild: resolve(repoRoot, 'web/build'),
} as const
