/**
 * What an exported SVG may not carry, as data: the webview's DOM cleaning
 * (webview-export.ts) and the extension host's stream check (drawing-check.ts) read the
 * same list, so the two guards cannot drift apart. The CLI's renderer (server/src/export/
 * renderer.ts) draws through the same webview-export.ts, so it cleans by this list too.
 */

/** Elements removed with everything inside them (lower-case local names). */
export const UNSAFE_SVG_ELEMENTS: readonly string[] = ['script', 'iframe', 'object', 'embed'];

/** No event handlers, no link that leaves the drawing (anything but `#…`). */
export function isSafeSvgAttribute(name: string, value: string): boolean {
  if (/^on/i.test(name)) return false;
  if (/href$/i.test(name) && !value.startsWith('#')) return false;
  return true;
}
