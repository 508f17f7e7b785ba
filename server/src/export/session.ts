/**
 * A browser started only when the first SVG or PNG is needed, and shared by every
 * drawing after it (a batch of fifty files starts Chromium once).
 */
import { findOrUnpackChromium } from './chromium.js';
import { DiagramRenderer, RenderError } from './renderer.js';

/** No browser to draw with (none found, or it would not start): the whole batch stops. */
export class BrowserUnavailable extends Error {}

export class RenderSession {
  private renderer: Promise<DiagramRenderer> | undefined;

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  /** The renderer; rejects with BrowserUnavailable, whose message says how to get a browser. */
  get(): Promise<DiagramRenderer> {
    this.renderer ??= (async () => {
      const found = await findOrUnpackChromium(this.env);
      if ('problem' in found) throw new BrowserUnavailable(found.problem);
      try {
        return await DiagramRenderer.launch(found.path);
      } catch (error) {
        throw new BrowserUnavailable(error instanceof RenderError ? error.message : String(error));
      }
    })();
    return this.renderer;
  }

  async close(): Promise<void> {
    const renderer = this.renderer;
    this.renderer = undefined;
    if (renderer) await renderer.then((r) => r.close(), () => undefined);
  }
}
