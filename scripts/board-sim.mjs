// `npm run board:sim -- --url URL --clients N --ops M --drop-rate R [--think-ms T] [--timeout-s S]`:
// N guests on a new board of a RUNNING server (`npm start`), each sending M operations over its
// socket and dropping it with chance R per operation. Progress on stderr; one JSON line on stdout
// ({"converged", "lost", "duplicated", "p50Ms", "p95Ms", "opsPerSecond", …}). Exit 1 when the
// replicas did not converge or an operation was lost or applied twice (see test/sim/board-sim.ts).
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../test/sim/board-sim.ts')
try {
  process.exit(await main(process.argv.slice(2)))
} catch (err) {
  process.stderr.write(`board:sim failed: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(2)
}
