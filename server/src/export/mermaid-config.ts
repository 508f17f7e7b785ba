/**
 * The one Mermaid configuration every drawing of a scenario uses: the Chromium
 * renderer behind `tcpflow export`, the Markdown-preview script and (so that an export
 * looks like the preview) the preview webview. Plain data, so a browser bundle and
 * Node can both import it.
 */

/** The export themes: VS Code's light and dark, mapped to Mermaid's `default` and `dark`. */
export const EXPORT_THEMES = ['light', 'dark'] as const;
export type ExportTheme = (typeof EXPORT_THEMES)[number];

/**
 * Mermaid refuses diagrams longer than `maxTextSize` characters (50 000 by default);
 * a scenario of a few thousand lines is larger than that, so the limit is raised.
 */
export const MAX_TEXT_SIZE = 5_000_000;

/** The background behind an exported diagram, so it reads on any page. */
export const EXPORT_BACKGROUND: Record<ExportTheme, string> = { light: '#ffffff', dark: '#1e1e1e' };

export interface MermaidInitConfig {
  readonly startOnLoad: false;
  /** Labels are text: no HTML, no click handlers, no scripts. */
  readonly securityLevel: 'strict';
  readonly maxTextSize: number;
  readonly theme: 'default' | 'dark';
  readonly htmlLabels: false;
  readonly sequence: { readonly useMaxWidth: boolean; readonly mirrorActors: true; readonly showSequenceNumbers: false };
  readonly suppressErrorRendering: true;
}

/**
 * The argument to `mermaid.initialize`: the preview's settings
 * (client/webview/src/renderer.ts). `useMaxWidth: false` gives the SVG its natural
 * size (an exported image is not squeezed into a page width).
 */
export function mermaidConfig(theme: ExportTheme, useMaxWidth = false): MermaidInitConfig {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    maxTextSize: MAX_TEXT_SIZE,
    theme: theme === 'dark' ? 'dark' : 'default',
    htmlLabels: false,
    sequence: { useMaxWidth, mirrorActors: true, showSequenceNumbers: false },
    suppressErrorRendering: true,
  };
}
