/**
 * Light and dark: the reader's system preference until they choose, then their choice
 * (kept in localStorage, which may be unavailable: then it lasts for the visit).
 */
import type { ExportTheme, MermaidThemeName } from '../../server/src/export/mermaid-config.js';

const STORAGE_KEY = 'tcpflow-playground-theme';

function stored(): ExportTheme | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : undefined;
  } catch {
    return undefined;
  }
}

export class PageTheme {
  private current: ExportTheme;

  constructor(private readonly select: HTMLSelectElement, onChange: () => void) {
    this.current = stored() ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
    this.apply();
    select.addEventListener('change', () => {
      this.current = select.value === 'dark' ? 'dark' : 'light';
      try { localStorage.setItem(STORAGE_KEY, this.current); } catch { /* private mode: this visit only */ }
      this.apply();
      onChange();
    });
  }

  get name(): ExportTheme { return this.current; }

  /** Mermaid's theme for the page's. */
  get mermaid(): MermaidThemeName { return this.current === 'dark' ? 'dark' : 'default'; }

  private apply(): void {
    document.documentElement.dataset.theme = this.current;
    this.select.value = this.current;
  }
}
