/**
 * Seeds reviews into a running server's DynamoDB, for browser tests: `node --import tsx
 * test/support/seed-reviews-cli.ts <endpoint> <practiceId>` with the reviews as JSON on stdin.
 * A child process, because Playwright's loader cannot import the comment reader's lexicons.
 */
import { readFileSync } from 'node:fs'
import type { IncomingReview } from '../../functions/src/domain/reviews/review'
import { createDb } from '../../functions/src/store/db'
import { seedReviews } from './reviews'

const [endpoint, practiceId] = process.argv.slice(2)
if (!endpoint || !practiceId) throw new Error('usage: seed-reviews-cli <endpoint> <practiceId>')
const reviews = JSON.parse(readFileSync(0, 'utf8')) as IncomingReview[]
const db = createDb({ table: 'touchpoint', region: 'us-east-1', endpoint })
console.log(JSON.stringify(await seedReviews(db, practiceId, reviews)))
