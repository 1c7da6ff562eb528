import {
  PinpointSMSVoiceV2Client,
  SendTextMessageCommand,
} from '@aws-sdk/client-pinpoint-sms-voice-v2'
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2'
import { mockClient } from 'aws-sdk-client-mock'
import { afterEach, describe, expect, it } from 'vitest'
import { readConfig } from '../../../functions/src/config'
import { endUserMessagingSms } from '../../../functions/src/messaging/end-user-messaging-sms'
import { messengerFor } from '../../../functions/src/messaging'

const sms = mockClient(PinpointSMSVoiceV2Client)
const ses = mockClient(SESv2Client)
const db = {} as Parameters<typeof messengerFor>[1] // AWS mode never touches the table

afterEach(() => {
  sms.reset()
  ses.reset()
})

const aws = readConfig({
  MAIL_MODE: 'ses',
  MAIL_FROM: 'surveys@clinic.test',
  SMS_ORIGINATION_IDENTITY: '+15555550100',
})

describe('messaging in AWS', () => {
  it('sends a text message with End User Messaging SMS, transactional, from the configured identity', async () => {
    sms.on(SendTextMessageCommand).resolves({ MessageId: 'm1' })
    await endUserMessagingSms(aws).send({
      channel: 'sms',
      practiceId: 'p1',
      to: '+15555550123',
      text: 'How was your visit? https://touchpoint.test/s/abc',
    })
    expect(sms.commandCalls(SendTextMessageCommand).map((call) => call.args[0].input)).toEqual([
      {
        DestinationPhoneNumber: '+15555550123',
        OriginationIdentity: '+15555550100',
        MessageBody: 'How was your visit? https://touchpoint.test/s/abc',
        MessageType: 'TRANSACTIONAL',
      },
    ])
  })

  it('refuses to send a text message without an origination identity, and sends nothing', async () => {
    const sender = endUserMessagingSms(readConfig({ MAIL_MODE: 'ses' }))
    await expect(
      sender.send({ channel: 'sms', practiceId: 'p1', to: '+15555550123', text: 'Hi' }),
    ).rejects.toThrow(/SMS_ORIGINATION_IDENTITY/)
    expect(sms.calls()).toHaveLength(0)
  })

  it('sends each channel its own way behind the one port: e-mail by SES, text by SMS', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'e1' })
    sms.on(SendTextMessageCommand).resolves({ MessageId: 'm1' })
    const messenger = messengerFor(aws, db)
    expect(messenger.mode).toBe('ses')
    await messenger.send({ practiceId: 'p1', to: 'ana@clinic.test', subject: 'Join', text: 'Hi' })
    await messenger.send({ channel: 'sms', practiceId: 'p1', to: '+15555550123', text: 'Hi' })
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1)
    expect(ses.commandCalls(SendEmailCommand)[0]!.args[0].input.Destination).toEqual({
      ToAddresses: ['ana@clinic.test'],
    })
    expect(sms.commandCalls(SendTextMessageCommand)).toHaveLength(1)
  })
})
