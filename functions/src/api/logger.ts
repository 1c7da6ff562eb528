import pino, { type Logger } from 'pino'

/**
 * JSON logs to stdout (CloudWatch in AWS). The app only ever logs ids, routes, statuses and timings;
 * the redaction list is the second line of defence if someone logs an object carelessly.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'touchpoint-api' },
    redact: {
      paths: [
        '*.email',
        '*.password',
        '*.name',
        '*.phone',
        '*.token',
        '*.text',
        '*.comment',
        'req.headers.cookie',
        'req.headers.authorization',
        '*.headers["x-csrf-token"]',
      ],
      censor: '[redacted]',
    },
  })
}
