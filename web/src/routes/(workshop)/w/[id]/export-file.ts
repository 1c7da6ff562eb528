/**
 * A file name from a board's title: characters that file systems refuse become dashes, and an
 * empty result becomes "board".
 *
 * @example
 * exportFileName('Skin check: new patients', 'png') // 'Skin check- new patients.png'
 */
export function exportFileName(title: string, extension: string): string {
  const base = title
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\\/:*?"<>|]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, 100)
  return `${base || 'board'}.${extension}`
}
