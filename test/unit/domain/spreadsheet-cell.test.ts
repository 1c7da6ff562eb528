import { describe, expect, it } from 'vitest'
import { neutraliseCell } from '../../../functions/src/domain/spreadsheet-cell'
import { toCsv } from '../../../web/src/lib/download'

describe('neutraliseCell', () => {
  it.each(['=1+1', '+1', '-3', '@SUM(A1)', '\tx', '\r=1', '＝1+1'])(
    'prefixes %j with a quote',
    (text) => expect(neutraliseCell(text)).toBe(`'${text}`),
  )

  it.each(['Kind nurse', '3', 'Wait - long', 'a=b', ''])('leaves %j as it is', (text) =>
    expect(neutraliseCell(text)).toBe(text),
  )
})

describe("the dashboard's CSV downloads", () => {
  it('neutralise and quote formula-like text but keep numbers numbers', () => {
    expect(
      toCsv([
        ['Quote', 'NPS'],
        ['=HYPERLINK("x")', -3],
        ['-3', 41.2],
      ]),
    ).toBe(`\uFEFFQuote,NPS\r\n"'=HYPERLINK(""x"")",-3\r\n"'-3",41.2\r\n`)
  })
})
