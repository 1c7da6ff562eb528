import { describe, expect, it } from 'vitest'
import { ConsentEntry, consentFor } from '../../../../functions/src/domain/invitations/consent'

const entry = (
  change: Partial<ConsentEntry> & Pick<ConsentEntry, 'channel' | 'granted'>,
): ConsentEntry => ({
  source: 'visits-import',
  at: new Date('2026-11-20T15:00:00Z'),
  textVersion: 'intake-2026-03',
  ...change,
})

describe('consentFor', () => {
  it('sends on a channel only with consent recorded for that channel', () => {
    const ledger = [entry({ channel: 'email', granted: true })]
    expect(consentFor(ledger, 'email')).toEqual({ consented: true, entry: ledger[0] })
    expect(consentFor(ledger, 'sms')).toEqual({ consented: false, why: 'never-given' })
  })

  it('lets a later withdrawal win, and a later grant after it win again', () => {
    const granted = entry({ channel: 'sms', granted: true })
    const stop = entry({
      channel: 'sms',
      granted: false,
      source: 'sms-reply',
      at: new Date('2026-11-21T15:00:00Z'),
      textVersion: 'stop',
    })
    const start = entry({
      channel: 'sms',
      granted: true,
      source: 'sms-reply',
      at: new Date('2026-11-22T15:00:00Z'),
      textVersion: 'start',
    })
    expect(consentFor([granted, stop], 'sms')).toEqual({
      consented: false,
      why: 'withdrawn',
      entry: stop,
    })
    expect(consentFor([start, granted, stop], 'sms')).toEqual({ consented: true, entry: start })
  })

  it('lets a withdrawal recorded at the same instant as a grant win, in either order', () => {
    const granted = entry({ channel: 'sms', granted: true })
    const withdrawn = entry({ channel: 'sms', granted: false, source: 'staff' })
    expect(consentFor([granted, withdrawn], 'sms')).toMatchObject({
      consented: false,
      why: 'withdrawn',
    })
    expect(consentFor([withdrawn, granted], 'sms')).toMatchObject({
      consented: false,
      why: 'withdrawn',
    })
  })

  it('keeps an e-mail unsubscribe from touching text consent', () => {
    const ledger = [
      entry({ channel: 'sms', granted: true }),
      entry({ channel: 'email', granted: true }),
      entry({
        channel: 'email',
        granted: false,
        source: 'unsubscribe-link',
        at: new Date('2026-11-21T15:00:00Z'),
      }),
    ]
    expect(consentFor(ledger, 'sms')).toMatchObject({ consented: true })
    expect(consentFor(ledger, 'email')).toMatchObject({ consented: false, why: 'withdrawn' })
  })

  it('reads a stored entry, its time as an ISO string, and refuses one without a text version', () => {
    const stored = {
      channel: 'sms',
      granted: true,
      source: 'staff',
      at: '2026-11-20T15:00:00.000Z',
      textVersion: 'desk-1',
    }
    expect(ConsentEntry.parse(stored).at).toEqual(new Date('2026-11-20T15:00:00Z'))
    expect(ConsentEntry.safeParse({ ...stored, textVersion: '' }).success).toBe(false)
  })
})
