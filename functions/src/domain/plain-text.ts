import { z } from 'zod'

/**
 * Characters that have no business in a comment or a name and can do harm where the text is shown
 * or exported: C0 controls other than tab and line breaks (NUL among them), DEL, the byte-order
 * mark and zero-width no-break space, and the bidirectional overrides and isolates (U+202A-202E,
 * U+2066-2069) that make "gnp.exe" read as "exe.png" (Trojan Source).
 */
// eslint-disable-next-line no-control-regex
const unwanted = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFEFF\u202A-\u202E\u2066-\u2069]/g

/** Half of a surrogate pair without its other half (read by UTF-16 code unit, so no `u` flag). */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * The text without control, byte-order-mark and bidi-override characters, and with lone surrogates
 * (half an emoji, which no UTF-8 file can hold) replaced by U+FFFD.
 *
 * @example
 * plainText('Great\u0000 visit\u202E') // 'Great visit'
 * plainText('ok \uD83D') // 'ok \uFFFD'
 */
export function plainText(text: string): string {
  return text.replace(unwanted, '').replace(loneSurrogate, '\uFFFD')
}

/**
 * A string schema that cleans its text first; chain `.trim()`, `.min()`, `.max()` after it, as
 * with `z.string()`. Every free-text field from outside (answers, names) is read through it.
 *
 * @example
 * const PersonName = plainString().trim().min(1).max(100)
 * PersonName.parse(' Ana\u202E ') // 'Ana'
 */
export const plainString = () => z.string().overwrite(plainText)
