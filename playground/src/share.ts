/**
 * Share links: the scenario itself, deflated and base64url-encoded, in the URL fragment
 * (`#s=…`). A fragment is never sent to any server, so a shared scenario stays between
 * the people who pass the link around.
 */

export const SHARE_PREFIX = 's=';

/** Beyond this many characters some browsers and chat tools cut links. */
export const SHARE_LIMIT = 32_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** The fragment (without `#`) that carries `text`. */
export async function shareFragment(text: string): Promise<string> {
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  return SHARE_PREFIX + toBase64Url(packed);
}

/**
 * The scenario in a fragment: a string, undefined when the fragment carries none, or
 * an Error when it carries a damaged one (bad base64, a cut-off stream, not UTF-8).
 */
export async function scenarioFromFragment(hash: string): Promise<string | Error | undefined> {
  const fragment = hash.replace(/^#/, '');
  if (!fragment.startsWith(SHARE_PREFIX)) return undefined;
  try {
    const bytes = await pipe(fromBase64Url(fragment.slice(SHARE_PREFIX.length)), new DecompressionStream('deflate-raw'));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
