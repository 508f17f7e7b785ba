/**
 * Mermaid, used defensively: never started on load, `strict` security, errors thrown
 * rather than drawn (`suppressErrorRendering`, so `render` itself rejects bad text and a
 * separate `parse` would only parse everything twice), one render at a time, a render
 * whose result is no longer the newest request thrown away, and no render at all when
 * neither the text nor the theme changed.
 */
import { mermaidInitConfig } from '../../../server/src/export/mermaid-config.js';
import { afterLayout } from '../../../server/src/diagram/after-layout.js';
import type { MermaidTheme } from './theme.js';
import { loadMermaid, type Mermaid } from './load-mermaid.js';

// (Re-exported for the preview and the playground, which import it from the renderer.)
export { loadMermaid };


export interface RenderJob {
  readonly version: number;
  readonly text: string;
  readonly theme: MermaidTheme;
}

export type RenderOutcome =
  | { readonly kind: 'drawn'; readonly svg: string }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'superseded' }
  | { readonly kind: 'failed'; readonly error: string };

let renderCount = 0;

export class Renderer {
  /** The newest job asked for; anything older that finishes is dropped. */
  private newest = -1;
  private last: { text: string; theme: MermaidTheme } | undefined;
  private queue: Promise<void> = Promise.resolve();
  private configuredTheme: MermaidTheme | undefined;

  /**
   * Renders `job` after any render in progress. Resolves with the SVG, or says why
   * there is none. A job whose version is not newer than one already asked for is
   * superseded at once.
   */
  render(job: RenderJob, force = false): Promise<RenderOutcome> {
    if (job.version < this.newest || (job.version === this.newest && !force)) return Promise.resolve({ kind: 'superseded' });
    this.newest = job.version;
    const result = this.queue.then(() => this.run(job));
    this.queue = result.then(() => undefined, () => undefined);
    return result;
  }

  /** Forget the last drawn text, so the next job renders even if it is the same. */
  invalidate(): void {
    this.last = undefined;
  }

  private async run(job: RenderJob): Promise<RenderOutcome> {
    // Let messages already queued behind this one arrive first: of a burst, only the last is drawn.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (job.version !== this.newest) return { kind: 'superseded' };
    if (this.last && this.last.text === job.text && this.last.theme === job.theme) return { kind: 'unchanged' };
    try {
      const mermaid = await loadMermaid();
      // A newer job may have arrived while Mermaid was being fetched (a cold start).
      if (job.version !== this.newest) return { kind: 'superseded' };
      this.configure(mermaid, job.theme);
      const { svg } = await mermaid.render(`tcpflow-diagram-${++renderCount}`, job.text);
      if (job.version !== this.newest) return { kind: 'superseded' };
      this.last = { text: job.text, theme: job.theme };
      return { kind: 'drawn', svg: afterLayout(svg, job.text) };
    } catch (error) {
      removeLeftovers();
      return { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
  }

  private configure(mermaid: Mermaid, theme: MermaidTheme): void {
    if (this.configuredTheme === theme) return;
    // The configuration of every drawing (exports too): strict, plain-text labels, a
    // `maxTextSize` far above Mermaid's 50,000 characters (the extension caps a diagram
    // at a few hundred messages), and errors thrown rather than drawn.
    mermaid.initialize(mermaidInitConfig(theme));
    this.configuredTheme = theme;
  }
}

/** A failed render may leave its scratch element in the page. */
function removeLeftovers(): void {
  for (const el of Array.from(document.querySelectorAll('body > [id^="dtcpflow-diagram-"]'))) el.remove();
}
