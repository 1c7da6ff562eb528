import { describe, expect, it } from 'vitest'
import { addressBucket } from '../../../functions/src/domain/address-bucket'

describe('addressBucket', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    [undefined, 'unknown'],
    ['', 'unknown'],
  ])('counts %s as %s', (address, bucket) => {
    expect(addressBucket(address)).toBe(bucket)
  })

  it('puts every address of one /64 together and the next /64 apart', () => {
    const one = addressBucket('2001:db8:41:7::1')
    expect(addressBucket('2001:db8:41:7:ffff:ffff:ffff:ffff')).toBe(one)
    expect(addressBucket('2001:db8:41:8::1')).not.toBe(one)
  })

  it('leaves what is not an IPv6 address as it came, rather than guessing', () => {
    expect(addressBucket('1:2:3')).toBe('1:2:3')
    expect(addressBucket('1::2::3')).toBe('1::2::3')
  })
})
