// `npm run seed:demo`: create the demo practice (six months of responses) in the database `npm start`
// uses, and print the owner's e-mail and password. Stop `npm start` first when it uses the embedded
// DynamoDB Local.
import { register } from 'tsx/esm/api'

register()
await import('../functions/src/demo/seed-cli.ts')
