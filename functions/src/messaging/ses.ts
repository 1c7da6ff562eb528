import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2'
import type { Config } from '../config'
import type { ChannelSender, EmailMessage } from './messenger'

/** Sends e-mail through Amazon SES from the verified identity in MAIL_FROM. */
export function sesEmail(
  config: Config,
  client = new SESv2Client({ region: config.AWS_REGION }),
): ChannelSender<EmailMessage> {
  return {
    async send({ to, subject, text }) {
      if (!config.MAIL_FROM) throw new Error('MAIL_FROM must be set to send e-mail with SES')
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: config.MAIL_FROM,
          Destination: { ToAddresses: [to] },
          Content: {
            Simple: {
              Subject: { Data: subject, Charset: 'UTF-8' },
              Body: { Text: { Data: text, Charset: 'UTF-8' } },
            },
          },
        }),
      )
    },
  }
}
