/** The Mermaid theme for the page: the one asked for, or VS Code's (from the body class). */
import type { PreviewTheme } from '../../src/preview/messages.js';
import type { MermaidThemeName } from '../../../server/src/export/mermaid-config.js';

export type MermaidTheme = MermaidThemeName;

export function resolveTheme(requested: PreviewTheme, body: HTMLElement): MermaidTheme {
  if (requested !== 'auto') return requested;
  const classes = body.classList;
  if (classes.contains('vscode-high-contrast-light')) return 'default';
  if (classes.contains('vscode-dark') || classes.contains('vscode-high-contrast')) return 'dark';
  return 'default';
}

/** Calls `onChange` whenever VS Code switches theme (it rewrites the body's class). */
export function watchTheme(body: HTMLElement, onChange: () => void): void {
  new MutationObserver(onChange).observe(body, { attributes: true, attributeFilter: ['class'] });
}
