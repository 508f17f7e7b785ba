/**
 * A drawing in Chromium, with every way it can fail turned into one line: Mermaid
 * rejecting the text (RenderError) or the browser failing under it (a Playwright
 * timeout, a crashed page), which otherwise surfaced as an "internal error".
 */
import { BrowserUnavailable } from '../export/session.js';

/** The drawing of one diagram failed; the message is one line. */
export class DrawingFailed extends Error {}

export async function drawOrExplain<T>(draw: () => Promise<T>): Promise<T> {
  try {
    return await draw();
  } catch (error) {
    if (error instanceof BrowserUnavailable) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new DrawingFailed(message.split('\n')[0]);
  }
}
