// `npm start`: build the web app if it is missing or older than its sources, then run the local
// server (DynamoDB Local + web + /api + /ws) in this same process.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

const root = fileURLToPath(new URL('..', import.meta.url))
const builtIndex = join(root, 'web/build/index.html')

function newestChange(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs)
  }
  return newest
}

const webSources = [join(root, 'web/src'), join(root, 'web/static')].filter(existsSync)
const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0
const sourcesAt = Math.max(0, ...webSources.map(newestChange))
if (builtAt < sourcesAt) {
  process.stdout.write(
    builtAt ? 'Web sources changed: rebuilding…\n' : 'Building the web app (first run)…\n',
  )
  const build = spawnSync('npm', ['run', 'build', '--silent', '-w', 'web'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (build.status !== 0) {
    process.stderr.write('Touchpoint could not start: the web build failed (see above).\n')
    process.exit(1)
  }
}

register()
await import('../functions/src/local/main.ts')
