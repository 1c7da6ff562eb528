/**
 * `npm run password:reset -- --email you@example.com`: a reset link for a person who cannot read
 * the Outbox page, above all a practice's only owner who forgot their password on a local install.
 * It makes the same single-use, `PASSWORD_RESET_MINUTES` link as "Forgot your password?" and
 * prints it here instead of the outbox; whoever runs this already holds the database's files.
 * Stop `npm start` first when it uses the embedded database, then start it again and open the link.
 */
import { parseArgs } from 'node:util'
import { readConfig } from '../config'
import * as passwordResets from '../store/password-resets'
import * as users from '../store/users'
import { localCommand } from './command'
import { linkOrigin } from './link-origin'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

const command = localCommand('Could not make a reset link')
const say = command.say

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: 'string' } } })
  if (!values.email) {
    say('Say whose password to reset: npm run password:reset -- --email you@example.com')
    return 2
  }
  const config = readConfig()
  const { db } = await command.openDatabase(
    config,
    'Stop npm start first, then start it again to open the link.',
  )
  const user = await users.findForSignIn(db, values.email)
  if (!user) {
    say('No one signs in with that e-mail address in this database.')
    return 1
  }
  const minutes = config.PASSWORD_RESET_MINUTES
  const { token } = await passwordResets.create(db, {
    practiceId: user.practiceId,
    userId: user.id,
    ttlSeconds: minutes * 60,
  })
  const origin =
    config.PUBLIC_URL ?? linkOrigin(`http://${config.HOST}:${config.PORT}`, config.HOST)
  say(`Start Touchpoint (npm start) and open this link within ${minutes} minutes; it works once:`)
  say(`${origin.replace(/\/$/, '')}/reset-password#token=${token}`)
  return 0
}

command.run(main)
