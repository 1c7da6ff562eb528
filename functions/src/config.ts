import { z } from 'zod'

/**
 * Every environment variable the functions read, validated once. A bad value stops the process at
 * start with a message naming the variable, instead of failing later on a request.
 */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('.data'),
  TABLE_NAME: z.string().min(3).default('touchpoint'),
  AWS_REGION: z.string().default('us-east-1'),
  /** Another DynamoDB (e.g. a DynamoDB Local you run); absent locally means the embedded one. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** The address people open, used in links in e-mails; defaults to the request's own origin. */
  PUBLIC_URL: z.url().optional(),
  /**
   * The boards' WebSocket address (API Gateway's `wss://…/<stage>` in AWS). Absent, clients are
   * sent to `ws(s)://<the request's host>/ws`, which the local server answers.
   */
  BOARD_SOCKET_URL: z
    .url({ protocol: /^wss?$/, error: 'Expected a ws:// or wss:// URL' })
    .optional(),
  /**
   * `outbox` keeps e-mails (and text messages) in a page of the app; `ses` sends them from AWS:
   * e-mail with Amazon SES, text messages with End User Messaging SMS.
   */
  MAIL_MODE: z.enum(['outbox', 'ses']).default('outbox'),
  MAIL_FROM: z.string().optional(),
  /** The phone number, sender id or pool text messages are sent from (End User Messaging SMS). */
  SMS_ORIGINATION_IDENTITY: z.string().min(1).optional(),
  /**
   * How often `npm start` runs the scheduled jobs (the governance reminders, …), in seconds; 0
   * turns the local timer off. In AWS EventBridge schedules run them instead (the reminders daily).
   */
  JOBS_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600)
    .default(300),
  /**
   * How often `npm start` checks the counters against the responses, in minutes; 0 turns it off.
   * Slower than the other jobs: the check reads every response of every practice.
   */
  COUNTERS_CHECK_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  /** A session ends this long after sign-in, however busy (the cookie and the item expire too). */
  SESSION_MAX_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /** …and after this many minutes without a request. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60 * 30)
    .default(30),
  /** How long a password-reset link works. */
  PASSWORD_RESET_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  INVITATION_TTL_DAYS: z.coerce.number().positive().max(30).default(7),
  /** `false` only for plain-http hosts other than localhost, e.g. a LAN address in a meeting room. */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /**
   * Set in AWS: CloudFront sends it in `x-origin-verify`, and requests without it are refused, so
   * the API is reachable only through CloudFront (whose viewer-address header can then be trusted).
   */
  ORIGIN_VERIFY_SECRET: z.string().min(16).optional(),
  /**
   * In AWS instead of the value: the rotated secret whose AWSCURRENT, AWSPENDING and AWSPREVIOUS
   * values are all accepted while CloudFront deploys a new one (docs: infra/README.md).
   */
  ORIGIN_VERIFY_SECRET_ARN: z.string().startsWith('arn:').optional(),
  /** The CloudFront distribution whose origin header the rotation Lambda updates. */
  DISTRIBUTION_ID: z.string().min(1).optional(),
  /** Survey submissions a minute from one client address; 0 turns the limit off (load tests). */
  PUBLIC_SUBMIT_RATE_LIMIT: z.coerce.number().int().min(0).default(30),
  /**
   * Requests a minute from one client address to each open door: creating a practice or a demo,
   * accepting an invitation, joining a board as a guest. 0 turns the limit off (load tests).
   */
  OPEN_DOOR_RATE_LIMIT: z.coerce.number().int().min(0).default(10),
  /**
   * `POST /api/password-check` calls a minute from one client address. The meter under a
   * new-password field asks at every pause in typing, which on a phone is nearly every key past
   * the 12th: a 28-character passphrase is about 17 checks, so the open doors' 10 left the meter
   * mute. 0 turns the limit off (load tests).
   */
  PASSWORD_CHECK_RATE_LIMIT: z.coerce.number().int().min(0).default(60),
  /**
   * Whether "Explore a demo practice" may create demo practices. Always off in AWS: a demo
   * practice there would be a practice anyone can create in the practice's own account.
   */
  ALLOW_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /** Set in AWS: the S3 bucket exports are built in (HTTP API answers stop at 6 MB). */
  EXPORT_BUCKET: z.string().min(3).optional(),
  /**
   * Whether anyone may create a practice once one exists. Unset: yes on a local machine (one
   * person's laptop, where trying things out means making practices), no in AWS, where the
   * practice's own account must not take sign-ups from strangers.
   */
  ALLOW_SIGNUP: z.enum(['true', 'false']).optional(),
  /**
   * Where each review site's API is. The real hosts by default; tests and staging point them at
   * servers of their own.
   */
  GOOGLE_BUSINESS_API_URL: z.url().default('https://mybusiness.googleapis.com'),
  GOOGLE_OAUTH_TOKEN_URL: z.url().default('https://oauth2.googleapis.com/token'),
  YELP_API_URL: z.url().default('https://api.yelp.com'),
  FACEBOOK_GRAPH_URL: z.url().default('https://graph.facebook.com'),
  /** How often `npm start` syncs connected review sites, in minutes; 0 turns it off. */
  REVIEWS_SYNC_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(30),
  /** Set by the Lambda runtime; how the configuration knows it runs in AWS. */
  AWS_LAMBDA_FUNCTION_NAME: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
})

/** The settings with the defaults that depend on where the code runs decided. */
const Settings = Env.transform(({ ALLOW_SIGNUP, ALLOW_DEMO, ...env }) => {
  const inAws = env.AWS_LAMBDA_FUNCTION_NAME !== undefined
  return {
    ...env,
    ALLOW_SIGNUP: ALLOW_SIGNUP === undefined ? !inAws : ALLOW_SIGNUP === 'true',
    ALLOW_DEMO: ALLOW_DEMO && !inAws,
  }
})
export type Config = z.infer<typeof Settings>

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Settings.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid configuration: ${problems.join('; ')}`)
  }
  return parsed.data
}
