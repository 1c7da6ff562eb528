// `npm run password:reset -- --email you@example.com`: prints a single-use password-reset link
// (see functions/src/local/password-reset-cli.ts). Stop `npm start` first when it uses the
// embedded DynamoDB Local.
import { register } from 'tsx/esm/api'

register()
await import('../functions/src/local/password-reset-cli.ts')
