/**
 * The one way every page of the extension gets Mermaid: the preview, the export panel
 * and the Markdown preview all import it from here, and all three are entry points of
 * the same split build (scripts/webview-build.mjs), so the VSIX holds Mermaid once, as
 * chunks that each page fetches only as far as a sequence diagram needs.
 *
 * Typed without DOM types: the export panel's and the Markdown preview's scripts
 * compile with the extension code.
 */
export type Mermaid = (typeof import('mermaid'))['default'];

let mermaidLoading: Promise<Mermaid> | undefined;

/**
 * Mermaid, fetched on first use: a dynamic import, so the bundler splits it into chunks
 * and Mermaid in turn fetches only the diagram types it draws (here: sequence diagrams).
 * A failed fetch is forgotten, so the next call tries again.
 */
export function loadMermaid(): Promise<Mermaid> {
  mermaidLoading ??= import('mermaid').then((m) => m.default, (error: unknown) => {
    mermaidLoading = undefined;
    throw error;
  });
  return mermaidLoading;
}
