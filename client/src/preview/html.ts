/**
 * The preview page, as a pure function of its inputs (no `vscode` import), so the
 * browser tests load exactly what the panel shows.
 *
 * Security: `default-src 'none'`; the one script runs because it carries this render's
 * nonce, and so do the module preloads (a preload without it is refused); styles come from the extension's bundle (`cspSource`) plus inline styles,
 * which Mermaid writes into every SVG it draws (a `<style>` element and `style`
 * attributes; with a nonce-only style policy the diagram loses its layout). Inline
 * styles cannot run script, and no user text reaches a style.
 *
 * Order: the script comes first in the head (deferred, so it runs once the body is
 * parsed), before the module preloads, so its request is not queued behind theirs: it
 * starts the preview, which starts Mermaid, while the preloads still arrive.
 */

export interface PreviewHtmlInput {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** Fresh for every page: `crypto.randomBytes(16).toString('base64')`. */
  readonly nonce: string;
  /** `webview.asWebviewUri(out/webview/preview.js)`. */
  readonly scriptUri: string;
  /** `webview.asWebviewUri(out/webview/preview.css)`. */
  readonly styleUri: string;
  /**
   * The modules the first diagram needs (`out/webview/preload.json`, as webview URIs):
   * preloaded at once instead of discovered a round of imports at a time.
   */
  readonly preloadUris?: readonly string[];
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
  ].join('; ');
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function buildPreviewHtml(input: PreviewHtmlInput): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(input.nonce)) throw new Error('the nonce must be at least 16 base64 characters');
  const csp = contentSecurityPolicy(input.cspSource, input.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(input.styleUri)}">
<script defer nonce="${attr(input.nonce)}" src="${attr(input.scriptUri)}"></script>
${(input.preloadUris ?? []).map((uri) => `<link rel="modulepreload" nonce="${attr(input.nonce)}" href="${attr(uri)}">\n`).join('')}<title>TCP Flow preview</title>
</head>
<body>
<div id="toolbar" role="toolbar" aria-label="Diagram">
<button type="button" data-action="zoom-out" title="Zoom out (-)" aria-label="Zoom out">−</button>
<button type="button" data-action="zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
<button type="button" data-action="fit" title="Fit to width (0)">Fit</button>
<button type="button" data-action="actual-size" title="Actual size">1:1</button>
</div>
<div id="banner" role="status" hidden></div>
<div id="problem" role="alert" hidden></div>
<div id="viewport" tabindex="0"><div id="canvas"></div></div>
</body>
</html>
`;
}
