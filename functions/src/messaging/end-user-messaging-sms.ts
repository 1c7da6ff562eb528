import {
  PinpointSMSVoiceV2Client,
  SendTextMessageCommand,
} from '@aws-sdk/client-pinpoint-sms-voice-v2'
import type { Config } from '../config'
import type { ChannelSender, SmsMessage } from './messenger'

/**
 * Sends text messages through AWS End User Messaging SMS from SMS_ORIGINATION_IDENTITY (a phone
 * number, sender id or pool the account owns). Transactional: a survey invitation answers a visit,
 * it is not marketing; consent, send windows and caps are decided before a message gets here.
 */
export function endUserMessagingSms(
  config: Config,
  client = new PinpointSMSVoiceV2Client({ region: config.AWS_REGION }),
): ChannelSender<SmsMessage> {
  return {
    async send({ to, text }) {
      if (!config.SMS_ORIGINATION_IDENTITY) {
        throw new Error('SMS_ORIGINATION_IDENTITY must be set to send text messages')
      }
      await client.send(
        new SendTextMessageCommand({
          DestinationPhoneNumber: to,
          OriginationIdentity: config.SMS_ORIGINATION_IDENTITY,
          MessageBody: text,
          MessageType: 'TRANSACTIONAL',
        }),
      )
    },
  }
}
