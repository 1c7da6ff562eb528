/**
 * How many SMS segments a text takes, as the network counts them. A text is sent in GSM-7 when
 * every character is in the 3GPP TS 23.038 default alphabet (160 septets, or 153 per part of a
 * longer text, whose header takes 7), and in UCS-2 otherwise (70 UTF-16 units, or 67 per part).
 * A single "á" or curly quote turns a 160-character text into three segments, each billed; the
 * preview must say which characters did it.
 */

/** TS 23.038 default alphabet (one septet each). 0x1B is the escape to the extension table. */
const basicSet = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
)
/** TS 23.038 extension table: an escape septet plus one, so two septets each. */
const extensionSet = new Set('\f^{}\\[~]|€')

export type SmsEncoding = 'GSM-7' | 'UCS-2'

export interface SmsSegments {
  encoding: SmsEncoding
  /** Septets (GSM-7) or UTF-16 code units (UCS-2): what the limits below count. */
  units: number
  segments: number
  /** Units one segment holds at this length: 160 or 153 for GSM-7, 70 or 67 for UCS-2. */
  perSegment: number
  /** Distinct characters outside GSM-7 that force UCS-2, in order of appearance (empty in GSM-7). */
  unicodeCharacters: string[]
}

/** Units a character costs, by code point (an emoji is two UTF-16 units). */
function costOf(character: string, encoding: SmsEncoding): number {
  if (encoding === 'UCS-2') return character.length
  return extensionSet.has(character) ? 2 : 1
}

/**
 * Segments of a long text, filled greedily as senders do: a two-unit character (a GSM-7 escape
 * pair, a UTF-16 surrogate pair) is never split across two segments, so it may leave one unit over.
 */
function countSegments(characters: string[], encoding: SmsEncoding, perPart: number): number {
  let segments = 1
  let used = 0
  for (const character of characters) {
    const cost = costOf(character, encoding)
    if (used + cost > perPart) {
      segments += 1
      used = 0
    }
    used += cost
  }
  return segments
}

/**
 * The encoding, length and segment count of `text`, naming the characters that force UCS-2.
 *
 * @example
 * smsSegments('Reply STOP to opt out') // { encoding: 'GSM-7', units: 21, segments: 1, perSegment: 160, unicodeCharacters: [] }
 * smsSegments('Responda ALTO para no recibir más').unicodeCharacters // ['á']
 */
export function smsSegments(text: string): SmsSegments {
  const characters = [...text]
  const unicodeCharacters = [
    ...new Set(characters.filter((c) => !basicSet.has(c) && !extensionSet.has(c))),
  ]
  const encoding: SmsEncoding = unicodeCharacters.length === 0 ? 'GSM-7' : 'UCS-2'
  const units = characters.reduce((sum, c) => sum + costOf(c, encoding), 0)
  const [single, part] = encoding === 'GSM-7' ? [160, 153] : [70, 67]
  if (units <= single)
    return { encoding, units, segments: 1, perSegment: single, unicodeCharacters }
  const segments = countSegments(characters, encoding, part)
  return { encoding, units, segments, perSegment: part, unicodeCharacters }
}

/**
 * The preview's sentence on why a text is Unicode, or `undefined` when it is plain GSM-7.
 *
 * @example
 * unicodeNote(smsSegments('¿Cómo fue su visita?')) // '“ó” makes this text Unicode: 70 characters per segment.'
 */
export function unicodeNote(segments: SmsSegments): string | undefined {
  const named = segments.unicodeCharacters.map((c) => `“${c}”`)
  if (named.length === 0) return undefined
  const list =
    named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`
  const verb = named.length === 1 ? 'makes' : 'make'
  return `${list} ${verb} this text Unicode: 70 characters per segment.`
}
