// `npm run dev`: the API on :8787 (restarting when functions change) and Vite with hot reload on
// :5173, which proxies /api and /ws to it. Open the Vite URL it prints.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'functions/src/local/main.ts'], {
    cwd: root,
    stdio: 'inherit',
  }),
  spawn('npm', ['run', 'dev', '-w', 'web'], { cwd: root, stdio: 'inherit' }),
]
const stop = () => {
  for (const child of children) child.kill('SIGTERM')
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
for (const child of children)
  child.once('exit', (code) => {
    stop()
    process.exitCode = code ?? 0
  })
