// `npm run counters:rebuild [-- --check] [-- --practice <id>]`: re-derive every counter from the
// stored responses and report any difference (see functions/src/local/rebuild-counters-cli.ts).
// Stop `npm start` first when it uses the embedded DynamoDB Local.
import { register } from 'tsx/esm/api'

register()
await import('../functions/src/local/rebuild-counters-cli.ts')
