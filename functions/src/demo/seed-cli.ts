/**
 * `npm run seed:demo`: create the demo practice in the database `npm start` uses, and print how to
 * sign in to it. Picks the database as `npm start` does: DYNAMODB_ENDPOINT, else AWS when
 * credentials and TABLE_NAME are given, else the embedded DynamoDB Local keeping its data in
 * DATA_DIR (started here for the few seconds it takes, so `npm start` must not be running on it).
 */
import { readConfig } from '../config'
import { localCommand } from '../local/command'
import { createDemo } from './create-demo'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

const command = localCommand('Could not create the demo')
const say = command.say

async function main(): Promise<number> {
  const config = readConfig()
  const { db, chosen } = await command.openDatabase(
    config,
    "Stop npm start first, or use 'Explore a demo practice' on its welcome page.",
  )
  const embedded = chosen.endpoint === chosen.embedded?.endpoint

  say('Creating the demo practice…')
  const { demo, password, milliseconds } = await createDemo(db)
  const signIn = new URL('/signin', config.PUBLIC_URL ?? `http://localhost:${config.PORT}`)
  say(
    `Created "${demo.practice.name}" with ${demo.responses.length.toLocaleString('en')} responses ` +
      `in ${(milliseconds / 1000).toFixed(1)} s.`,
  )
  say(`Sign in at ${signIn.toString()}${embedded ? ' (after npm start)' : ''}:`)
  say(`  E-mail:   ${demo.owner.email}`)
  say(`  Password: ${password}`)
  // The staff share it, to see what a recognised staffer or the manager sees.
  for (const member of demo.team)
    say(`  ${member.role.padEnd(8)}  ${member.email} (${member.name})`)
  return 0
}

command.run(main)
