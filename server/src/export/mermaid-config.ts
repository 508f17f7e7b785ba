/**
 * The one Mermaid configuration every drawing of a scenario uses: the Chromium
 * renderer behind `synack export`, the Markdown-preview script and (so that an export
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

/** Mermaid's own theme names: the preview lets a user pick any of them. */
export type MermaidThemeName = 'default' | 'dark' | 'neutral' | 'forest';

/**
 * The font the export page brings for Chinese text (export/cjk-font.ts), and the
 * fonts an exported SVG asks for: that font first, then Mermaid's own list, then the
 * CJK fonts systems ship (Linux, macOS, Windows) and sans-serif, so a viewer without
 * the first finds the next. First, because Chromium drew the boxes of a system font
 * (Liberation Sans, standing in for arial) rather than fall through to a web font named
 * after it; in the export page the font covers CJK code points only (its
 * unicode-range), so Latin text still gets Mermaid's fonts.
 */
export const CJK_WEB_FONT = 'Noto Sans SC';
export const EXPORT_FONT_FAMILY = `"${CJK_WEB_FONT}", "trebuchet ms", verdana, arial, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif`;

export interface MermaidInitConfig {
  readonly startOnLoad: false;
  /** Set for exports (mermaidConfig); the preview keeps Mermaid's default. */
  readonly fontFamily?: string;
  /** Labels are text: no HTML, no click handlers, no scripts. */
  readonly securityLevel: 'strict';
  readonly maxTextSize: number;
  readonly theme: MermaidThemeName;
  readonly htmlLabels: false;
  readonly sequence: { readonly useMaxWidth: boolean; readonly mirrorActors: true; readonly showSequenceNumbers: false };
  /** Bad text makes `render` reject instead of drawing an error box. */
  readonly suppressErrorRendering: true;
}

/**
 * The argument to `mermaid.initialize`, for any Mermaid theme (the preview webview,
 * client/webview/src/renderer.ts). `useMaxWidth: false` gives the SVG its natural size.
 */
export function mermaidInitConfig(theme: MermaidThemeName, useMaxWidth = false): MermaidInitConfig {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    maxTextSize: MAX_TEXT_SIZE,
    theme,
    htmlLabels: false,
    sequence: { useMaxWidth, mirrorActors: true, showSequenceNumbers: false },
    suppressErrorRendering: true,
  };
}

/**
 * The configuration for an export theme, with the preview's settings; an exported
 * image keeps its natural size unless `useMaxWidth` (it is not squeezed into a page width).
 */
export function mermaidConfig(theme: ExportTheme, useMaxWidth = false): MermaidInitConfig {
  return { ...mermaidInitConfig(theme === 'dark' ? 'dark' : 'default', useMaxWidth), fontFamily: EXPORT_FONT_FAMILY };
}
